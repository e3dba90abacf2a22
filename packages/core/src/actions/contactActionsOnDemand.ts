import { toInboxError } from '../errors'
import type { InboxActions } from '../InboxClient'
import type { ActionContext } from './context'

/** The actions of {@link contactActionsOnDemand}: used from menus, dialogs and settings. */
type OnDemand = Pick<
  InboxActions,
  | 'block'
  | 'unblock'
  | 'recordConsent'
  | 'recordOptOut'
  | 'createInbox'
  | 'updateSettings'
  | 'createClient'
  | 'updateClient'
>
const NAMES: Array<keyof OnDemand> = [
  'block',
  'unblock',
  'recordConsent',
  'recordOptOut',
  'createInbox',
  'updateSettings',
  'createClient',
  'updateClient',
]

/**
 * The contact, client and clinic actions (block, consent, opt-out, client records, inboxes,
 * settings), loaded with their
 * first use or by `preload()` once the inbox is up, not with the inbox: nobody needs them to see
 * a conversation, and the widget lives inside someone else's app. A failed load is tried again
 * with the next call.
 */
export function contactActionsOnDemand(ctx: ActionContext): { actions: OnDemand; preload(): void } {
  let loading: Promise<OnDemand> | null = null
  const load = () => {
    loading ??= import('./contactActions').then(
      (m) => m.contactActions(ctx),
      (error: unknown) => {
        loading = null
        throw toInboxError(error)
      },
    )
    return loading
  }
  const actions = Object.fromEntries(
    NAMES.map((name) => [
      name,
      (...args: unknown[]) => load().then((loaded) => (loaded[name] as (...a: unknown[]) => Promise<unknown>)(...args)),
    ]),
  ) as unknown as OnDemand
  return { actions, preload: () => void load().catch(() => undefined) }
}

import { toInboxError } from '../errors'
import type { InboxActions } from '../InboxClient'
import type { ActionContext } from './context'

/** The conversation, contact and client actions: used from menus and dialogs. */
type MenuNames =
  | 'close'
  | 'reopen'
  | 'markUnread'
  | 'assign'
  | 'moveToInbox'
  | 'dismissOptOutRequest'
  | 'assignToClient'
  | 'remove'
  | 'block'
  | 'unblock'
  | 'recordConsent'
  | 'recordOptOut'
  | 'createClient'
  | 'updateClient'
  | 'startConversation'
  | 'resend'
  | 'upload'
type SettingsNames =
  | 'updateSettings'
  | 'createInbox'
  | 'updateInbox'
  | 'createTemplate'
  | 'updateTemplate'
  | 'deleteTemplate'
  | 'addDocument'
  | 'renameDocument'
  | 'removeDocument'
type OnDemand = Pick<InboxActions, MenuNames | SettingsNames>

const MENU_NAMES: MenuNames[] = [
  'close',
  'reopen',
  'markUnread',
  'assign',
  'moveToInbox',
  'dismissOptOutRequest',
  'assignToClient',
  'remove',
  'block',
  'unblock',
  'recordConsent',
  'recordOptOut',
  'createClient',
  'updateClient',
  'startConversation',
  'resend',
  'upload',
]
const SETTINGS_NAMES: SettingsNames[] = [
  'updateSettings',
  'createInbox',
  'updateInbox',
  'createTemplate',
  'updateTemplate',
  'deleteTemplate',
  'addDocument',
  'renameDocument',
  'removeDocument',
]

/** Functions that load their module with the first call; a failed load is tried again with the next. */
function lazy<N extends string>(names: readonly N[], load: () => Promise<Record<N, unknown>>) {
  let loading: Promise<Record<N, unknown>> | null = null
  const get = () => {
    loading ??= load().catch((error: unknown) => {
      loading = null
      throw toInboxError(error)
    })
    return loading
  }
  const actions = Object.fromEntries(
    names.map((name) => [
      name,
      (...args: unknown[]) => get().then((loaded) => (loaded[name] as (...a: unknown[]) => Promise<unknown>)(...args)),
    ]),
  )
  return { actions, preload: () => void get().catch(() => undefined) }
}

/**
 * The menus' actions (close, reopen, mark unread, assign, move, assign to a client, delete, block,
 * consent, opt-out, client records, uploading a file, starting a conversation, sending a failed
 * text again) and the settings actions (settings, inboxes, templates, library), each loaded with
 * its first use (the menus' also by `preload()` once the inbox is up), not with the inbox: nobody needs them to see a conversation, and the widget lives inside
 * someone else's app. A call made while its module loads waits for it, then runs as usual.
 */
export function actionsOnDemand(ctx: ActionContext): { actions: OnDemand; preload(): void } {
  const menus = lazy(MENU_NAMES, () => import('./menuActions').then((m) => m.menuActions(ctx)))
  const settings = lazy(SETTINGS_NAMES, () =>
    import('./settingsActions').then((m) => m.settingsActions(ctx, menus.actions.upload as InboxActions['upload'])),
  )
  return {
    actions: { ...menus.actions, ...settings.actions } as unknown as OnDemand,
    // The inbox's menus need theirs soon; the settings ones wait for a settings page.
    preload: menus.preload,
  }
}

import type { ConsentRequest, Contact, Inbox, Settings } from '@switchboard/protocol'
import {
  conversationsWithPhone,
  findConversation,
  patchContact,
  placeConversation,
  restore,
  snapshot,
} from '../cache/conversationCache'
import { inboxKeys } from '../cache/keys'
import { InboxError, toInboxError } from '../errors'
import type { ActionContext } from './context'

/** Runs `call` after an optimistic cache change; puts the cache back and rethrows typed if refused. */
async function optimistic<T>(
  ctx: ActionContext,
  change: () => void,
  call: () => Promise<T>,
  done: (result: T) => void,
): Promise<T> {
  const saved = snapshot(ctx.qc)
  change()
  try {
    const result = await call()
    done(result)
    return result
  } catch (error) {
    restore(ctx.qc, saved)
    throw toInboxError(error)
  }
}

export function contactActions(ctx: ActionContext) {
  const setBlocked = (phone: string, blocked: boolean) =>
    optimistic(
      ctx,
      () => {
        const current = conversationsWithPhone(ctx.qc, phone)[0]?.contact
        if (current) patchContact(ctx.qc, { ...current, blocked })
      },
      () => (blocked ? ctx.transport.block(phone) : ctx.transport.unblock(phone)),
      (contact: Contact) => patchContact(ctx.qc, contact),
    )
  /** Records consent given or withdrawn outside SMS, patching the contact (and `also`) at once. */
  const recordConsent = (phone: string, request: ConsentRequest, also: () => void = () => undefined) =>
    optimistic(
      ctx,
      () => {
        also()
        const current = conversationsWithPhone(ctx.qc, phone)[0]?.contact
        if (!current) return
        const record = { ...request, at: new Date().toISOString(), recordedBy: ctx.viewer().userId || null }
        const revokes = request.status === 'revoked' && request.scope === 'transactional'
        patchContact(ctx.qc, {
          ...current,
          consent: [...current.consent, record],
          optedOut: current.optedOut ?? (revokes ? { at: record.at, via: 'staff' } : null),
        })
      },
      () => ctx.transport.recordConsent(phone, request),
      (contact: Contact) => {
        patchContact(ctx.qc, contact)
        void ctx.qc.invalidateQueries({ queryKey: ['switchboard', 'contacts'] })
      },
    )
  return {
    /** Blocks a number: nothing is sent to it and its texts open nothing. */
    block: (phone: string) => setBlocked(phone, true),
    unblock: (phone: string) => setBlocked(phone, false),
    /** Records consent given or withdrawn outside SMS; shown on the contact at once. */
    recordConsent: (phone: string, request: ConsentRequest) => recordConsent(phone, request),
    /**
     * Records the "possible opt-out" text of a conversation as the contact's opt-out (consent
     * revoked by reply, in the text's words): nothing more is sent to the number, at once.
     */
    recordOptOut: (conversationId: string) => {
      const conversation = findConversation(ctx.qc, conversationId)
      if (!conversation) {
        return Promise.reject(new InboxError('not_found', 'This conversation is not loaded; open it and try again.'))
      }
      const request = conversation.optOutRequest
      return recordConsent(
        conversation.contact.phone,
        {
          status: 'revoked',
          method: 'sms-reply',
          scope: 'transactional',
          ...(request ? { note: `Replied on ${request.at.slice(0, 10)}: "${request.excerpt}"` } : {}),
        },
        () => placeConversation(ctx.qc, { ...conversation, optOutRequest: null }, ctx.viewer()),
      )
    },
    /** Creates an inbox; it joins the cached inbox list at once (under a temporary id until the reply). */
    createInbox: (name: string) => {
      const temporary = { id: `pending:${ctx.newId()}`, name: name.trim() }
      return optimistic(
        ctx,
        () => {
          const list = ctx.qc.getQueryData<Inbox[]>(inboxKeys.inboxes())
          if (list) ctx.qc.setQueryData(inboxKeys.inboxes(), [...list, temporary])
        },
        () => ctx.transport.createInbox(name),
        (inbox: Inbox) => {
          const list = (ctx.qc.getQueryData<Inbox[]>(inboxKeys.inboxes()) ?? []).filter((i) => i.id !== temporary.id)
          if (!list.some((i) => i.id === inbox.id)) ctx.qc.setQueryData(inboxKeys.inboxes(), [...list, inbox])
        },
      )
    },
    /** Saves the settings; the cached copy changes at once. */
    updateSettings: (settings: Settings) =>
      optimistic(
        ctx,
        () => ctx.qc.setQueryData(inboxKeys.settings(), settings),
        () => ctx.transport.updateSettings(settings),
        (saved: Settings) => ctx.qc.setQueryData(inboxKeys.settings(), saved),
      ),
  }
}

import type {
  Client,
  ConsentRequest,
  Contact,
  CreateClientRequest,
  PatchClientRequest,
  Stamped,
} from '@switchboard/protocol'
import { conversationsWhere, conversationsWithPhone, findConversation } from '../cache/conversationCache'
import { inboxKeys } from '../cache/keys'
import { InboxError, toInboxError } from '../errors'
import type { ActionContext } from './context'
import { optimistic } from './optimistic'

export function contactActions(ctx: ActionContext) {
  /** Shows a contact change at once on every conversation with the number. */
  const showContact = (phone: string, patch: (contact: Contact) => Contact) => () => {
    const current = conversationsWithPhone(ctx.qc, phone)[0]?.contact
    if (current) ctx.sync.applyLocal({ type: 'contact.updated', contact: patch(current) })
  }
  const placeContact = (reply: Stamped<Contact>) => ctx.sync.placeContact(reply.data, reply.seq)
  const setBlocked = async (phone: string, blocked: boolean): Promise<Contact> => {
    const reply = await optimistic(ctx, {
      show: showContact(phone, (c) => ({ ...c, blocked })),
      call: () => (blocked ? ctx.transport.block(phone) : ctx.transport.unblock(phone)),
      place: placeContact,
    })
    return reply.data
  }
  /** Records consent given or withdrawn outside SMS, shown on the contact at once. */
  const recordConsent = async (
    phone: string,
    request: ConsentRequest,
    conversation?: { id: string },
  ): Promise<Contact> => {
    const reply = await optimistic(ctx, {
      ...(conversation
        ? { conversation: { id: conversation.id, change: (c) => ({ ...c, optOutRequest: null }) } }
        : {}),
      show: showContact(phone, (current) => {
        const record = {
          ...request,
          at: request.at ?? new Date().toISOString(),
          recordedBy: ctx.viewer().userId || null,
        }
        const revokes = request.status === 'revoked' && request.scope === 'transactional'
        return {
          ...current,
          consent: [...current.consent, record],
          optedOut: current.optedOut ?? (revokes ? { at: record.at, via: 'staff' } : null),
        }
      }),
      call: () => ctx.transport.recordConsent(phone, request),
      place: placeContact,
    })
    return reply.data
  }
  /** Places a client record from the server, and lets cached searches find it as it is now. */
  const placeClient = (client: Client) => {
    ctx.qc.setQueryData(inboxKeys.client(client.id), client)
    void ctx.qc.invalidateQueries({ queryKey: inboxKeys.clientSearches() }).catch(() => undefined)
  }
  /** Shows a client's new name and e-mail at once: their record and every cached conversation with them. */
  const showClient = (id: string, patch: PatchClientRequest) => () => {
    const record = ctx.qc.getQueryData<Client>(inboxKeys.client(id))
    if (record) {
      ctx.qc.setQueryData(inboxKeys.client(id), {
        ...record,
        ...(patch.firstName !== undefined ? { firstName: patch.firstName } : {}),
        ...(patch.lastName !== undefined ? { lastName: patch.lastName } : {}),
        ...(patch.email !== undefined ? { email: patch.email } : {}),
      })
    }
    if (patch.firstName === undefined && patch.lastName === undefined) return
    for (const conversation of conversationsWhere(ctx.qc, (c) => c.client?.id === id)) {
      const client = conversation.client as NonNullable<typeof conversation.client>
      ctx.sync.applyLocal({
        type: 'conversation.updated',
        conversation: {
          ...conversation,
          client: {
            ...client,
            firstName: patch.firstName ?? client.firstName,
            lastName: patch.lastName ?? client.lastName,
          },
        },
      })
    }
  }
  return {
    /** Creates a client record (`clients.edit`); searches find it at once. */
    createClient: async (request: CreateClientRequest): Promise<Client> => {
      let client: Client
      try {
        client = await ctx.transport.createClient(request)
      } catch (error) {
        throw toInboxError(error)
      }
      placeClient(client)
      return client
    },
    /**
     * Edits a client (`clients.edit`): the new name shows at once on their record and every
     * conversation with them; back as it was, with a typed error, if the server refuses.
     */
    updateClient: (id: string, patch: PatchClientRequest): Promise<Client> =>
      optimistic(ctx, {
        show: showClient(id, patch),
        call: () => ctx.transport.updateClient(id, patch),
        place: placeClient,
      }),
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
        { id: conversationId },
      )
    },
  }
}

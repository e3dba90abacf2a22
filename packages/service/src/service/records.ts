import { type Conversation, type Message, messagePreview, SwitchboardError } from '@switchboard/protocol'
import { toContact } from '../memory/memoryTx'
import type { ContactRecord, ConversationRecord, MessageRecord } from '../ports'
import type { Work } from './context'

/** A conversation record of this clinic, or `not_found`. */
export async function loadConversation(w: Work, id: string): Promise<ConversationRecord> {
  const record = await w.tx.getConversationRecord(id)
  if (!record) throw new SwitchboardError('not_found', 'This conversation does not exist or was deleted.', { id })
  return record
}

/** Reads a conversation back with its contact and client and queues `conversation.updated`. */
export async function emitConversation(w: Work, id: string): Promise<Conversation> {
  const conversation = await w.tx.getConversation(id)
  if (!conversation) throw new SwitchboardError('not_found', 'This conversation does not exist or was deleted.', { id })
  w.emit({ type: 'conversation.updated', conversation })
  return conversation
}

/** Stores a contact and queues `contact.updated` plus its conversation's `conversation.updated`. */
export async function saveContact(w: Work, contact: ContactRecord): Promise<void> {
  await w.tx.putContact(contact)
  w.emit({ type: 'contact.updated', contact: toContact(contact) })
  const conversation = await w.tx.findConversationByPhone(contact.phone)
  if (conversation) await emitConversation(w, conversation.id)
}

/** The contact for a phone number, created (and matched to a client by number) on first use. */
export async function ensureContact(w: Work, phone: string, clientId?: string): Promise<ContactRecord> {
  const existing = await w.tx.getContact(phone)
  if (existing) {
    if (clientId && existing.clientId !== clientId) {
      const linked = { ...existing, clientId }
      await w.tx.putContact(linked)
      return linked
    }
    return existing
  }
  const client = clientId ? null : await w.tx.findClientByPhone(phone)
  const contact: ContactRecord = {
    phone,
    clientId: clientId ?? client?.id ?? null,
    optedOut: null,
    blocked: false,
    consent: [],
    footerSentAt: null,
    afterHoursPeriod: null,
  }
  await w.tx.putContact(contact)
  return contact
}

/** The conversation of a phone number, created closed (a campaign) or open (anything else). */
export async function ensureConversation(
  w: Work,
  ctxNewId: (prefix: string) => string,
  phone: string,
  status: 'open' | 'closed',
): Promise<{ record: ConversationRecord; created: boolean }> {
  const existing = await w.tx.findConversationByPhone(phone)
  if (existing) return { record: existing, created: false }
  const record: ConversationRecord = {
    id: ctxNewId('cnv'),
    phone,
    status,
    inboxId: null,
    assigneeId: null,
    unreadCount: 0,
    markedUnread: false,
    lastMessage: null,
    lastActivityAt: w.now,
    createdAt: w.now,
    closedAt: status === 'closed' ? w.now : null,
  }
  await w.tx.putConversation(record)
  return { record, created: true }
}

/** What a list row shows of a message. */
export const previewOf = messagePreview

/** The wire form of a stored message. */
export function toMessage({ phone: _p, providerMessageId: _id, ...message }: MessageRecord): Message {
  return message
}

/** Refuses a text to an opted-out or blocked contact with the codes the API promises. */
export function assertCanText(contact: ContactRecord): void {
  if (contact.blocked) {
    throw new SwitchboardError('recipient_blocked', 'This contact is blocked; unblock them before texting.', {
      phone: contact.phone,
    })
  }
  if (contact.optedOut) {
    const when = contact.optedOut.at.slice(0, 10)
    const how = contact.optedOut.keyword ? ` by replying ${contact.optedOut.keyword}` : ''
    throw new SwitchboardError(
      'recipient_opted_out',
      `This contact opted out of texts${how} on ${when}. They can opt back in by texting START.`,
      { phone: contact.phone },
    )
  }
}

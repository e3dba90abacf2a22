import {
  type Conversation,
  type Message,
  messagePreview,
  normalizePhone,
  SwitchboardError,
  textingRefusal,
} from '@switchboard/protocol'
import type { ContactRecord, ConversationRecord, MessageRecord } from '../ports'
import { blankContact, toContact } from '../ports'
import type { Work } from './context'

/** A conversation record of this clinic, or `not_found`. */
export async function loadConversation(w: Work, id: string): Promise<ConversationRecord> {
  const record = await w.tx.getConversationRecord(id)
  if (!record) throw new SwitchboardError('not_found', 'This conversation does not exist or was deleted.', { id })
  return record
}

/**
 * Marks a conversation changed (one `conversation.updated` with its state at commit) and reads it
 * back with its contact and client.
 */
export async function emitConversation(w: Work, id: string): Promise<Conversation> {
  const conversation = await w.tx.getConversation(id)
  if (!conversation) throw new SwitchboardError('not_found', 'This conversation does not exist or was deleted.', { id })
  w.conversationChanged(id)
  return conversation
}

/**
 * Stores a contact and queues `contact.updated` plus its conversation's `conversation.updated`.
 * Once the contact is opted out, a pending "possible opt-out" flag has been answered and goes.
 */
export async function saveContact(w: Work, contact: ContactRecord, held?: ConversationRecord): Promise<void> {
  await w.tx.putContact(contact)
  w.emit({ type: 'contact.updated', contact: toContact(contact) })
  // A caller that holds the number's conversation record passes it, so it is changed in place.
  const conversation = held ?? (await w.tx.findConversationByPhone(contact.phone))
  if (!conversation) return
  if (contact.optedOut && conversation.optOutRequest) {
    conversation.optOutRequest = null
    await w.tx.putConversation(conversation)
  }
  await emitConversation(w, conversation.id)
}

/**
 * A phone number given by staff or a PMS, in E.164 read in the clinic's country; `invalid_phone`
 * when it cannot be texted, including the clinic's own SMS number.
 */
export function contactPhone(w: Work, input: string): string {
  const phone = normalizePhone(input, w.clinic.clinic.country)
  if (phone === w.clinic.clinic.smsNumber) {
    throw new SwitchboardError('invalid_phone', "This is the clinic's own SMS number; it cannot be a contact.", {
      reason: 'clinic_number',
    })
  }
  return phone
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
  const contact: ContactRecord = { ...blankContact(phone), clientId: clientId ?? client?.id ?? null }
  await w.tx.putContact(contact)
  return contact
}

/** The conversation of a phone number, created closed (a campaign, a blocked number) or open (anything else). */
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
    optOutRequest: null,
  }
  await w.tx.putConversation(record)
  return { record, created: true }
}

/** What a list row shows of a message. */
export const previewOf = messagePreview

/** The wire form of a stored message (its attachment URLs as stored: hand it out through `presentMessage`). */
export function toMessage({
  phone: _p,
  providerMessageId: _id,
  carriesFooter: _f,
  ...message
}: MessageRecord): Message {
  return message
}

/** Refuses a text to an opted-out or blocked contact with the codes the API promises. */
export function assertCanText(contact: ContactRecord): void {
  const refusal = textingRefusal(contact)
  if (refusal) throw new SwitchboardError(refusal.code, refusal.message, { phone: contact.phone })
}

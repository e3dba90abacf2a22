import type { Contact } from './entities'

/** Why a contact cannot be texted by staff, as an error code and a message for them. */
export interface TextingRefusal {
  code: 'recipient_blocked' | 'recipient_opted_out'
  message: string
}

/**
 * Whether staff may text this contact: never a blocked number, never one that opted out (only
 * their own START lifts a keyword opt-out). The one rule the service enforces, the client checks
 * before queueing, and the composer shows as its lock.
 *
 * @example
 * textingRefusal(conversation.contact)?.message // "This contact opted out of texts by replying STOP on 2026-11-02. …"
 */
export function textingRefusal(contact: Pick<Contact, 'blocked' | 'optedOut'>): TextingRefusal | null {
  if (contact.blocked) {
    return { code: 'recipient_blocked', message: 'This contact is blocked; unblock them before texting.' }
  }
  if (contact.optedOut) {
    const when = contact.optedOut.at.slice(0, 10)
    const how = contact.optedOut.keyword ? ` by replying ${contact.optedOut.keyword}` : ''
    return {
      code: 'recipient_opted_out',
      message: `This contact opted out of texts${how} on ${when}. They can opt back in by texting START.`,
    }
  }
  return null
}

import type { Contact, DeliveryError, Message } from './entities'

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

/**
 * The carrier failures where sending the same text again can help: the phone was off or out of
 * coverage, a carrier filter, a failure nobody explained, a hand-off the server could not finish.
 * Never a landline, a number not in service, an opt-out or a block: sending again would fail the
 * same way, or text someone who said stop.
 */
export const RESENDABLE_FAILURES: ReadonlySet<DeliveryError['reason']> = new Set([
  'unreachable',
  'carrier-rejected',
  'unknown',
])

/**
 * Whether staff may send a failed text again: one of their own, failed for a reason where trying
 * again can help, not already sent again, to a contact who can still be texted.
 *
 * @example
 * canSendAgain(failedBecausePhoneWasOff, conversation.contact) // true
 * canSendAgain(failedBecauseLandline, conversation.contact) // false
 */
export function canSendAgain(
  message: Pick<Message, 'direction' | 'origin' | 'status' | 'error' | 'resentAs'>,
  contact: Pick<Contact, 'blocked' | 'optedOut'>,
): boolean {
  return (
    message.direction === 'outbound' &&
    message.origin === 'staff' &&
    message.status === 'failed' &&
    message.resentAs === undefined &&
    message.error !== undefined &&
    RESENDABLE_FAILURES.has(message.error.reason) &&
    textingRefusal(contact) === null
  )
}

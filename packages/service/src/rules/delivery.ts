import type { DeliveryError, MessageStatus } from '@switchboard/protocol'

const RANK: Record<MessageStatus, number> = { queued: 0, sending: 1, sent: 2, delivered: 3, failed: 3, received: 0 }

/**
 * Whether an outbound message may move from `from` to `to`: only forward along
 * queued → sending → sent → delivered, or to failed from any state before delivered. A repeated
 * or older status (providers resend and reorder callbacks) is ignored.
 */
export function canAdvanceStatus(from: MessageStatus, to: MessageStatus): boolean {
  if (from === 'received' || to === 'received') return false
  if (from === 'delivered' || from === 'failed') return false
  return RANK[to] > RANK[from]
}

const REASONS: Record<string, Pick<DeliveryError, 'reason' | 'message'>> = {
  landline: { reason: 'landline', message: 'This number is a landline and cannot receive texts.' },
  'invalid-number': { reason: 'invalid-number', message: 'This number does not exist or is not in service.' },
  'opted-out': { reason: 'opted-out', message: 'Not sent: the recipient has opted out of texts from this number.' },
  'carrier-rejected': { reason: 'carrier-rejected', message: "The recipient's carrier rejected the message." },
  unreachable: { reason: 'unreachable', message: 'The phone was unreachable; it may be off or out of coverage.' },
  blocked: { reason: 'blocked', message: 'Not sent: this contact was blocked before the message went out.' },
  interrupted: {
    reason: 'unknown',
    message:
      'The server stopped while handing this text to the provider: it may not have gone out. Send it again if it matters.',
  },
}

/** Provider error codes (Twilio-style numbers and plain names) mapped to a reason staff can act on. */
const CODES: Record<string, string> = {
  '30006': 'landline',
  '30005': 'invalid-number',
  '21211': 'invalid-number',
  '21614': 'landline',
  '21610': 'opted-out',
  '30004': 'opted-out',
  '30007': 'carrier-rejected',
  '30003': 'unreachable',
  '30008': 'unreachable',
}

/**
 * Turns a provider's failure code into a delivery error with a plain reason.
 *
 * @example
 * describeDeliveryError('30006') // { code: '30006', reason: 'landline', message: 'This number is a landline…' }
 */
export function describeDeliveryError(code: string, providerMessage?: string): DeliveryError {
  const known = REASONS[CODES[code] ?? code]
  if (known) return { code, ...known }
  return {
    code,
    reason: 'unknown',
    message: providerMessage
      ? `The message could not be delivered (${providerMessage}).`
      : 'The message could not be delivered.',
  }
}

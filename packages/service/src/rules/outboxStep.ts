import type { MessageRecord } from '../ports'

/** What a look at the outbox does with a text the provider may not have. */
export type OutboxStep = 'hand-over' | 'cut-off' | 'wait'

/**
 * The outbox's rule, for a server at its start or sweeping while others serve beside it:
 *
 * - `queued`: hand it over. Whoever does it first (this server, or another one that queued it a
 *   moment ago) moves it from queued to sending under the clinic's lock, so it goes out once.
 * - `sending` without the provider's id: a hand-off in progress, or one a stopped server cut off
 *   (the provider may or may not have it: sending again could text the client twice). Cut off
 *   once it has been so for `handOffTimeoutMs` (longer than any provider call lasts); before
 *   that, another server may still be handing it over: wait. A server alone, at its start, passes
 *   0: nothing else can be handing it over.
 */
export function outboxStep(
  message: Pick<MessageRecord, 'status' | 'providerMessageId' | 'updatedAt'>,
  now: Date,
  handOffTimeoutMs: number,
): OutboxStep {
  if (message.status === 'queued') return 'hand-over'
  if (message.status !== 'sending' || message.providerMessageId !== null) return 'wait'
  return now.getTime() - Date.parse(message.updatedAt) >= handOffTimeoutMs ? 'cut-off' : 'wait'
}

import type { Message } from '@switchboard/protocol'
import { toInboxError } from '../errors'
import type { InboxStore } from '../store'
import type { Transport } from '../transport/Transport'
import { backoffDelay, type RetryOptions } from './backoff'
import type { OutboxEntry } from './outboxEntry'

/** What the sender needs from its outbox (see `createOutbox`). */
export interface SenderOptions {
  store: InboxStore
  transport: Transport
  retry?: RetryOptions
  onSent(message: Message, entry: OutboxEntry): void
  now: () => number
  /** Resolves once the stored entries are back in the queue. */
  hydrated: Promise<void>
  entries(): OutboxEntry[]
  patch(id: string, change: Partial<OutboxEntry>): void
  remove(id: string): void
  stopped(): boolean
}

/**
 * The outbox's sender: one message at a time per conversation, in the order written; a send that
 * may succeed later (network, timeout, 5xx) waits with backoff and goes again, a refused one is
 * kept as `failed`.
 */
export function createSender(options: SenderOptions) {
  const { transport, now, hydrated, entries, patch, remove, stopped } = options
  const busy = new Set<string>()
  const timers = new Map<string, ReturnType<typeof setTimeout>>()

  function schedule(conversationId: string, delay: number): void {
    clearTimeout(timers.get(conversationId))
    timers.set(
      conversationId,
      setTimeout(() => {
        timers.delete(conversationId)
        void pump(conversationId)
      }, delay),
    )
  }

  async function pump(conversationId: string): Promise<void> {
    await hydrated
    if (stopped() || busy.has(conversationId)) return
    const head = entries().find((e) => e.conversationId === conversationId && e.status !== 'failed')
    if (!head) return
    const wait = head.nextAttemptAt - now()
    if (wait > 0) return schedule(conversationId, wait)
    busy.add(conversationId)
    patch(head.clientMessageId, { status: 'sending', attempts: head.attempts + 1 })
    try {
      const message = await transport.sendMessage(conversationId, {
        clientMessageId: head.clientMessageId,
        body: head.body,
        attachmentIds: head.attachments.map((a) => a.id),
      })
      remove(head.clientMessageId)
      options.onSent(message, head)
    } catch (thrown) {
      const error = toInboxError(thrown)
      const summary = { code: error.code, message: error.message, retryable: error.retryable }
      if (!entries().some((e) => e.clientMessageId === head.clientMessageId)) {
        // discarded or acknowledged by an event meanwhile
      } else if (error.retryable) {
        patch(head.clientMessageId, {
          status: 'queued',
          error: summary,
          nextAttemptAt: now() + backoffDelay(head.attempts + 1, options.retry),
        })
      } else {
        patch(head.clientMessageId, { status: 'failed', error: summary })
      }
    } finally {
      busy.delete(conversationId)
    }
    await pump(conversationId)
  }

  return {
    pump,
    /** Clears the timers of waiting retries (the entries stay queued). */
    stop(): void {
      for (const timer of timers.values()) clearTimeout(timer)
      timers.clear()
    },
  }
}

/** The sender of one outbox, as made by {@link createSender}. */
export type Sender = ReturnType<typeof createSender>

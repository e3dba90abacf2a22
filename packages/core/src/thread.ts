import { compareMessages, type Message } from '@switchboard/protocol'
import type { OutboxEntry } from './outbox/outboxEntry'

/** One row of a thread: a message the server has, or one still in the outbox. */
export type ThreadItem =
  | { kind: 'message'; key: string; message: Message }
  | { kind: 'pending'; key: string; entry: OutboxEntry }

/**
 * A thread as the user sees it: the server's messages in `seq` order, then this conversation's
 * outbox entries the server has not acknowledged, in the order they were written. A message is
 * never shown twice (an acknowledged entry hides behind its server copy).
 */
export function threadItems(
  messages: readonly Message[],
  outbox: readonly OutboxEntry[],
  conversationId: string,
): ThreadItem[] {
  const acknowledged = new Set(messages.map((m) => m.clientMessageId).filter(Boolean))
  const pending = outbox
    .filter((e) => e.conversationId === conversationId && !acknowledged.has(e.clientMessageId))
    .map((entry) => ({ entry, key: { createdAt: entry.createdAt, clientMessageId: entry.clientMessageId } }))
    .sort((a, b) => compareMessages(a.key, b.key))
  return [
    ...[...messages]
      .sort(compareMessages)
      .map((message): ThreadItem => ({ kind: 'message', key: message.clientMessageId ?? message.id, message })),
    ...pending.map(({ entry }): ThreadItem => ({ kind: 'pending', key: entry.clientMessageId, entry })),
  ]
}

import { compareMessages, type Message } from '@switchboard/protocol'
import { flattenThread, type ThreadData } from './cache/threads'
import type { OutboxEntry } from './outbox/outboxEntry'

/** One row of a thread: a message the server has, or one still in the outbox. */
export type ThreadItem =
  | { kind: 'message'; key: string; message: Message }
  | { kind: 'pending'; key: string; entry: OutboxEntry }

/**
 * A thread as the user sees it, sorted once: the cached pages of server messages (`data`, as the
 * `messages` query holds them) in `seq` order, then this conversation's outbox entries the server
 * has not acknowledged, in the order they were written. A message is never shown twice (an
 * acknowledged entry hides behind its server copy). The one place a thread is ordered: views draw
 * it as it comes.
 *
 * @example
 * const items = mergeThread(client.queryClient.getQueryData(client.queries.messages(id).queryKey), outbox, id)
 */
export function mergeThread(
  data: ThreadData | undefined,
  outbox: readonly OutboxEntry[],
  conversationId: string,
): ThreadItem[] {
  const mine = outbox.filter((e) => e.conversationId === conversationId)
  const acknowledged = new Set<string>()
  const items: ThreadItem[] = []
  for (const message of flattenThread(data)) {
    // Only a conversation with sends in the outbox needs to know which the server already has.
    if (mine.length && message.clientMessageId) acknowledged.add(message.clientMessageId)
    items.push({ kind: 'message', key: message.clientMessageId ?? message.id, message })
  }
  const pending = mine.filter((e) => !acknowledged.has(e.clientMessageId))
  pending.sort(compareMessages)
  for (const entry of pending) items.push({ kind: 'pending', key: entry.clientMessageId, entry })
  return items
}

import { type ConversationSortKey, compareConversations } from '@switchboard/protocol'

/** The index in `order` (ids in list order) where `key` stands or would stand. */
function search(
  order: readonly string[],
  keyOf: (id: string) => ConversationSortKey,
  key: ConversationSortKey,
): number {
  let lo = 0
  let hi = order.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (compareConversations(keyOf(order[mid] as string), key) < 0) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Removes `key`'s id from the sorted `order`, if there. */
export function removeFromOrder(
  order: string[],
  keyOf: (id: string) => ConversationSortKey,
  key: ConversationSortKey,
): void {
  const i = search(order, keyOf, key)
  if (order[i] === key.id) order.splice(i, 1)
}

/** Inserts `key`'s id into the sorted `order` at its place. */
export function insertIntoOrder(
  order: string[],
  keyOf: (id: string) => ConversationSortKey,
  key: ConversationSortKey,
): void {
  order.splice(search(order, keyOf, key), 0, key.id)
}

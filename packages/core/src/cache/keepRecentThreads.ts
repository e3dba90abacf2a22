import type { QueryClient } from '@tanstack/query-core'

/** What opening a conversation caches for it: its history and record, its client's record and history. */
const PER_CONVERSATION = new Set<unknown>(['messages', 'conversation', 'client', 'client-messages'])

/**
 * Keeps the histories of the last `count` closed threads cached, for a quick return to them, and
 * drops older ones at once instead of after TanStack's five minutes: staff who open hundreds of
 * conversations a day do not keep hundreds of histories in memory. The same for a closed
 * conversation's own record and its client's record and history (the client panel). What is on
 * screen is never dropped.
 */
export function keepRecentThreads(qc: QueryClient, count = 10): () => void {
  const cache = qc.getQueryCache()
  // Query hashes by kind (threads, records), the longest closed first.
  const closedOf = new Map<unknown, string[]>()
  return cache.subscribe((event) => {
    const kind = event.query.queryKey[1]
    if (event.type !== 'observerRemoved' || !PER_CONVERSATION.has(kind)) return
    if (event.query.getObserversCount() > 0) return
    const closed = closedOf.get(kind) ?? []
    closedOf.set(kind, closed)
    const hash = event.query.queryHash
    const at = closed.indexOf(hash)
    if (at >= 0) closed.splice(at, 1)
    closed.push(hash)
    while (closed.length > count) {
      const oldest = cache.get(closed.shift() as string)
      if (oldest && oldest.getObserversCount() === 0) cache.remove(oldest)
    }
  })
}

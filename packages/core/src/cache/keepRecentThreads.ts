import type { QueryClient } from '@tanstack/query-core'

/**
 * Keeps the histories of the last `count` closed threads cached, for a quick return to them, and
 * drops older ones at once instead of after TanStack's five minutes: staff who open hundreds of
 * conversations a day do not keep hundreds of histories in memory. An open thread is never dropped.
 */
export function keepRecentThreads(qc: QueryClient, count = 10): () => void {
  const cache = qc.getQueryCache()
  const closed: string[] = [] // query hashes, the longest closed first
  return cache.subscribe((event) => {
    if (event.type !== 'observerRemoved' || event.query.queryKey[1] !== 'messages') return
    if (event.query.getObserversCount() > 0) return
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

import type { QueryClient, QueryKey } from '@tanstack/query-core'
import type { InboxStore } from '../store'
import type { CacheSync } from './cacheSync'
import { inboxKeys } from './keys'
import { REMOVE, replay } from './reduceQuery'

/** The cached data before an optimistic change, and the seq it reflected. */
export interface CacheSnapshot {
  seq: number | null
  entries: Array<[QueryKey, unknown]>
}

/** What the cache holds now, to put back with {@link restore} if an optimistic change is refused. */
export function snapshot(qc: QueryClient, store: InboxStore): CacheSnapshot {
  return { seq: store.getState().connection.lastSeq, entries: qc.getQueriesData({ queryKey: inboxKeys.all }) }
}

/** The part of a snapshot whose queries changed since it was taken (what a change touched). */
export function changedSince(qc: QueryClient, saved: CacheSnapshot): CacheSnapshot {
  return { seq: saved.seq, entries: saved.entries.filter(([key, data]) => qc.getQueryData(key) !== data) }
}

/**
 * Puts back what changed since `saved`, with every event applied since replayed onto it: the
 * server's state without the refused change, and without reading anything again (what is older
 * than the kept events is read again).
 */
export function restore(qc: QueryClient, sync: CacheSync, saved: CacheSnapshot): void {
  const events = saved.seq === null ? [] : sync.eventsSince(saved.seq)
  const ctx = sync.context()
  for (const [key, data] of saved.entries) {
    if (qc.getQueryData(key) === data) continue
    if (events === null) {
      void qc.invalidateQueries({ queryKey: key, exact: true }).catch(() => undefined)
      continue
    }
    const restored = replay(key, data, events, ctx)
    if (restored === REMOVE) qc.removeQueries({ queryKey: key, exact: true })
    else qc.setQueryData(key, restored)
  }
}

import type { Limits, Viewer } from '@switchboard/protocol'
import type { QueryClient } from '@tanstack/query-core'
import type { CacheSync } from '../cache/cacheSync'
import type { Outbox } from '../outbox/createOutbox'
import type { InboxStore } from '../store'
import type { Transport } from '../transport/Transport'

/** What the actions work with. */
export interface ActionContext {
  qc: QueryClient
  transport: Transport
  store: InboxStore
  outbox: Outbox
  /** The one writer of the cache: events, stamped replies, optimistic changes. */
  sync: CacheSync
  viewer(): Viewer
  /** The clinic's country, for reading national phone numbers. */
  country(): string
  /** The clinic's attachment limits, once `/me` is loaded. */
  limits(): Limits | undefined
  newId(): string
}

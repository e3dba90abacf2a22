import type { Viewer } from '@switchboard/protocol'
import type { QueryClient } from '@tanstack/query-core'
import type { Outbox } from '../outbox/createOutbox'
import type { InboxStore } from '../store'
import type { Transport } from '../transport/Transport'

/** What the actions work with. */
export interface ActionContext {
  qc: QueryClient
  transport: Transport
  store: InboxStore
  outbox: Outbox
  viewer(): Viewer
  /** The clinic's country, for reading national phone numbers. */
  country(): string
  newId(): string
  /** The seq of the last event applied (0 before any). */
  appliedSeq(): number
  /** Whether an event touching this conversation was applied after `seq`. */
  touchedAfter(conversationId: string, seq: number): boolean
}

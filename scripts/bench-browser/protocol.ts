// Messages between the bench page and its backend worker.
import type { ServerEvent } from '@switchboard/protocol'

export interface SetupOptions {
  /** Conversations of the clinic. */
  conversations: number
  /** For each, a conversation given that many messages (in list order). */
  threads: number[]
}

export interface SetupResult {
  baseUrl: string
  /** The phones of the 200 newest conversations, but blocked ones. */
  phones: string[]
  /** Their ids. */
  ids: string[]
  threads: Array<{ id: string; phone: string; messages: number }>
  setupMs: number
}

export type BackendRequest = { id: number } & (
  | { type: 'setup'; options: SetupOptions }
  | { type: 'fetch'; url: string; init: RequestInit }
  | { type: 'oneReply'; on: boolean }
  | { type: 'text'; phone: string; body: string }
  | { type: 'burst'; count: number; ms: number; phones: string[]; prefix: string }
)

export type BackendReply =
  | { type: 'reply'; id: number; value?: unknown; error?: string }
  | { type: 'event'; event: ServerEvent; sentAt: number }

/** The worker's answer to a `fetch`, with when it had the request and when it answered (epoch ms, for `?marks`). */
export interface FetchReply {
  status: number
  headers: Record<string, string>
  body: string
  received: number
  answered: number
}

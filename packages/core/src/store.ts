import { type ConversationFilter, DEFAULT_CONVERSATION_FILTER, normalizeFilter } from '@switchboard/protocol'
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { InboxError } from './errors'
import type { OutboxEntry } from './outbox/outboxEntry'
import type { ConnectionStatus } from './transport/Transport'

/** Someone else typing in, or viewing, a conversation. */
export interface TypingPresence {
  userId: string
  name: string
  /** When the signal was last seen (ms since epoch); stale after TYPING_TTL / VIEWING_TTL. */
  at: number
}

/** Someone else with a conversation open. */
export type ViewingPresence = TypingPresence

/** The UI state of an inbox client: everything that is not server data. */
export interface InboxState {
  filter: ConversationFilter
  selectedConversationId: string | null
  /** Unsent text per conversation id. */
  drafts: Record<string, string>
  /** Messages waiting for (or refused by) the server, oldest first. */
  outbox: OutboxEntry[]
  connection: { status: ConnectionStatus; error: InboxError | null; lastSeq: number | null }
  /** Who else is typing, per conversation id. */
  typing: Record<string, TypingPresence[]>
  /** Who else has each conversation open, per conversation id. */
  viewing: Record<string, ViewingPresence[]>
}

/** Changes to the UI state. */
export interface InboxStateActions {
  setFilter(patch: Partial<ConversationFilter>): void
  resetFilter(): void
  select(conversationId: string | null): void
  setDraft(conversationId: string, text: string): void
}

export type InboxStore = StoreApi<InboxState & InboxStateActions>

/**
 * The zustand vanilla store of a client. Subscribe with `store.subscribe`, read with
 * `store.getState()`; React binds it with `useStore`.
 */
export function createInboxStore(initial: Partial<InboxState> = {}): InboxStore {
  return createStore<InboxState & InboxStateActions>()((set) => ({
    filter: { ...DEFAULT_CONVERSATION_FILTER },
    selectedConversationId: null,
    drafts: {},
    outbox: [],
    connection: { status: 'idle', error: null, lastSeq: null },
    typing: {},
    viewing: {},
    ...initial,
    setFilter: (patch) => set((s) => ({ filter: normalizeFilter({ ...s.filter, ...patch }) })),
    resetFilter: () => set({ filter: { ...DEFAULT_CONVERSATION_FILTER } }),
    select: (conversationId) => set({ selectedConversationId: conversationId }),
    setDraft: (conversationId, text) =>
      set((s) => {
        const drafts = { ...s.drafts }
        if (text) drafts[conversationId] = text
        else delete drafts[conversationId]
        return { drafts }
      }),
  }))
}

import type { ConversationFilter } from '@switchboard/protocol'

/**
 * Every query key of the client, built in one place. All start with `switchboard`; the second
 * element names the kind of data (the cache's event reducers dispatch on it).
 */
export const inboxKeys = {
  all: ['switchboard'] as const,
  me: () => ['switchboard', 'me'] as const,
  /** Every cached conversation list, whatever its filter. */
  conversationLists: () => ['switchboard', 'conversations'] as const,
  conversations: (filter: ConversationFilter) => ['switchboard', 'conversations', filter] as const,
  /** Every cached conversation detail. */
  conversationDetails: () => ['switchboard', 'conversation'] as const,
  conversation: (id: string) => ['switchboard', 'conversation', id] as const,
  messages: (conversationId: string) => ['switchboard', 'messages', conversationId] as const,
  /** Every cached client search. */
  clientSearches: () => ['switchboard', 'clients'] as const,
  clients: (q: string) => ['switchboard', 'clients', q] as const,
  client: (id: string) => ['switchboard', 'client', id] as const,
  clientMessages: (id: string) => ['switchboard', 'client-messages', id] as const,
  /** Every cached contact list. */
  contactLists: () => ['switchboard', 'contacts'] as const,
  contacts: (optedOut?: boolean) => ['switchboard', 'contacts', { optedOut: optedOut ?? null }] as const,
  inboxes: () => ['switchboard', 'inboxes'] as const,
  team: () => ['switchboard', 'team'] as const,
  templates: () => ['switchboard', 'templates'] as const,
  library: () => ['switchboard', 'library'] as const,
  settings: () => ['switchboard', 'settings'] as const,
  metrics: (from: string, to: string) => ['switchboard', 'metrics', from, to] as const,
  unread: () => ['switchboard', 'unread'] as const,
}

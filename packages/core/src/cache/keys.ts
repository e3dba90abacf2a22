import type { ConversationFilter } from '@switchboard/protocol'

const key = <const T extends readonly unknown[]>(...parts: T) => ['switchboard', ...parts] as const

/**
 * Every query key of the client, built in one place. All start with `switchboard`; the second
 * element names the kind of data (the cache's event reducers dispatch on it).
 */
export const inboxKeys = {
  all: ['switchboard'] as const,
  me: () => key('me'),
  /** Every cached conversation list, whatever its filter. */
  conversationLists: () => key('conversations'),
  conversations: (filter: ConversationFilter) => key('conversations', filter),
  /** Every cached conversation detail. */
  conversationDetails: () => key('conversation'),
  conversation: (id: string) => key('conversation', id),
  messages: (conversationId: string) => key('messages', conversationId),
  /** Every cached client search. */
  clientSearches: () => key('clients'),
  clients: (q: string) => key('clients', q),
  client: (id: string) => key('client', id),
  clientMessages: (id: string) => key('client-messages', id),
  /** Every cached contact list. */
  contactLists: () => key('contacts'),
  contacts: (query: { optedOut?: boolean; blocked?: boolean } = {}) =>
    key('contacts', { optedOut: query.optedOut ?? null, blocked: query.blocked ?? null }),
  inboxes: () => key('inboxes'),
  team: () => key('team'),
  templates: () => key('templates'),
  library: () => key('library'),
  settings: () => key('settings'),
  metrics: (from: string, to: string) => key('metrics', from, to),
  unread: () => key('unread'),
}

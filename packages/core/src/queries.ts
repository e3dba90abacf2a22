import { type ConversationFilter, normalizeFilter } from '@switchboard/protocol'
import { inboxKeys } from './cache/keys'
import type { Transport } from './transport/Transport'

/**
 * Query-option factories, one per kind of server data. Pass them to TanStack Query
 * (`useQuery(client.queries.team())`, `useInfiniteQuery(client.queries.conversations(filter))`)
 * or to `queryClient.fetchQuery`. Keys come from {@link inboxKeys}.
 */
export function createQueries(transport: Transport) {
  const simple = <T>(queryKey: readonly unknown[], queryFn: () => Promise<T>, staleTime = 60_000) => ({
    queryKey,
    queryFn,
    staleTime,
  })
  return {
    me: () => simple(inboxKeys.me(), () => transport.me(), 5 * 60_000),
    /** A filtered list, a cursor page at a time (`fetchNextPage` for more). Kept live by events. */
    conversations: (filter: Partial<ConversationFilter> = {}) => {
      const normalized = normalizeFilter(filter)
      return {
        queryKey: inboxKeys.conversations(normalized),
        queryFn: ({ pageParam }: { pageParam: string | null }) =>
          transport.listConversations({ ...normalized, ...(pageParam ? { cursor: pageParam } : {}) }),
        initialPageParam: null as string | null,
        getNextPageParam: (last: { nextCursor: string | null }) => last.nextCursor,
        staleTime: 30_000,
      }
    },
    conversation: (id: string) => simple(inboxKeys.conversation(id), () => transport.getConversation(id), 30_000),
    /** A thread: `pages[0]` is the newest page; `fetchNextPage` loads older history. */
    messages: (conversationId: string) => ({
      queryKey: inboxKeys.messages(conversationId),
      queryFn: ({ pageParam }: { pageParam: number | null }) =>
        transport.listMessages(conversationId, pageParam ? { before: pageParam } : {}),
      initialPageParam: null as number | null,
      getNextPageParam: (last: { nextBefore: number | null }) => last.nextBefore,
      staleTime: 30_000,
    }),
    clients: (q: string) => simple(inboxKeys.clients(q.trim()), () => transport.searchClients(q.trim()), 30_000),
    client: (id: string) => simple(inboxKeys.client(id), () => transport.getClient(id)),
    clientMessages: (id: string) => simple(inboxKeys.clientMessages(id), () => transport.clientMessages(id), 30_000),
    contacts: (query: { optedOut?: boolean } = {}) =>
      simple(inboxKeys.contacts(query.optedOut), () => transport.listContacts(query), 30_000),
    inboxes: () => simple(inboxKeys.inboxes(), () => transport.listInboxes()),
    team: () => simple(inboxKeys.team(), () => transport.listTeam(), 5 * 60_000),
    templates: () => simple(inboxKeys.templates(), () => transport.listTemplates(), 5 * 60_000),
    library: () => simple(inboxKeys.library(), () => transport.listLibrary()),
    settings: () => simple(inboxKeys.settings(), () => transport.getSettings()),
    metrics: (period: { from: string; to: string }) =>
      simple(inboxKeys.metrics(period.from, period.to), () => transport.metrics(period)),
    /** The badge numbers, kept exact by events. */
    unread: () => simple(inboxKeys.unread(), () => transport.unread(), 30_000),
  }
}

export type InboxQueries = ReturnType<typeof createQueries>

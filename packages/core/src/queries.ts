import {
  type Attachment,
  type Client,
  type ClientHistoryPage,
  type Contact,
  type Conversation,
  type ConversationFilter,
  type Inbox,
  type MeResponse,
  type MessagePage,
  type Metrics,
  normalizeFilter,
  type Settings,
  type Stamped,
  type TeamMember,
  type Template,
  type UnreadTotals,
} from '@switchboard/protocol'
import {
  type DataTag,
  type InfiniteData,
  type QueryClient,
  type QueryFunctionContext,
  type QueryKey,
  replaceEqualDeep,
} from '@tanstack/query-core'
import type { CacheSync } from './cache/cacheSync'
import { findConversation } from './cache/conversationCache'
import { type ConversationListData, type ConversationPage, toCachedPage } from './cache/conversationLists'
import { inboxKeys } from './cache/keys'
import type { ThreadData } from './cache/threads'
import type { InboxError } from './errors'
import type { Transport } from './transport/Transport'

/** Options for one kind of server data, for `useQuery` / `fetchQuery`; the key is tagged with the data type. */
export interface InboxQueryOptions<T> {
  queryKey: DataTag<QueryKey, T, InboxError>
  queryFn: () => Promise<T>
  staleTime: number
  structuralSharing?: (previous: unknown, next: unknown) => unknown
  /** A copy already in the cache (a conversation from a loaded list), shown before its own read. */
  initialData?: () => T | undefined
}

/** Options for a paged kind of server data, for `useInfiniteQuery` / `fetchInfiniteQuery`. */
export interface InboxInfiniteQueryOptions<TPage, TParam, TData> {
  queryKey: DataTag<QueryKey, TData, InboxError>
  queryFn: (context: QueryFunctionContext<QueryKey, TParam>) => Promise<TPage>
  initialPageParam: TParam
  getNextPageParam: (last: TPage) => TParam | null
  staleTime: number
  structuralSharing: (previous: unknown, next: unknown) => unknown
}

/** The query-option factories of a client: one per kind of server data. */
export interface InboxQueries {
  me(): InboxQueryOptions<MeResponse>
  /** A filtered list, a cursor page at a time (`fetchNextPage` for more). Kept live by events. */
  conversations(
    filter?: Partial<ConversationFilter>,
  ): InboxInfiniteQueryOptions<ConversationPage, string | null, ConversationListData>
  conversation(id: string): InboxQueryOptions<Conversation>
  /** A thread: `pages[0]` is the newest page; `fetchNextPage` loads older history. */
  messages(conversationId: string): InboxInfiniteQueryOptions<MessagePage, number | null, ThreadData>
  clients(q: string): InboxQueryOptions<Client[]>
  client(id: string): InboxQueryOptions<Client>
  /**
   * A client's history across their numbers and conversations (closed ones included), newest
   * page first (`pages[0]`); `fetchNextPage` loads older history.
   */
  clientMessages(
    id: string,
  ): InboxInfiniteQueryOptions<ClientHistoryPage, string | null, InfiniteData<ClientHistoryPage>>
  /** The opted-out (`{ optedOut: true }`) or blocked (`{ blocked: true }`) numbers, kept live by events. */
  contacts(query?: { optedOut?: boolean; blocked?: boolean }): InboxQueryOptions<Contact[]>
  inboxes(): InboxQueryOptions<Inbox[]>
  team(): InboxQueryOptions<TeamMember[]>
  templates(): InboxQueryOptions<Template[]>
  library(): InboxQueryOptions<Attachment[]>
  settings(): InboxQueryOptions<Settings>
  metrics(period: { from: string; to: string }): InboxQueryOptions<Metrics>
  /** The badge numbers, kept exact by events. */
  unread(): InboxQueryOptions<UnreadTotals>
}

/**
 * Query-option factories, one per kind of server data. Pass them to TanStack Query
 * (`useQuery(client.queries.team())`, `useInfiniteQuery(client.queries.conversations(filter))`)
 * or to `queryClient.fetchQuery`. Keys come from {@link inboxKeys}. Replies about inbox state are
 * merged with the events applied while they were on their way (`structuralSharing`), never
 * refetched because of them.
 */
export function createQueries(transport: Transport, sync: CacheSync, qc: QueryClient, pageSize?: number): InboxQueries {
  // The key tagged with its data's type (a cast, not a call: nothing to run).
  type Tagged<T> = DataTag<QueryKey, T, InboxError>
  const simple = <T>(queryKey: QueryKey, queryFn: () => Promise<T>, staleTime = 60_000): InboxQueryOptions<T> => ({
    queryKey: queryKey as Tagged<T>,
    queryFn,
    staleTime,
  })
  /** A read whose reply is stamped: merged with the events applied after its seq. */
  const stamped = <T>(queryKey: QueryKey, read: () => Promise<Stamped<T>>): InboxQueryOptions<T> => ({
    ...simple(
      queryKey,
      async () => {
        const { data, seq } = await read()
        return sync.stamp(queryKey, data, seq)
      },
      30_000,
    ),
    structuralSharing: sync.mergeFor(queryKey),
  })
  /** A paged, stamped read: each page merged with the events applied after its seq. */
  const paged = <TPage, TParam, TData>(
    queryKey: QueryKey,
    read: (param: TParam | null) => Promise<Stamped<TPage>>,
    next: (last: TPage) => TParam | null,
  ): InboxInfiniteQueryOptions<TPage, TParam | null, TData> => ({
    queryKey: queryKey as Tagged<TData>,
    queryFn: async ({ pageParam }) => {
      const { data, seq } = await read(pageParam as TParam | null)
      return sync.stamp(queryKey, data, seq)
    },
    initialPageParam: null,
    getNextPageParam: next,
    staleTime: 30_000,
    structuralSharing: sync.mergeFor(queryKey),
  })
  return {
    me: () => simple(inboxKeys.me(), () => transport.me(), 5 * 60_000),
    conversations: (filter = {}) => {
      const normalized = normalizeFilter(filter)
      return paged(
        inboxKeys.conversations(normalized),
        async (cursor: string | null) => {
          const reply = await transport.listConversations({
            ...normalized,
            ...(pageSize ? { limit: pageSize } : {}),
            ...(cursor ? { cursor } : {}),
          })
          return { ...reply, data: toCachedPage(reply.data) }
        },
        (last) => last.nextCursor,
      )
    },
    conversation: (id) => ({
      ...stamped(inboxKeys.conversation(id), () => transport.getConversation(id)),
      initialData: () => findConversation(qc, id),
    }),
    messages: (conversationId) =>
      paged(
        inboxKeys.messages(conversationId),
        (before: number | null) => transport.listMessages(conversationId, before ? { before } : {}),
        (last) => last.nextBefore,
      ),
    clients: (q) => simple(inboxKeys.clients(q.trim()), () => transport.searchClients(q.trim()), 30_000),
    client: (id) => simple(inboxKeys.client(id), () => transport.getClient(id)),
    clientMessages: (id) => ({
      queryKey: inboxKeys.clientMessages(id) as QueryKey as Tagged<InfiniteData<ClientHistoryPage>>,
      queryFn: ({ pageParam }) => transport.clientMessages(id, pageParam ? { before: pageParam } : {}),
      initialPageParam: null,
      getNextPageParam: (last) => last.nextBefore,
      staleTime: 30_000,
      structuralSharing: replaceEqualDeep,
    }),
    contacts: (query = {}) => stamped(inboxKeys.contacts(query), () => transport.listContacts(query)),
    inboxes: () => simple(inboxKeys.inboxes(), () => transport.listInboxes()),
    team: () => simple(inboxKeys.team(), () => transport.listTeam(), 5 * 60_000),
    templates: () => simple(inboxKeys.templates(), () => transport.listTemplates(), 5 * 60_000),
    library: () => simple(inboxKeys.library(), () => transport.listLibrary()),
    settings: () => simple(inboxKeys.settings(), () => transport.getSettings()),
    metrics: (period) => simple(inboxKeys.metrics(period.from, period.to), () => transport.metrics(period)),
    unread: () => stamped(inboxKeys.unread(), () => transport.unread()),
  }
}

'use client'
import type { Conversation, ConversationFilter } from '@switchboard/protocol'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useInboxClient } from '../context'
import { type PagedQueryState, pagedState, type QueryValue, queryValue } from './queryState'
import { useInboxState } from './useInboxState'

const selectFilter = (s: { filter: ConversationFilter }) => s.filter

/** What {@link useConversations} hands out: the loaded conversations and the paging state. */
export interface ConversationsState extends PagedQueryState {
  /** The loaded conversations, newest activity first. */
  conversations: Conversation[]
}

/**
 * The conversations of a filter (the store's filter unless one is given), a page at a time,
 * kept live by realtime events.
 */
export function useConversations(filter?: Partial<ConversationFilter>): ConversationsState {
  const client = useInboxClient()
  const stored = useInboxState(selectFilter)
  const query = useInfiniteQuery(client.queries.conversations(filter ?? stored), client.queryClient)
  // One page (a server that answers a whole list at once) is handed out as it is: copying its rows
  // on every change is a loop over all of them (in a burst of 1,000 texts to 100,000 rows, 2.6 s).
  const conversations = useMemo(() => {
    const pages = query.data?.pages ?? []
    return pages.length === 1 ? (pages[0]?.items ?? []) : pages.flatMap((p) => p.items)
  }, [query.data])
  return { ...pagedState(query), conversations }
}

/** One conversation: from any cached list at once, then its own query. */
export function useConversation(id: string | null): QueryValue<Conversation> {
  const client = useInboxClient()
  return queryValue(useQuery({ ...client.queries.conversation(id ?? ''), enabled: id !== null }, client.queryClient))
}

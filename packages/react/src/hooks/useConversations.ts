'use client'
import type { ConversationFilter } from '@switchboard/protocol'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useInboxClient } from '../context'
import { useInboxState } from './useInboxState'

const selectFilter = (s: { filter: ConversationFilter }) => s.filter

/**
 * The conversations of a filter (the store's filter unless one is given), a page at a time,
 * kept live by realtime events.
 */
export function useConversations(filter?: Partial<ConversationFilter>) {
  const client = useInboxClient()
  const stored = useInboxState(selectFilter)
  const query = useInfiniteQuery(client.queries.conversations(filter ?? stored), client.queryClient)
  const conversations = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data])
  return { ...query, conversations }
}

/** One conversation: from any cached list at once, then its own query. */
export function useConversation(id: string | null) {
  const client = useInboxClient()
  return useQuery({ ...client.queries.conversation(id ?? ''), enabled: id !== null }, client.queryClient)
}

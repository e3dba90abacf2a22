'use client'
import type { Conversation, ConversationFilter, Page } from '@switchboard/protocol'
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
  const query = useInfiniteQuery(client.queries.conversations(filter ?? stored))
  const conversations = useMemo(
    () => (query.data?.pages as Page<Conversation>[] | undefined)?.flatMap((p) => p.items) ?? [],
    [query.data],
  )
  return { ...query, conversations }
}

/** One conversation: from any cached list at once, then its own query. */
export function useConversation(id: string | null) {
  const client = useInboxClient()
  return useQuery({
    ...client.queries.conversation(id ?? ''),
    enabled: id !== null,
    initialData: () => (id ? findCached(client.queryClient, id) : undefined),
  })
}

function findCached(
  queryClient: ReturnType<typeof useInboxClient>['queryClient'],
  id: string,
): Conversation | undefined {
  for (const [, data] of queryClient.getQueriesData<{ pages: Page<Conversation>[] }>({
    queryKey: ['switchboard', 'conversations'],
  })) {
    for (const page of data?.pages ?? []) {
      const found = page.items.find((c) => c.id === id)
      if (found) return found
    }
  }
  return undefined
}

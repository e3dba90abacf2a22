'use client'
import { mergeThread, type OutboxEntry, type ThreadItem } from '@switchboard/core'
import { useInfiniteQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useInboxClient } from '../context'
import { type PagedQueryState, pagedState } from './queryState'
import { useInboxState } from './useInboxState'

const selectOutbox = (s: { outbox: OutboxEntry[] }) => s.outbox

/** What {@link useThread} hands out: the thread's items and the paging state (older history). */
export interface ThreadState extends PagedQueryState {
  /** Server messages in order, then this user's pending and failed sends (merged and sorted once, by core's `mergeThread`). */
  items: ThreadItem[]
}

/**
 * A conversation's thread as the user sees it: server messages in order, then this user's
 * pending and failed sends; `fetchNextPage` loads older history.
 */
export function useThread(conversationId: string): ThreadState {
  const client = useInboxClient()
  const query = useInfiniteQuery(client.queries.messages(conversationId), client.queryClient)
  const outbox = useInboxState(selectOutbox)
  const items = useMemo(() => mergeThread(query.data, outbox, conversationId), [query.data, outbox, conversationId])
  return { ...pagedState(query), items }
}

'use client'
import { usePrefetchInfiniteQuery, usePrefetchQuery } from '@tanstack/react-query'
import { useInboxClient } from '../context'
import { useInboxState } from './useInboxState'

/**
 * Asks at once for what the inbox shows first: the staff member's profile (`me`, which the rows
 * wait for), the list's first page for the current filter, the team and the inboxes — all in one
 * round trip, not the list after the profile. Nothing is subscribed (no re-render when they change);
 * what is already cached is not asked again. Without the messaging permission the requests are
 * refused and nothing of them is shown.
 */
export function useInboxPrefetch(): void {
  const client = useInboxClient()
  const filter = useInboxState((s) => s.filter)
  usePrefetchQuery(client.queries.me(), client.queryClient)
  usePrefetchInfiniteQuery(client.queries.conversations(filter), client.queryClient)
  usePrefetchQuery(client.queries.team(), client.queryClient)
  usePrefetchQuery(client.queries.inboxes(), client.queryClient)
}

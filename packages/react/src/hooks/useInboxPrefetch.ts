'use client'
import { usePrefetchInfiniteQuery, usePrefetchQuery } from '@tanstack/react-query'
import { useInboxClient } from '../context'
import { useInboxState } from './useInboxState'

/**
 * Asks for what the inbox shows first (the list's first page for the current filter, the team and
 * the inboxes) while the staff member's profile (`me`) is still on its way, instead of after it:
 * the list paints one round trip sooner. Nothing is subscribed (no re-render when they change);
 * what is already cached is not asked again. Without the messaging permission the requests are
 * refused and nothing of them is shown.
 */
export function useInboxPrefetch(): void {
  const client = useInboxClient()
  const filter = useInboxState((s) => s.filter)
  usePrefetchInfiniteQuery(client.queries.conversations(filter), client.queryClient)
  usePrefetchQuery(client.queries.team(), client.queryClient)
  usePrefetchQuery(client.queries.inboxes(), client.queryClient)
}

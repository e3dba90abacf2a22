'use client'
import type { MeResponse, Permission, UnreadTotals } from '@switchboard/protocol'
import { hasPermission } from '@switchboard/protocol'
import { useQuery } from '@tanstack/react-query'
import { useInboxClient } from '../context'

/** The signed-in staff user, clinic and limits. */
export function useMe() {
  const client = useInboxClient()
  return useQuery(client.queries.me(), client.queryClient)
}

/** Whether the signed-in user holds a permission (false while loading). */
export function usePermission(permission: Permission): boolean {
  const { data } = useMe()
  return data !== undefined && hasPermission(data.user, permission)
}

/** The unread totals for a badge; kept exact by realtime events. */
export function useUnread(options: { enabled?: boolean } = {}) {
  const client = useInboxClient()
  return useQuery({ ...client.queries.unread(), enabled: options.enabled ?? true }, client.queryClient)
}

/** The team, for assignment menus and names. */
export function useTeam() {
  const client = useInboxClient()
  return useQuery(client.queries.team(), client.queryClient)
}

/** The clinic's inboxes. */
export function useInboxes() {
  const client = useInboxClient()
  return useQuery(client.queries.inboxes(), client.queryClient)
}

export type { MeResponse, UnreadTotals }

'use client'
import type { Inbox, MeResponse, Permission, TeamMember, UnreadTotals } from '@switchboard/protocol'
import { hasPermission } from '@switchboard/protocol'
import { useQuery } from '@tanstack/react-query'
import { useInboxClient } from '../context'
import { type QueryValue, queryValue } from './queryState'

/** The signed-in staff user, clinic and limits. */
export function useMe(): QueryValue<MeResponse> {
  const client = useInboxClient()
  return queryValue(useQuery(client.queries.me(), client.queryClient))
}

/** Whether the signed-in user holds a permission (false while loading). */
export function usePermission(permission: Permission): boolean {
  const { data } = useMe()
  return data !== undefined && hasPermission(data.user, permission)
}

/** The unread totals for a badge; kept exact by realtime events. */
export function useUnread(options: { enabled?: boolean } = {}): QueryValue<UnreadTotals> {
  const client = useInboxClient()
  return queryValue(useQuery({ ...client.queries.unread(), enabled: options.enabled ?? true }, client.queryClient))
}

/** The team, for assignment menus and names. */
export function useTeam(): QueryValue<TeamMember[]> {
  const client = useInboxClient()
  return queryValue(useQuery(client.queries.team(), client.queryClient))
}

/** The clinic's inboxes. */
export function useInboxes(): QueryValue<Inbox[]> {
  const client = useInboxClient()
  return queryValue(useQuery(client.queries.inboxes(), client.queryClient))
}

export type { MeResponse, UnreadTotals }

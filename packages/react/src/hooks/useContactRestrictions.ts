'use client'
import type { Contact } from '@switchboard/protocol'
import { useQuery } from '@tanstack/react-query'
import { useInboxClient } from '../context'
import { type QueryValue, queryValue } from './queryState'
import { usePermission } from './useServerData'
import { useSubmission } from './useSubmission'

/** What {@link useContactRestrictions} hands out. */
export interface ContactRestrictionsState {
  /** Numbers that opted out, newest first (kept live: a START takes one off). */
  optedOut: QueryValue<Contact[]>
  /** Blocked numbers (kept live). */
  blocked: QueryValue<Contact[]>
  /** The user may unblock (`messaging.block`). */
  canUnblock: boolean
  /** Unblocks a number; false with `error` set when refused. */
  unblock(phone: string): Promise<boolean>
  error: string | null
}

const newestOptOut = (a: Contact, b: Contact) => (b.optedOut?.at ?? '').localeCompare(a.optedOut?.at ?? '')

/**
 * Who the clinic may not text, for a settings page: opted-out numbers with when and how (a STOP
 * keyword, the carrier, or staff recording it) — only the contact's START lifts an opt-out, so
 * there is no button for it — and blocked numbers, which staff with `messaging.block` unblock.
 */
export function useContactRestrictions(): ContactRestrictionsState {
  const client = useInboxClient()
  const canUnblock = usePermission('messaging.block')
  const optedOut = queryValue<Contact[]>(useQuery(client.queries.contacts({ optedOut: true }), client.queryClient))
  const blocked = queryValue<Contact[]>(useQuery(client.queries.contacts({ blocked: true }), client.queryClient))
  const submission = useSubmission()
  return {
    optedOut: { ...optedOut, data: optedOut.data && [...optedOut.data].sort(newestOptOut) },
    blocked,
    canUnblock,
    unblock: async (phone) => (await submission.run(() => client.actions.unblock(phone))) !== null,
    error: submission.error,
  }
}

'use client'
import {
  ASSIGNEE_FILTERS,
  CONTACT_TYPE_FILTERS,
  CONVERSATION_STATUS_FILTERS,
  type ConversationFilter,
} from '@switchboard/protocol'
import { useEffect, useState } from 'react'
import { useStrings } from '../context'
import { useInboxState } from './useInboxState'
import { useInboxes } from './useServerData'

// The options are the protocol's filters (one home); only their labels live here.
const STATUS_LABEL = { open: 'statusOpen', unread: 'statusUnread', all: 'statusAll', closed: 'statusClosed' } as const
const CONTACT_LABEL = { all: 'contactAll', clients: 'contactClients', leads: 'contactLeads' } as const
const ASSIGNEE_LABEL = { all: 'assigneeAll', me: 'assigneeMe', unassigned: 'assigneeNone' } as const

/** How long the search waits after the last key before it filters the list. */
export const SEARCH_DEBOUNCE_MS = 250

type Actions = { setFilter(patch: Partial<ConversationFilter>): void; resetFilter(): void }
const selectFilter = (s: { filter: ConversationFilter }) => s.filter
const selectSetFilter = (s: Actions) => s.setFilter
const selectResetFilter = (s: Actions) => s.resetFilter

/** One select of the filters: its field, accessible label and `[value, label]` choices. */
export interface FilterChoice {
  key: Exclude<keyof ConversationFilter, 'q'>
  label: string
  options: Array<[value: string, label: string]>
}

/** What {@link useConversationFilters} hands out. */
export interface ConversationFiltersState {
  /** The list's filter as the store has it. */
  filter: ConversationFilter
  /** The search box's text: what was typed, or the store's `q` when it changed from elsewhere. */
  search: string
  /** Types into the search: the filter follows {@link SEARCH_DEBOUNCE_MS} after the last change. */
  setSearch(text: string): void
  setFilter(patch: Partial<ConversationFilter>): void
  resetFilter(): void
  /** Status, contact type, assignment and inbox, with their translated labels. */
  choices: FilterChoice[]
}

/**
 * The behaviour of the list's filters, for `ConversationFilters` or a vendor's own markup: the
 * four selects' choices and a debounced search that follows the store both ways (a
 * `resetFilter()` or `setFilter({ q })` from elsewhere shows in the box and is not undone by it).
 */
export function useConversationFilters(): ConversationFiltersState {
  const t = useStrings()
  const filter = useInboxState(selectFilter)
  const setFilter = useInboxState(selectSetFilter)
  const resetFilter = useInboxState(selectResetFilter)
  const { data: inboxes } = useInboxes()
  const [search, setSearch] = useState(filter.q)
  // The store's q this box last saw: a different one came from elsewhere and replaces the text
  // (unless the text already says it, trailing spaces and all).
  const [seen, setSeen] = useState(filter.q)
  if (filter.q !== seen) {
    setSeen(filter.q)
    if (search.trim() !== filter.q) setSearch(filter.q)
  }

  useEffect(() => {
    if (search.trim() === seen) return undefined
    const timer = setTimeout(() => setFilter({ q: search }), SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [search, seen, setFilter])

  const choices: FilterChoice[] = [
    {
      key: 'status',
      label: t.statusFilter,
      options: CONVERSATION_STATUS_FILTERS.map((v) => [v, t[STATUS_LABEL[v]]]),
    },
    {
      key: 'contactType',
      label: t.contactFilter,
      options: CONTACT_TYPE_FILTERS.map((v) => [v, t[CONTACT_LABEL[v]]]),
    },
    {
      key: 'assignee',
      label: t.assigneeFilter,
      options: ASSIGNEE_FILTERS.map((v) => [v, t[ASSIGNEE_LABEL[v]]]),
    },
    {
      key: 'inbox',
      label: t.inboxFilter,
      options: [['all', t.inboxAll], ...(inboxes ?? []).map((i): [string, string] => [i.id, i.name])],
    },
  ]
  return { filter, search, setSearch, setFilter, resetFilter, choices }
}

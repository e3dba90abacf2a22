'use client'
import {
  ASSIGNEE_FILTERS,
  CONTACT_TYPE_FILTERS,
  CONVERSATION_STATUS_FILTERS,
  type ConversationFilter,
} from '@switchboard/protocol'
import { useEffect, useId, useState } from 'react'
import { usePartClassName, useStrings } from '../context'
import { useInboxState } from '../hooks/useInboxState'
import { useInboxes } from '../hooks/useServerData'
import { cx } from './cx'

// The options are the protocol's filters (one home); only their labels live here.
const STATUS_LABEL = { open: 'statusOpen', unread: 'statusUnread', all: 'statusAll', closed: 'statusClosed' } as const
const CONTACT_LABEL = { all: 'contactAll', clients: 'contactClients', leads: 'contactLeads' } as const
const ASSIGNEE_LABEL = { all: 'assigneeAll', me: 'assigneeMe', unassigned: 'assigneeNone' } as const

const selectFilter = (s: { filter: ConversationFilter }) => s.filter
const selectSetFilter = (s: { setFilter: (patch: Partial<ConversationFilter>) => void }) => s.setFilter

/** Search and the four filters of the list: status, contact type, assignment, inbox. */
export function ConversationFilters({ className }: { className?: string }) {
  const partClass = usePartClassName('filters', className)
  const t = useStrings()
  const filter = useInboxState(selectFilter)
  const setFilter = useInboxState(selectSetFilter)
  const { data: inboxes } = useInboxes()
  const [query, setQuery] = useState(filter.q)
  const id = useId()

  useEffect(() => {
    const timer = setTimeout(() => {
      if (query.trim() !== filter.q) setFilter({ q: query })
    }, 250)
    return () => clearTimeout(timer)
  }, [query, filter.q, setFilter])

  const select = (key: keyof ConversationFilter, label: string, options: Array<[string, string]>) => (
    <label className="sb-filters__field" htmlFor={`${id}-${key}`}>
      <span className="sb-visually-hidden">{label}</span>
      <select
        id={`${id}-${key}`}
        className="sb-select"
        value={filter[key]}
        onChange={(e) => setFilter({ [key]: e.target.value })}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  )

  return (
    <search className={cx('sb-filters', partClass)}>
      <label className="sb-filters__search" htmlFor={`${id}-q`}>
        <span className="sb-visually-hidden">{t.search}</span>
        <input
          id={`${id}-q`}
          className="sb-input"
          type="search"
          placeholder={t.search}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      <div className="sb-filters__row">
        {select(
          'status',
          t.statusFilter,
          CONVERSATION_STATUS_FILTERS.map((v) => [v, t[STATUS_LABEL[v]]]),
        )}
        {select(
          'contactType',
          t.contactFilter,
          CONTACT_TYPE_FILTERS.map((v) => [v, t[CONTACT_LABEL[v]]]),
        )}
        {select(
          'assignee',
          t.assigneeFilter,
          ASSIGNEE_FILTERS.map((v) => [v, t[ASSIGNEE_LABEL[v]]]),
        )}
        {select('inbox', t.inboxFilter, [
          ['all', t.inboxAll],
          ...(inboxes ?? []).map((i): [string, string] => [i.id, i.name]),
        ])}
      </div>
    </search>
  )
}

'use client'
import type { ConversationFilter } from '@switchboard/protocol'
import { useEffect, useId, useState } from 'react'
import { usePartClassName, useStrings } from '../context'
import { useInboxState } from '../hooks/useInboxState'
import { useInboxes } from '../hooks/useServerData'
import { cx } from './cx'

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
        {select('status', t.statusFilter, [
          ['open', t.statusOpen],
          ['unread', t.statusUnread],
          ['all', t.statusAll],
          ['closed', t.statusClosed],
        ])}
        {select('contactType', t.contactFilter, [
          ['all', t.contactAll],
          ['clients', t.contactClients],
          ['leads', t.contactLeads],
        ])}
        {select('assignee', t.assigneeFilter, [
          ['all', t.assigneeAll],
          ['me', t.assigneeMe],
          ['unassigned', t.assigneeNone],
        ])}
        {select('inbox', t.inboxFilter, [
          ['all', t.inboxAll],
          ...(inboxes ?? []).map((i): [string, string] => [i.id, i.name]),
        ])}
      </div>
    </search>
  )
}

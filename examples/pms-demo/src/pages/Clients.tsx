import { formatMoney, formatPhone } from '@switchboard/core'
import type { Client } from '@switchboard/protocol'
import { isSearchableQuery, useInboxClient } from '@switchboard/react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Search } from 'lucide-react'
import { useDeferredValue, useState } from 'react'
import { SCHEDULED_CLIENT_IDS } from '../appointments'
import { Link } from '../nav'
import { RecordsNotice } from './RecordsNotice'
import { useClientRecord } from './useClientRecord'

/** The client directory: search by name, pet or phone; today's clients until one searches. */
export function Clients() {
  const [query, setQuery] = useState('')
  const searched = useDeferredValue(query.trim())
  const inbox = useInboxClient()
  const searchable = isSearchableQuery(searched)
  const results = useQuery(
    { ...inbox.queries.clients(searched), enabled: searchable, placeholderData: keepPreviousData },
    inbox.queryClient,
  )
  return (
    <section className="pms-card" aria-labelledby="clients-title">
      <header className="pms-card__header">
        <h2 id="clients-title">Clients</h2>
        <label className="pms-search">
          <Search aria-hidden />
          <span className="pms-visually-hidden">Search clients</span>
          <input
            type="search"
            placeholder="Name, pet or phone"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </label>
      </header>
      <RecordsNotice />
      {!searchable ? (
        <>
          <p className="pms-muted pms-card__note">
            {searched ? 'Type two letters or more, or a few digits.' : 'Coming in today:'}
          </p>
          <ClientTable ids={SCHEDULED_CLIENT_IDS} />
        </>
      ) : results.isError ? (
        <p className="pms-error" role="alert">
          {results.error.message}
        </p>
      ) : results.data && results.data.length === 0 ? (
        <p className="pms-card__note" role="status">
          No client matches “{searched}”.
        </p>
      ) : (
        <ClientTable clients={results.data ?? []} busy={results.isFetching} />
      )}
    </section>
  )
}

function ClientTable({ clients, ids, busy }: { clients?: Client[]; ids?: string[]; busy?: boolean }) {
  return (
    <table className="pms-table" aria-busy={busy}>
      <thead>
        <tr>
          <th scope="col">Client</th>
          <th scope="col">Patients</th>
          <th scope="col">Phone</th>
          <th scope="col">Balance</th>
        </tr>
      </thead>
      <tbody>
        {clients?.map((client) => (
          <ClientRow key={client.id} client={client} />
        ))}
        {ids?.map((id) => (
          <ClientRowById key={id} id={id} />
        ))}
      </tbody>
    </table>
  )
}

function ClientRowById({ id }: { id: string }) {
  const { data } = useClientRecord(id)
  return data ? <ClientRow client={data} /> : null
}

function ClientRow({ client }: { client: Client }) {
  return (
    <tr>
      <td>
        <Link to={{ page: 'client', id: client.id }}>
          {client.firstName} {client.lastName}
        </Link>
      </td>
      <td>{client.patients.map((p) => p.name).join(', ') || '—'}</td>
      <td>{client.phones.map((phone) => formatPhone(phone)).join(', ') || 'No number'}</td>
      <td>{formatMoney(client.balance)}</td>
    </tr>
  )
}

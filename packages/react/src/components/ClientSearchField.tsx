'use client'
import { formatPhone } from '@switchboard/core'
import type { Client } from '@switchboard/protocol'
import { useId } from 'react'
import { useStrings } from '../context'
import type { ClientSearchState } from '../hooks/useClientSearch'
import { useMe } from '../hooks/useServerData'
import { format } from '../strings'
import { Highlighted } from './Highlighted'

/** One result: the client's name, patients and numbers, with what the search matched marked. */
function ClientResult({ client, search, country }: { client: Client; search: ClientSearchState; country?: string }) {
  const t = useStrings()
  const name = `${client.firstName} ${client.lastName}`.trim()
  const phones = client.phones.map((p) => formatPhone(p, country))
  return (
    <>
      <span className="sb-result__name">
        <bdi>
          <Highlighted text={name} ranges={search.matches(name)} />
        </bdi>
      </span>
      {client.patients.length > 0 && (
        <span className="sb-result__patients">
          {client.patients.map((patient, i) => (
            <span key={patient.id}>
              {i > 0 && ', '}
              <bdi>
                <Highlighted text={patient.name} ranges={search.matches(patient.name)} />
              </bdi>
            </span>
          ))}
        </span>
      )}
      <span className="sb-result__phones">
        {phones.length === 0
          ? t.noPhone
          : phones.map((phone, i) => (
              <span key={phone}>
                {i > 0 && ' · '}
                <bdi>
                  <Highlighted text={phone} ranges={search.matches(phone)} />
                </bdi>
              </span>
            ))}
      </span>
    </>
  )
}

/**
 * A client search box with its results as a listbox the input controls (↑ ↓ and Enter from the
 * input, or a click), the matched parts marked, and its state said in a polite live region:
 * too short, searching, nothing found, a failure with a retry.
 */
export function ClientSearchField({ search, autoFocus }: { search: ClientSearchState; autoFocus?: boolean }) {
  const t = useStrings()
  const id = useId()
  const { data: me } = useMe()
  const country = me?.clinic.country
  const status =
    search.status === 'short'
      ? t.searchTooShort
      : search.status === 'loading'
        ? t.searching
        : search.status === 'empty'
          ? format(t.noClientsFound, { query: search.query.trim() })
          : search.status === 'error'
            ? format(t.loadFailed, { message: search.error ?? '' })
            : ''
  return (
    <div className="sb-client-search">
      <label className="sb-field__label" htmlFor={`${id}-input`}>
        {t.searchClients}
      </label>
      <input
        {...search.getInputProps()}
        id={`${id}-input`}
        className="sb-input"
        placeholder={t.searchClientsHint}
        // biome-ignore lint/a11y/noAutofocus: the dialog opens to search; focus goes to its one input
        autoFocus={autoFocus}
        aria-describedby={`${id}-status`}
      />
      <p id={`${id}-status`} className="sb-field__hint" aria-live="polite">
        {status}
        {search.status === 'error' && (
          <button type="button" className="sb-button sb-button--small sb-button--ghost" onClick={search.retry}>
            {t.retry}
          </button>
        )}
      </p>
      {search.status === 'results' && (
        <ul {...search.getListProps()} aria-label={t.clientResults} className="sb-results">
          {search.results.map((client, index) => (
            <li key={client.id} {...search.getOptionProps(client, index)} className="sb-result">
              <ClientResult client={client} search={search} country={country} />
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

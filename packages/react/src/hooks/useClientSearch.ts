'use client'
import { type Client, isPhoneQuery, type MatchRange, matchRanges } from '@switchboard/protocol'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import {
  type ChangeEvent,
  type HTMLAttributes,
  type InputHTMLAttributes,
  type KeyboardEvent,
  useEffect,
  useId,
  useState,
} from 'react'
import { useInboxClient } from '../context'
import { SEARCH_DEBOUNCE_MS } from './useConversationFilters'

/** Where a client search is: nothing typed, too little typed, waiting, failed, nothing found, found. */
export type ClientSearchStatus = 'idle' | 'short' | 'loading' | 'error' | 'empty' | 'results'

/** What {@link useClientSearch} hands out. */
export interface ClientSearchState {
  query: string
  setQuery(query: string): void
  status: ClientSearchStatus
  /** The clients found for the query as last searched (kept while the next search runs). */
  results: Client[]
  /** Why the search failed, as staff read it. */
  error: string | null
  retry(): void
  /** The result the keyboard is on (-1: none). */
  activeIndex: number
  /** The client picked (by click, or Enter on the active result). */
  selected: Client | null
  select(client: Client | null): void
  /** The parts of a shown text (a name, a pet, a number) the query matched, for highlighting. */
  matches(text: string): MatchRange[]
  /** For the search input: a combobox owning the results' listbox (↑ ↓ move, Enter picks). */
  getInputProps(): InputHTMLAttributes<HTMLInputElement>
  getListProps(): HTMLAttributes<HTMLElement>
  getOptionProps(client: Client, index: number): HTMLAttributes<HTMLElement>
}

/** Whether a query is worth sending: two letters of a name, or three digits of a number. */
export function isSearchableQuery(query: string): boolean {
  const q = query.trim()
  return isPhoneQuery(q) || (!/^[\d\s()+.-]+$/.test(q) && q.length >= 2)
}

/**
 * Searching the clinic's clients by name, pet name or phone, for a picker: debounced by
 * {@link SEARCH_DEBOUNCE_MS}, results kept while the next search runs, a combobox keyboard model
 * (↑ ↓ move through the results, Enter picks and Enter again submits, the active one announced through
 * `aria-activedescendant`), and the matched parts of each result for highlighting.
 */
export function useClientSearch(options: { initialQuery?: string } = {}): ClientSearchState {
  const inbox = useInboxClient()
  const id = useId()
  const [query, setQueryState] = useState(options.initialQuery ?? '')
  const [searched, setSearched] = useState(query)
  const [activeIndex, setActiveIndex] = useState(-1)
  const [selected, setSelected] = useState<Client | null>(null)
  useEffect(() => {
    if (query === searched) return
    const timer = setTimeout(() => {
      setSearched(query)
      setActiveIndex(-1)
    }, SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [query, searched])
  const searchable = isSearchableQuery(searched)
  const result = useQuery(
    { ...inbox.queries.clients(searched), enabled: searchable, placeholderData: keepPreviousData },
    inbox.queryClient,
  )
  const results = searchable ? (result.data ?? []) : []
  const typed = query.trim()
  const status: ClientSearchStatus = !typed
    ? 'idle'
    : !isSearchableQuery(query)
      ? 'short'
      : result.isError
        ? 'error'
        : query !== searched || result.isPending || result.isPlaceholderData
          ? results.length > 0
            ? 'results'
            : 'loading'
          : results.length > 0
            ? 'results'
            : 'empty'
  const optionId = (index: number) => `${id}-option-${index}`
  const listId = `${id}-results`
  const move = (by: number) => {
    if (!results.length) return
    setActiveIndex((i) => (i < 0 ? (by > 0 ? 0 : results.length - 1) : (i + by + results.length) % results.length))
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      move(event.key === 'ArrowDown' ? 1 : -1)
    } else if (event.key === 'Enter' && activeIndex >= 0 && results[activeIndex]) {
      // Enter picks the active result; on the one already picked it submits the form.
      const active = results[activeIndex] as Client
      if (selected?.id === active.id) return
      event.preventDefault()
      setSelected(active)
    }
  }
  return {
    query,
    setQuery: setQueryState,
    status,
    results,
    error: result.error ? result.error.message : null,
    retry: () => void result.refetch(),
    activeIndex,
    selected,
    select: setSelected,
    matches: (text) => matchRanges(text, searched),
    getInputProps: () => ({
      type: 'search',
      role: 'combobox',
      autoComplete: 'off',
      'aria-autocomplete': 'list',
      'aria-expanded': status === 'results',
      'aria-controls': status === 'results' ? listId : undefined,
      'aria-activedescendant': activeIndex >= 0 ? optionId(activeIndex) : undefined,
      value: query,
      onChange: (event: ChangeEvent<HTMLInputElement>) => setQueryState(event.target.value),
      onKeyDown,
    }),
    getListProps: () => ({ id: listId, role: 'listbox' }),
    getOptionProps: (client, index) => ({
      id: optionId(index),
      role: 'option',
      'aria-selected': selected?.id === client.id,
      'data-active': index === activeIndex ? '' : undefined,
      onClick: () => {
        setActiveIndex(index)
        setSelected(client)
      },
      onMouseMove: () => {
        if (index !== activeIndex) setActiveIndex(index)
      },
    }),
  }
}

'use client'
import type { Message } from '@switchboard/protocol'
import { useInfiniteQuery } from '@tanstack/react-query'
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useMemo, useRef } from 'react'
import { useInboxClient, useLocale } from '../context'
import { dayKey, formatHistoryDay } from '../model/formatTime'
import { type PagedQueryState, pagedState } from './queryState'

/** One row of a client's history: a day heading, or a message. */
export type ClientHistoryRow =
  | { kind: 'day'; key: string; label: string }
  | { kind: 'message'; key: string; message: Message }

/** What {@link useClientHistory} hands out. */
export interface ClientHistoryView extends PagedQueryState {
  /** Newest first: each day's heading, then its messages, newest first. */
  rows: ClientHistoryRow[]
  /** The scrolling element. */
  scrollRef: (element: HTMLElement | null) => void
  virtualizer: Virtualizer<HTMLElement, Element>
}

/**
 * A client's history for a host's client profile: every message with the client across their
 * numbers and conversations, closed ones included (deleted ones not), newest first, a page at a
 * time (older pages load as the reader nears the end), virtualized, kept live by events.
 */
export function useClientHistory(clientId: string): ClientHistoryView {
  const inbox = useInboxClient()
  const locale = useLocale()
  const query = useInfiniteQuery(inbox.queries.clientMessages(clientId), inbox.queryClient)
  const rows = useMemo(() => {
    const messages = (query.data?.pages ?? []).flatMap((page) => [...page.items].reverse())
    const out: ClientHistoryRow[] = []
    let day = Number.NaN
    for (const message of messages) {
      const key = dayKey(message.createdAt)
      if (key !== day) {
        day = key
        out.push({ kind: 'day', key: `day:${message.id}`, label: formatHistoryDay(message.createdAt, locale) })
      }
      out.push({ kind: 'message', key: message.id, message })
    }
    return out
  }, [query.data, locale])
  const element = useRef<HTMLElement | null>(null)
  const scrollRef = useCallback((el: HTMLElement | null) => {
    element.current = el
  }, [])
  const getItemKey = useCallback((index: number) => rows[index]?.key ?? `more:${index}`, [rows])
  const virtualizer = useVirtualizer<HTMLElement, Element>({
    count: rows.length,
    getScrollElement: () => element.current,
    estimateSize: (index) => (rows[index]?.kind === 'day' ? 36 : 72),
    getItemKey,
    overscan: 6,
  })
  const last = virtualizer.getVirtualItems().at(-1)?.index ?? -1
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isFetchNextPageError && last >= rows.length - 5) void fetchNextPage()
  }, [hasNextPage, isFetchingNextPage, isFetchNextPageError, last, rows.length, fetchNextPage])
  return { ...pagedState(query), rows, scrollRef, virtualizer }
}

'use client'
import type { QueryKey } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useInboxClient } from '../context'
import { useInboxState } from './useInboxState'

/** How long {@link useFirstReplies} waits, in milliseconds: under what reads as at once. */
export const FIRST_REPLIES_WAIT_MS = 100

/**
 * Whether the inbox may draw its panes: once the staff member's profile and the list's first page
 * for the current filter are in (or refused), or `waitMs` after mounting, whichever comes first;
 * then for good (a later filter or refetch does not hide anything again). `waitMs` 0 or less: at
 * once.
 *
 * Replies that come within the wait are drawn in one go with the panes: one render, one layout and
 * one frame, without a flash of "Loading conversations…" before the rows. Slower ones find the
 * panes drawn with their loading states. What is already cached (a second mount, a restored cache)
 * is drawn at once. Nothing is subscribed beyond the wait: no re-render after it.
 */
export function useFirstReplies(waitMs: number = FIRST_REPLIES_WAIT_MS): boolean {
  const client = useInboxClient()
  const filter = useInboxState((s) => s.filter)
  const keys = [client.queries.me().queryKey, client.queries.conversations(filter).queryKey]
  const cache = client.queryClient.getQueryCache()
  const settled = () => keys.every((queryKey: QueryKey) => settledIn(cache.find({ queryKey, exact: true })))
  const [ready, setReady] = useState(() => waitMs <= 0 || settled())
  // biome-ignore lint/correctness/useExhaustiveDependencies: the wait starts once, at mount; `settled` reads the keys of that render
  useEffect(() => {
    if (ready) return
    let over = false
    const done = () => {
      if (over) return
      over = true
      setReady(true)
    }
    // The replies may have come between the render and this effect.
    if (settled()) return done()
    // The cache also tells of queries built while other components render: the state is set after that render.
    const unsubscribe = cache.subscribe(() => {
      if (!over && settled()) queueMicrotask(done)
    })
    const timer = setTimeout(done, waitMs)
    return () => {
      over = true
      unsubscribe()
      clearTimeout(timer)
    }
  }, [ready, cache, waitMs])
  return ready
}

/** A query with data or an error (a refusal included): not on its way for the first time. */
const settledIn = (query: { state: { status: string } } | undefined) =>
  query !== undefined && query.state.status !== 'pending'

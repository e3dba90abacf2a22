'use client'
import { hasPermission } from '@switchboard/protocol'
import { useEffect, useRef, useState } from 'react'
import { useLocale, useStrings } from '../context'
import { plural } from '../strings'
import { useMe, useUnread } from './useServerData'

/** Options of {@link useUnreadBadge}. */
export interface UnreadBadgeOptions {
  /** What the number counts: unread texts (default, as clinics count them) or unread conversations. */
  count?: 'messages' | 'conversations'
  /** Only this inbox (counts its unread conversations). */
  inboxId?: string
  /** How long the badge pulses after a new text arrives (ms). Default 1,200. */
  pulseMs?: number
}

/** What a badge shows, from {@link useUnreadBadge}. */
export interface UnreadBadgeState {
  /** Whether the user may see the inbox at all (false: draw nothing). */
  allowed: boolean
  /** The number, 0 when nothing is unread. */
  count: number
  /** The number as drawn: `99+` above 99. */
  text: string
  /** The accessible label, e.g. "3 unread texts". */
  label: string
  /** True for a moment after a new text arrived (not on the first load, not when the count falls). */
  pulsing: boolean
}

/**
 * The unread number for the host's navigation, live as long as an `InboxProvider` is mounted:
 * unread texts (or conversations), and a pulse when a new text arrives, like the clinics'
 * flashing inbox light.
 *
 * @example
 * const { allowed, text, label, pulsing } = useUnreadBadge()
 * if (allowed && text) return <span aria-label={label} data-pulse={pulsing}>{text}</span>
 */
export function useUnreadBadge(options: UnreadBadgeOptions = {}): UnreadBadgeState {
  const { count: what = 'messages', inboxId, pulseMs = 1200 } = options
  const t = useStrings()
  const locale = useLocale()
  const { data: me } = useMe()
  const allowed = me !== undefined && hasPermission(me.user, 'messaging')
  const { data } = useUnread({ enabled: allowed })
  const count = !data
    ? 0
    : inboxId
      ? (data.byInbox[inboxId] ?? 0)
      : what === 'messages'
        ? data.messages
        : data.conversations
  const [pulsing, setPulsing] = useState(false)
  const previous = useRef<number | null>(null)
  useEffect(() => {
    const before = previous.current
    previous.current = data ? count : null
    if (before === null || count <= before) return
    setPulsing(true)
    const timer = setTimeout(() => setPulsing(false), pulseMs)
    return () => clearTimeout(timer)
  }, [count, data, pulseMs])
  const counted = inboxId || what === 'conversations' ? 'unreadConversations' : 'unreadTexts'
  return {
    allowed,
    count,
    text: count === 0 ? '' : count > 99 ? '99+' : new Intl.NumberFormat(locale).format(count),
    label: plural(t, counted, count, locale),
    pulsing,
  }
}

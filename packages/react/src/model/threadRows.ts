import type { ThreadItem } from '@switchboard/core'
import { dayKey } from './formatTime'

/**
 * One row of a thread as drawn: a message (or pending send), with the unread divider above it
 * and the next day's separator below it. A separator belongs to the row *before* the new day, so
 * loading older history (which adds rows above) never changes a row already on screen.
 */
export interface ThreadRow {
  key: string
  item: ThreadItem
  /** The next item starts a new calendar day: its creation time, for the separator below this row. */
  nextDayAt: string | null
  /** The first of the texts that were unread when the thread opened: the "New messages" divider goes above it. */
  firstUnread: boolean
  /**
   * Its place in a group of consecutive messages from one sender within one minute (`single`: a
   * group of one). The sender, time and status show under the last: what takes room depends only
   * on the next row, so older history loading above never resizes a row on screen.
   */
  group: MessageGroupPosition
}

/** Where a message sits in its group of consecutive messages from one sender within a minute. */
export type MessageGroupPosition = 'single' | 'first' | 'middle' | 'last'

/** Who wrote an item, as grouping sees it: the client, a staff member (pending sends are this user's), a campaign, the system. */
function senderOf(item: ThreadItem, selfId: string | undefined): string {
  if (item.kind === 'pending') return `staff:${selfId ?? ''}`
  const m = item.message
  if (m.direction === 'inbound') return 'client'
  if (m.origin === 'staff') return `staff:${m.author?.id ?? ''}`
  if (m.origin === 'campaign') return `campaign:${m.campaign?.id ?? ''}`
  return m.origin
}

/** What an item shows: the message, or the pending send (a new object whenever either changes). */
export const itemSource = (item: ThreadItem): object => (item.kind === 'message' ? item.message : item.entry)

/** The minute an item was written in (`2026-11-30T09:41`): the same for every time zone with whole-minute offsets. */
const minuteOf = (item: ThreadItem) => itemCreatedAt(item).slice(0, 16)

/** When an item was written (server time for messages, local time for pending sends). */
export function itemCreatedAt(item: ThreadItem): string {
  return item.kind === 'message' ? item.message.createdAt : item.entry.createdAt
}

const isInbound = (item: ThreadItem | undefined) => item?.kind === 'message' && item.message.direction === 'inbound'

/**
 * The key of the `unread`-th inbound text counted back from the item `newest` (the thread's newest
 * when it opened: texts arriving while it is open are read at once; the end when not given or not
 * found): the divider stands before it.
 */
export function firstUnreadKey(items: readonly ThreadItem[], unread: number, newest?: string | null): string | null {
  let remaining = unread
  if (remaining <= 0) return null
  let from = items.length - 1
  if (newest) {
    for (let i = from; i >= 0; i--) {
      if (items[i]?.key !== newest) continue
      from = i
      break
    }
  }
  for (let i = from; i >= 0; i--) {
    const item = items[i]
    if (isInbound(item) && --remaining === 0) return item?.key ?? null
  }
  return null
}

/** The rows of a thread as {@link threadRows} made them, with what they were made from. */
export interface ThreadRowsResult {
  items: readonly ThreadItem[]
  unreadKey: string | null
  selfId: string | undefined
  rows: ThreadRow[]
}

/** How many rows of `previous` stay as they are for `items`: a row depends on its item and both neighbours. */
function keptRows(
  previous: ThreadRowsResult | undefined,
  items: readonly ThreadItem[],
  unreadKey: string | null,
  selfId?: string,
) {
  if (!previous || previous.unreadKey !== unreadKey || previous.selfId !== selfId) return 0
  const before = previous.items
  let same = 0
  const end = Math.min(before.length, items.length)
  while (same < end && itemSource(before[same] as ThreadItem) === itemSource(items[same] as ThreadItem)) same++
  // Nothing changed: every row stays. Otherwise the last same row's next neighbour changed.
  return same === before.length && same === items.length ? same : Math.max(0, same - 1)
}

/**
 * The thread's rows: a day separator where the local day changes, the unread divider before
 * `unreadKey`, and groups of consecutive messages by one sender within a minute (a day separator
 * or the divider also ends a group). `selfId` is this user's id: their pending sends join the
 * group of their sent ones. With the `previous` result, the rows its items share with these are
 * kept (the same objects): a text arriving makes one row or two, not the whole thread again.
 */
export function threadRows(
  items: readonly ThreadItem[],
  unreadKey: string | null,
  selfId?: string,
  previous?: ThreadRowsResult,
): ThreadRow[] {
  const kept = keptRows(previous, items, unreadKey, selfId)
  if (previous && kept === items.length && kept === previous.rows.length) return previous.rows
  const rows: ThreadRow[] = previous ? previous.rows.slice(0, kept) : []
  // Each item's local day is worked out once (the rows kept need none): a new text makes one or two.
  let day = kept < items.length ? dayKey(itemCreatedAt(items[kept] as ThreadItem)) : 0
  for (let index = kept; index < items.length; index++) {
    const item = items[index] as ThreadItem
    const next = items[index + 1]
    const nextAt = next ? itemCreatedAt(next) : null
    const nextDay = nextAt ? dayKey(nextAt) : day
    rows.push({
      key: item.key,
      item,
      // Only forward: a pending send stamped by a device clock behind the server's starts no "new" day.
      nextDayAt: nextAt && nextDay !== day && Date.parse(nextAt) > Date.parse(itemCreatedAt(item)) ? nextAt : null,
      firstUnread: item.key === unreadKey,
      group: 'single',
    })
    day = nextDay
  }
  // Whether a row and the next are one group: worked out once per pair, each row's sender and
  // minute once (a thread of 10,000 messages makes every row when it opens).
  let sender = ''
  let minute = ''
  let joinsPrevious = false
  const from = Math.max(0, kept - 1)
  for (let i = from; i < rows.length; i++) {
    const row = rows[i] as ThreadRow
    const next = rows[i + 1]
    if (i === from) {
      sender = senderOf(row.item, selfId)
      minute = minuteOf(row.item)
    }
    const nextSender = next ? senderOf(next.item, selfId) : ''
    const nextMinute = next ? minuteOf(next.item) : ''
    const joinsNext = !!next && !row.nextDayAt && !next.firstUnread && sender === nextSender && minute === nextMinute
    // Only the new rows are placed in their groups (a kept row's neighbours are unchanged).
    if (i >= kept) row.group = joinsPrevious ? (joinsNext ? 'middle' : 'last') : joinsNext ? 'first' : 'single'
    joinsPrevious = joinsNext
    sender = nextSender
    minute = nextMinute
  }
  return rows
}

/** The failed sends of a thread (sent and pending), by key, with the reason staff read. */
export function failuresOf(items: readonly ThreadItem[]): Map<string, string> {
  const failed = new Map<string, string>()
  for (const item of items) {
    if (item.kind === 'message' && item.message.status === 'failed') {
      failed.set(item.key, item.message.error?.message ?? '')
    } else if (item.kind === 'pending' && item.entry.status === 'failed') {
      failed.set(item.key, item.entry.error?.message ?? '')
    }
  }
  return failed
}

/** The newest inbound text of a thread, if any: what the live region announces when it changes. */
export function newestInbound(items: readonly ThreadItem[]): Extract<ThreadItem, { kind: 'message' }> | null {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]
    if (item?.kind === 'message' && item.message.direction === 'inbound') return item
  }
  return null
}

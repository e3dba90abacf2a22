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

/**
 * A thread's rows, each worked out when it is first asked for: a view draws the few in view, and a
 * thread of 10,000 messages opening (or a text arriving) does not make 10,000 rows.
 */
export interface ThreadRows {
  /** As many rows as items. */
  readonly length: number
  /** The key of the row at `index` (its item's), without working the row out. */
  keyAt(index: number): string | undefined
  /**
   * The row at `index`. The same object each time it is asked for, and the same as the previous
   * rows' (given to {@link threadRows}) where its item and both neighbours are the same.
   */
  at(index: number): ThreadRow | undefined
}

/** A row made, with what it was made from: its item's source and its neighbours'. */
interface Made {
  row: ThreadRow
  before: object | undefined
  source: object
  after: object | undefined
}

/** The rows each set of rows has made so far, and what they were made for (the rows they may hand on). */
const madeBy = new WeakMap<
  ThreadRows,
  { unreadKey: string | null; selfId: string | undefined; made: Map<string, Made> }
>()

/** Whether a new local day starts from one time to the next (only forward: a device clock behind the server's starts none). */
const startsDay = (from: string, to: string) => dayKey(to) !== dayKey(from) && Date.parse(to) > Date.parse(from)

/**
 * The thread's rows: a day separator where the local day changes, the unread divider before
 * `unreadKey`, and groups of consecutive messages by one sender within a minute (a day separator
 * or the divider also ends a group). `selfId` is this user's id: their pending sends join the
 * group of their sent ones. A row depends on its item and both neighbours only, so each is worked
 * out when asked for; with the `previous` rows, a row whose item and neighbours are unchanged is
 * handed on as the same object (a text arriving, or older history loading above, leaves the rows
 * on screen as they were).
 */
export function threadRows(
  items: readonly ThreadItem[],
  unreadKey: string | null,
  selfId?: string,
  previous?: ThreadRows,
): ThreadRows {
  const before = previous ? madeBy.get(previous) : undefined
  const reusable = before && before.unreadKey === unreadKey && before.selfId === selfId ? before.made : undefined
  const made = new Map<string, Made>()
  // Whether `a` and the next `b` are one group: the same sender in the same minute, no divider or new day between.
  const joins = (a: ThreadItem, b: ThreadItem) =>
    b.key !== unreadKey &&
    minuteOf(a) === minuteOf(b) &&
    senderOf(a, selfId) === senderOf(b, selfId) &&
    !startsDay(itemCreatedAt(a), itemCreatedAt(b))
  const rows: ThreadRows = {
    length: items.length,
    keyAt: (index) => items[index]?.key,
    at(index) {
      const item = items[index]
      if (!item) return undefined
      const source = itemSource(item)
      const prev = items[index - 1]
      const next = items[index + 1]
      const known = made.get(item.key) ?? reusable?.get(item.key)
      if (
        known &&
        known.source === source &&
        known.before === (prev && itemSource(prev)) &&
        known.after === (next && itemSource(next))
      ) {
        made.set(item.key, known)
        return known.row
      }
      const createdAt = itemCreatedAt(item)
      const nextAt = next ? itemCreatedAt(next) : null
      const joinsPrevious = !!prev && joins(prev, item)
      const joinsNext = !!next && joins(item, next)
      const row: ThreadRow = {
        key: item.key,
        item,
        nextDayAt: nextAt && startsDay(createdAt, nextAt) ? nextAt : null,
        firstUnread: item.key === unreadKey,
        group: joinsPrevious ? (joinsNext ? 'middle' : 'last') : joinsNext ? 'first' : 'single',
      }
      made.set(item.key, { row, before: prev && itemSource(prev), source, after: next && itemSource(next) })
      return row
    },
  }
  madeBy.set(rows, { unreadKey, selfId, made })
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

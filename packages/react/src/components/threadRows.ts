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
}

/** When an item was written (server time for messages, local time for pending sends). */
export function itemCreatedAt(item: ThreadItem): string {
  return item.kind === 'message' ? item.message.createdAt : item.entry.createdAt
}

const isInbound = (item: ThreadItem | undefined) => item?.kind === 'message' && item.message.direction === 'inbound'

/** The key of the `unread`-th inbound text from the end: the divider stands before it. */
export function firstUnreadKey(items: readonly ThreadItem[], unread: number): string | null {
  let remaining = unread
  if (remaining <= 0) return null
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]
    if (isInbound(item) && --remaining === 0) return item?.key ?? null
  }
  return null
}

/** The thread's rows: a day separator where the local day changes, the unread divider before `unreadKey`. */
export function threadRows(items: readonly ThreadItem[], unreadKey: string | null): ThreadRow[] {
  return items.map((item, index) => {
    const next = items[index + 1]
    const nextAt = next ? itemCreatedAt(next) : null
    return {
      key: item.key,
      item,
      // Only forward: a pending send stamped by a device clock behind the server's starts no "new" day.
      nextDayAt:
        nextAt && Date.parse(nextAt) > Date.parse(itemCreatedAt(item)) && dayKey(nextAt) !== dayKey(itemCreatedAt(item))
          ? nextAt
          : null,
      firstUnread: item.key === unreadKey,
    }
  })
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

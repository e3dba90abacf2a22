import { compareMessages, type Message, type MessagePage, type MessageStatus } from '@switchboard/protocol'
import { type QueryClient, replaceEqualDeep } from '@tanstack/query-core'
import { inboxKeys } from './keys'

/** A cached thread: pages of history, `pages[0]` the newest, each page oldest first. */
export interface ThreadData {
  pages: MessagePage[]
  pageParams: unknown[]
}

const RANK: Record<MessageStatus, number> = { queued: 0, sending: 1, sent: 2, received: 2, delivered: 3, failed: 3 }

/**
 * Of two copies of one message, the more recent: later `updatedAt`, then further status, then the
 * one that knows it was sent again (`resentAs` is only ever added).
 */
export function newer(a: Message, b: Message): Message {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? a : b
  if (RANK[b.status] !== RANK[a.status]) return RANK[b.status] > RANK[a.status] ? b : a
  return b.resentAs !== undefined && a.resentAs === undefined ? b : a
}

const same = (a: Message, b: Message) =>
  a.id === b.id || (a.clientMessageId !== undefined && a.clientMessageId === b.clientMessageId)

/**
 * Merges a message into a thread by `id` and `clientMessageId`: an existing copy is replaced only
 * by a more recent one (a late HTTP reply never undoes a delivery report); a new one joins the
 * newest page in `seq` order.
 */
export function mergeMessage(data: ThreadData, message: Message): ThreadData {
  if (mayHold(data, message)) {
    for (const [i, page] of data.pages.entries()) {
      const index = page.items.findIndex((m) => same(m, message))
      if (index < 0) continue
      const current = page.items[index] as Message
      // An equal copy (a repeated event) keeps the shown message: memoized bubbles skip it.
      const winner = replaceEqualDeep(current, newer(current, message))
      if (winner === current) return data
      const items = [...page.items]
      items[index] = winner
      const pages = [...data.pages]
      pages[i] = { ...page, items }
      return { ...data, pages }
    }
  }
  const [first, ...rest] = data.pages
  const newest = first ?? { items: [], nextBefore: null }
  const last = newest.items.at(-1)
  // A new text is almost always the newest: appended, not sorted in.
  const items =
    !last || compareMessages(last, message) <= 0
      ? [...newest.items, message]
      : [...newest.items, message].sort(compareMessages)
  const merged = { ...data, pages: [{ ...newest, items }, ...rest] }
  keysOf.set(
    merged,
    keys(data)
      .add(message.id)
      .add(message.clientMessageId ?? message.id),
  )
  return merged
}

/**
 * Each thread's message ids and client ids, or more: a set is handed on to the thread made from
 * it, so an older thread's set may hold keys it does not have. A key missing from it is missing
 * from the thread, so a new message skips the scan of every page.
 */
const keysOf = new WeakMap<ThreadData, Set<string>>()
function keys(data: ThreadData): Set<string> {
  let known = keysOf.get(data)
  if (!known) {
    known = new Set()
    for (const page of data.pages) for (const m of page.items) known.add(m.id).add(m.clientMessageId ?? m.id)
    keysOf.set(data, known)
  }
  return known
}
const mayHold = (data: ThreadData, message: Message) =>
  keys(data).has(message.id) || (message.clientMessageId !== undefined && keys(data).has(message.clientMessageId))

/** The whole loaded history, oldest first, without duplicates: sorted only when the pages overlap or disagree. */
export function flattenThread(data: ThreadData | undefined): Message[] {
  if (!data) return []
  // While each message comes after the one before, none repeats an earlier one: the ids are
  // looked up only from the first that does not (a page fetched late repeating some, say).
  let seen: Set<string> | null = null
  const out: Message[] = []
  let ordered = true
  for (let i = data.pages.length - 1; i >= 0; i--) {
    for (const m of data.pages[i]?.items ?? []) {
      const previous = out.at(-1)
      const order = previous ? compareMessages(previous, m) : -1
      if (order >= 0) seen ??= new Set(out.map((x) => x.id))
      if (seen?.has(m.id)) continue
      seen?.add(m.id)
      if (order > 0) ordered = false
      out.push(m)
    }
  }
  return ordered ? out : out.sort(compareMessages)
}

/** A message of a cached thread, by id (undefined when that part of the thread is not loaded). */
export function findMessage(qc: QueryClient, conversationId: string, messageId: string): Message | undefined {
  const data = qc.getQueryData<ThreadData>(inboxKeys.messages(conversationId))
  for (const page of data?.pages ?? []) {
    const found = page.items.find((m) => m.id === messageId)
    if (found) return found
  }
  return undefined
}

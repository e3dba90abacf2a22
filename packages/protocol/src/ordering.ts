import { foldText } from './filter'

/** The sort key of a conversation in a list: newest activity first, then id. */
export interface ConversationSortKey {
  lastActivityAt: string
  id: string
}

/**
 * Orders conversations newest activity first; ties broken by id (descending) so the order is
 * total and a cursor can resume it.
 */
export function compareConversations(a: ConversationSortKey, b: ConversationSortKey): number {
  if (a.lastActivityAt !== b.lastActivityAt) return a.lastActivityAt < b.lastActivityAt ? 1 : -1
  if (a.id !== b.id) return a.id < b.id ? 1 : -1
  return 0
}

/** Sorts a copy of `conversations` with {@link compareConversations}. */
export function sortConversations<T extends ConversationSortKey>(conversations: readonly T[]): T[] {
  return [...conversations].sort(compareConversations)
}

/**
 * The order of client search results: last name, then first name (folded, so "Zoë" sorts as
 * "zoe"), one string a SQL index can hold (names have no control characters, so U+0001 sorts
 * the last name's end before any letter); the id breaks ties.
 */
export function clientSortKey(client: { firstName: string; lastName: string }): string {
  return `${foldText(client.lastName)}\u0001${foldText(client.firstName)}`
}

/** Orders clients for search results by {@link clientSortKey}, then id. */
export function compareClients(
  a: { id: string; firstName: string; lastName: string },
  b: { id: string; firstName: string; lastName: string },
): number {
  const ka = clientSortKey(a)
  const kb = clientSortKey(b)
  if (ka !== kb) return ka < kb ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** A message as ordering sees it: acknowledged ones have a server `seq`; optimistic ones do not. */
export interface MessageSortKey {
  seq?: number | null
  createdAt: string
  clientMessageId?: string
  id?: string
}

/**
 * Orders a thread: acknowledged messages by server `seq`; unacknowledged (optimistic) messages
 * after all of them, in the order they were written.
 */
export function compareMessages(a: MessageSortKey, b: MessageSortKey): number {
  const aAcked = typeof a.seq === 'number'
  const bAcked = typeof b.seq === 'number'
  if (aAcked && bAcked) return (a.seq as number) - (b.seq as number)
  if (aAcked !== bAcked) return aAcked ? -1 : 1
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1
  const ak = a.clientMessageId ?? a.id ?? ''
  const bk = b.clientMessageId ?? b.id ?? ''
  return ak < bk ? -1 : ak > bk ? 1 : 0
}

/** Sorts a copy of `messages` with {@link compareMessages}. */
export function sortMessages<T extends MessageSortKey>(messages: readonly T[]): T[] {
  return [...messages].sort(compareMessages)
}

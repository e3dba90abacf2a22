import type {
  Contact,
  Conversation,
  ConversationFilter,
  InboxEvent,
  NewInboxEvent,
  UnreadTotals,
  Viewer,
} from '@switchboard/protocol'
import type { QueryKey } from '@tanstack/query-core'
import { type ClientHistoryData, reduceClientHistory } from './clientHistory'
import { type ConversationListData, patchContactInList, placeInList, removeFromList } from './conversationLists'
import { mergeMessage, type ThreadData } from './threads'

/** What a reducer answers when the event removes the query's subject (a deleted conversation). */
export const REMOVE: unique symbol = Symbol('switchboard.remove')

/** An event as the cache applies it: from the log (with `seq`) or a local, optimistic one. */
export type CacheEvent = InboxEvent | NewInboxEvent

/** How the cache shows server state: the viewer for "mine" filters, and pending local changes on top. */
export interface ReduceContext {
  viewer: Viewer
  /** A conversation as shown: the server's snapshot with pending optimistic changes applied (null: hidden). */
  present(conversation: Conversation): Conversation | null
  /** Unread totals as shown: the server's, adjusted for pending optimistic changes. */
  presentTotals(totals: UnreadTotals): UnreadTotals
}

/** Shows server state as it is (no pending changes). */
export const plainContext = (viewer: Viewer): ReduceContext => ({
  viewer,
  present: (c) => c,
  presentTotals: (t) => t,
})

const byPhone = (a: Contact, b: Contact) => (a.phone < b.phone ? -1 : a.phone > b.phone ? 1 : 0)

/** What a contact list holds: the opted-out or not, the blocked or not (null: either). */
export interface ContactListFilter {
  optedOut: boolean | null
  blocked: boolean | null
}

/** A contact list after a contact changed: replaced in place, joined or left by the list's filter. */
function reduceContacts(list: Contact[], contact: Contact, filter: ContactListFilter): Contact[] {
  const index = list.findIndex((c) => c.phone === contact.phone)
  const belongs =
    (filter.optedOut === null || (contact.optedOut !== null) === filter.optedOut) &&
    (filter.blocked === null || contact.blocked === filter.blocked)
  if (index >= 0 && belongs) return list.map((c, i) => (i === index ? contact : c))
  if (index >= 0) return list.filter((_, i) => i !== index)
  // An unfiltered list holds only the contacts it was given: a change does not add one.
  if (!belongs || (filter.optedOut === null && filter.blocked === null)) return list
  return [...list, contact].sort(byPhone)
}

/**
 * Applies one event to the data of one cached query, chosen by the query's key: conversation
 * lists re-filter and re-order, details and threads follow their conversation, contact lists
 * and the unread totals take the new values. Answers `data` itself when the event does not touch
 * it, {@link REMOVE} when it deletes the query's subject. Pure: the cache, rebased replies and
 * rollbacks all use it, so an event means the same thing everywhere. Applying the same snapshot
 * twice changes nothing more.
 */
export function reduceQuery(key: QueryKey, data: unknown, given: CacheEvent, ctx: ReduceContext): unknown {
  if (data === undefined || key[0] !== 'switchboard') return data
  let event = given
  if (event.type === 'conversation.updated') {
    const shown = ctx.present(event.conversation)
    event = shown
      ? { ...event, conversation: shown }
      : { type: 'conversation.deleted', conversationId: event.conversation.id }
  }
  switch (key[1]) {
    case 'conversations': {
      const list = data as ConversationListData
      const filter = key[2] as ConversationFilter
      if (event.type === 'conversation.updated') return placeInList(list, event.conversation, filter, ctx.viewer)
      if (event.type === 'conversation.deleted') return removeFromList(list, event.conversationId)
      if (event.type === 'contact.updated') return patchContactInList(list, event.contact)
      return data
    }
    case 'conversation': {
      const conversation = data as Conversation
      if (event.type === 'conversation.updated' && event.conversation.id === conversation.id) return event.conversation
      if (event.type === 'conversation.deleted' && event.conversationId === conversation.id) return REMOVE
      if (event.type === 'contact.updated' && event.contact.phone === conversation.contact.phone)
        return { ...conversation, contact: event.contact }
      return data
    }
    case 'messages': {
      const id = key[2] as string
      if ((event.type === 'message.created' || event.type === 'message.updated') && event.message.conversationId === id)
        return mergeMessage(data as ThreadData, event.message)
      if (event.type === 'conversation.deleted' && event.conversationId === id) return REMOVE
      return data
    }
    case 'client-messages':
      return reduceClientHistory(data as ClientHistoryData, event)
    case 'contacts':
      if (event.type !== 'contact.updated') return data
      return reduceContacts(data as Contact[], event.contact, key[2] as ContactListFilter)
    case 'unread':
      return event.type === 'unread.updated' ? ctx.presentTotals(event.unread) : data
    default:
      return data
  }
}

/** Applies events in order to one query's data; stops at {@link REMOVE}. */
export function replay(key: QueryKey, data: unknown, events: readonly CacheEvent[], ctx: ReduceContext): unknown {
  let current = data
  for (const event of events) {
    current = reduceQuery(key, current, event, ctx)
    if (current === REMOVE) return REMOVE
  }
  return current
}

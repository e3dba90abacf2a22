import type { Contact, Conversation, ConversationFilter, InboxEvent, Viewer } from '@switchboard/protocol'
import type { QueryClient, QueryKey } from '@tanstack/query-core'
import {
  type ConversationListData,
  findInList,
  patchContactInList,
  placeInList,
  removeFromList,
} from './conversationLists'
import { inboxKeys } from './keys'
import { mergeMessage, type ThreadData } from './threads'

const lists = (qc: QueryClient) => qc.getQueriesData<ConversationListData>({ queryKey: inboxKeys.conversationLists() })

/** Sets a query's data only when that query is cached (events must not create queries). */
function update<T>(qc: QueryClient, key: QueryKey, fn: (data: T) => T): void {
  const data = qc.getQueryData<T>(key)
  if (data !== undefined) qc.setQueryData(key, fn(data))
}

/** Puts a conversation where it belongs in every cached list, and refreshes its cached detail. */
export function placeConversation(qc: QueryClient, conversation: Conversation, viewer: Viewer): void {
  for (const [key, data] of lists(qc)) {
    if (data) qc.setQueryData(key, placeInList(data, conversation, key[2] as ConversationFilter, viewer))
  }
  update<Conversation>(qc, inboxKeys.conversation(conversation.id), () => conversation)
}

/** Takes a conversation out of every list and drops its detail and thread. */
export function removeConversation(qc: QueryClient, id: string): void {
  for (const [key, data] of lists(qc)) if (data) qc.setQueryData(key, removeFromList(data, id))
  qc.removeQueries({ queryKey: inboxKeys.conversation(id), exact: true })
  qc.removeQueries({ queryKey: inboxKeys.messages(id), exact: true })
}

/** The freshest cached copy of a conversation: its detail, else any list. */
export function findConversation(qc: QueryClient, id: string): Conversation | undefined {
  const detail = qc.getQueryData<Conversation>(inboxKeys.conversation(id))
  if (detail) return detail
  for (const [, data] of lists(qc)) {
    const found = findInList(data, id)
    if (found) return found
  }
  return undefined
}

/** Every cached conversation with this phone number. */
export function conversationsWithPhone(qc: QueryClient, phone: string): Conversation[] {
  const found = new Map<string, Conversation>()
  for (const [, data] of lists(qc)) {
    for (const page of data?.pages ?? []) for (const c of page.items) if (c.contact.phone === phone) found.set(c.id, c)
  }
  return [...found.values()]
}

/** Applies a contact change to every cached conversation with that number. */
export function patchContact(qc: QueryClient, contact: Contact): void {
  for (const [key, data] of lists(qc)) if (data) qc.setQueryData(key, patchContactInList(data, contact))
  for (const [key, data] of qc.getQueriesData<Conversation>({ queryKey: ['switchboard', 'conversation'] })) {
    if (data?.contact.phone === contact.phone) qc.setQueryData(key, { ...data, contact })
  }
}

/**
 * Patches the query cache with one server event: conversations are placed in, moved within or
 * removed from every cached list by that list's filter; messages merged into their thread by id
 * and clientMessageId; unread totals replaced. Applying an event twice changes nothing more.
 */
export function applyEvent(qc: QueryClient, event: InboxEvent, viewer: Viewer): void {
  switch (event.type) {
    case 'message.created':
    case 'message.updated':
      update<ThreadData>(qc, inboxKeys.messages(event.message.conversationId), (data) =>
        mergeMessage(data, event.message),
      )
      return
    case 'conversation.updated':
      placeConversation(qc, event.conversation, viewer)
      return
    case 'conversation.deleted':
      removeConversation(qc, event.conversationId)
      return
    case 'contact.updated':
      patchContact(qc, event.contact)
      return
    case 'unread.updated':
      qc.setQueryData(inboxKeys.unread(), event.unread)
      return
  }
}

/** What the cache held before an optimistic change, to put back if the server refuses it. */
export type CacheSnapshot = Array<[QueryKey, unknown]>

export function snapshot(qc: QueryClient): CacheSnapshot {
  return qc.getQueriesData({ queryKey: inboxKeys.all })
}

/** Puts a snapshot back, then refetches what changed meanwhile so no realtime change is lost. */
export function restore(qc: QueryClient, saved: CacheSnapshot): void {
  for (const [key, data] of saved) qc.setQueryData(key, data)
  void qc.invalidateQueries({ queryKey: inboxKeys.all, refetchType: 'active' })
}

/** The conversations an event changes (a contact change touches every conversation of the number). */
export function touchedBy(qc: QueryClient, event: InboxEvent): string[] {
  switch (event.type) {
    case 'conversation.updated':
      return [event.conversation.id]
    case 'conversation.deleted':
      return [event.conversationId]
    case 'message.created':
    case 'message.updated':
      return [event.message.conversationId]
    case 'contact.updated':
      return conversationsWithPhone(qc, event.contact.phone).map((c) => c.id)
    default:
      return []
  }
}

/**
 * A fetch that was on its way while an event was applied answers with the state from before the
 * event and would overwrite it: cancel such fetches and fetch again, now after the event.
 */
export function refetchInFlight(qc: QueryClient): void {
  for (const query of qc.getQueryCache().findAll({ queryKey: inboxKeys.all, fetchStatus: 'fetching' })) {
    void qc
      .invalidateQueries({ queryKey: query.queryKey, exact: true, refetchType: 'all' }, { cancelRefetch: true })
      .catch(() => undefined)
  }
}

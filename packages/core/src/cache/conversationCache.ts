import type { Conversation } from '@switchboard/protocol'
import type { QueryClient } from '@tanstack/query-core'
import { type ConversationListData, findInList } from './conversationLists'
import { inboxKeys } from './keys'

const lists = (qc: QueryClient) => qc.getQueriesData<ConversationListData>({ queryKey: inboxKeys.conversationLists() })

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

/** Every cached conversation (details and lists, each once) that `matches`. */
export function conversationsWhere(qc: QueryClient, matches: (c: Conversation) => boolean): Conversation[] {
  const found = new Map<string, Conversation>()
  for (const [, data] of lists(qc)) {
    for (const page of data?.pages ?? []) for (const c of page.items) if (matches(c)) found.set(c.id, c)
  }
  for (const [, c] of qc.getQueriesData<Conversation>({ queryKey: inboxKeys.conversationDetails() })) {
    if (c && matches(c)) found.set(c.id, c)
  }
  return [...found.values()]
}

/** Every cached conversation with this phone number (details and lists). */
export const conversationsWithPhone = (qc: QueryClient, phone: string): Conversation[] =>
  conversationsWhere(qc, (c) => c.contact.phone === phone)

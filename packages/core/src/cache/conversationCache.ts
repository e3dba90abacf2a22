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

/** Every cached conversation with this phone number (details and lists). */
export function conversationsWithPhone(qc: QueryClient, phone: string): Conversation[] {
  const found = new Map<string, Conversation>()
  for (const [, data] of lists(qc)) {
    for (const page of data?.pages ?? []) for (const c of page.items) if (c.contact.phone === phone) found.set(c.id, c)
  }
  for (const [, c] of qc.getQueriesData<Conversation>({ queryKey: inboxKeys.conversationDetails() })) {
    if (c?.contact.phone === phone) found.set(c.id, c)
  }
  return [...found.values()]
}

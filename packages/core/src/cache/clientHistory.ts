import type { ClientHistoryPage, Message } from '@switchboard/protocol'
import type { InfiniteData } from '@tanstack/query-core'
import type { CacheEvent } from './reduceQuery'

/** A client's cached history: pages newest first, items oldest first within a page. */
export type ClientHistoryData = InfiniteData<ClientHistoryPage, string | null>

/**
 * Applies one event to a client's cached history: a message's new status in place; a new
 * message in a conversation the history already shows, at its end; a deleted conversation's
 * messages gone. A new message in a conversation the history does not show yet waits for the
 * next read (the history cannot tell whether that conversation is the client's). Pure.
 */
export function reduceClientHistory(data: ClientHistoryData, event: CacheEvent): ClientHistoryData {
  if (event.type === 'message.updated' || event.type === 'message.created') {
    const message = event.message
    let found = false
    const pages = data.pages.map((page) => {
      const index = page.items.findIndex((m) => m.id === message.id)
      if (index < 0) return page
      found = true
      return { ...page, items: page.items.map((m, i) => (i === index ? message : m)) }
    })
    if (found) return { ...data, pages }
    const newest = data.pages[0]
    if (event.type !== 'message.created' || !newest) return data
    if (!data.pages.some((page) => page.items.some((m) => m.conversationId === message.conversationId))) return data
    const items: Message[] = [...newest.items, message]
    return { ...data, pages: [{ ...newest, items }, ...data.pages.slice(1)] }
  }
  if (event.type === 'conversation.deleted') {
    const gone = (m: Message) => m.conversationId === event.conversationId
    if (!data.pages.some((page) => page.items.some(gone))) return data
    return { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((m) => !gone(m)) })) }
  }
  return data
}

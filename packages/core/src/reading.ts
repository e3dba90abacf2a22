import { type Conversation, type InboxEvent, isUnread } from '@switchboard/protocol'
import type { QueryClient } from '@tanstack/query-core'
import { findConversation } from './cache/conversationCache'
import { inboxKeys } from './cache/keys'

/** Options of {@link createReading}. */
export interface ReadingOptions {
  qc: QueryClient
  /** Marks a conversation read (one request; shown at once). */
  markRead(conversationId: string): void
  /** Whether the page is on screen. Default: `document.visibilityState`, always true without a DOM. */
  visible?: () => boolean
}

const pageVisible = () => globalThis.document?.visibilityState !== 'hidden'

/**
 * The conversation this user has on screen is read: opening one that is unread (or marked unread)
 * marks it read once, and each text arriving in it while the page is visible is read at once, in
 * the same tick as the event, so its row and the badge never show it unread. A hidden tab reads
 * nothing until it is visible again.
 */
export function createReading(options: ReadingOptions) {
  const visible = options.visible ?? pageVisible
  let current: string | null = null
  let stopWaiting: (() => void) | null = null

  const readIf = (id: string, conversation: Conversation | undefined, opening: boolean) => {
    if (!conversation || !visible() || id !== current) return
    if (conversation.unreadCount > 0 || (opening && isUnread(conversation))) options.markRead(id)
  }

  /** Decides once the conversation is known (it may still be loading when it is opened). */
  function whenKnown(id: string): void {
    stopWaiting?.()
    stopWaiting = null
    const known = findConversation(options.qc, id)
    if (known) {
      readIf(id, known, true)
      return
    }
    const unsubscribe = options.qc.getQueryCache().subscribe((change) => {
      if (change.type !== 'updated' || change.query.queryKey[0] !== inboxKeys.all[0]) return
      const found = findConversation(options.qc, id)
      if (!found) return
      unsubscribe()
      stopWaiting = null
      readIf(id, found, true)
    })
    stopWaiting = unsubscribe
  }

  return {
    /** The conversation on screen (null when none). */
    viewing: () => current,
    setViewing(conversationId: string | null): void {
      if (conversationId === current) return
      current = conversationId
      stopWaiting?.()
      stopWaiting = null
      if (conversationId) whenKnown(conversationId)
    },
    /** After each applied event: a text arriving in the open conversation is read at once. */
    afterEvent(event: InboxEvent): void {
      if (event.type !== 'message.created' || event.message.direction !== 'inbound') return
      const id = event.message.conversationId
      if (id === current && visible()) options.markRead(id)
    },
    /** The page is visible again: what arrived meanwhile in the open conversation is read. */
    becameVisible(): void {
      if (current) readIf(current, findConversation(options.qc, current), false)
    },
    stop(): void {
      stopWaiting?.()
      stopWaiting = null
    },
  }
}

import { isUnread, type UnreadTotals } from '@switchboard/protocol'
import type { ConversationRecord } from '../ports'

/** The badge numbers over a clinic's conversations: unread open conversations and messages. */
export function computeUnreadTotals(conversations: Iterable<ConversationRecord>): UnreadTotals {
  const totals: UnreadTotals = { conversations: 0, messages: 0, byInbox: {} }
  for (const c of conversations) {
    if (!isUnread(c)) continue
    totals.conversations += 1
    totals.messages += c.unreadCount
    const key = c.inboxId ?? 'none'
    totals.byInbox[key] = (totals.byInbox[key] ?? 0) + 1
  }
  return totals
}

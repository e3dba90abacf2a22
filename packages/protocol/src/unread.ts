import type { Conversation } from './entities'
import type { UnreadTotals } from './events'
import { isUnread } from './filter'

type Counted = Pick<Conversation, 'status' | 'unreadCount' | 'markedUnread' | 'inboxId'>

/** Counts a conversation in (1) or out (-1) of `totals`, in place. */
function tally(totals: UnreadTotals, conversation: Counted, sign: 1 | -1): void {
  if (!isUnread(conversation)) return
  const key = conversation.inboxId ?? 'none'
  const inInbox = Math.max(0, (totals.byInbox[key] ?? 0) + sign)
  if (inInbox === 0) delete totals.byInbox[key]
  else totals.byInbox[key] = inInbox
  totals.conversations = Math.max(0, totals.conversations + sign)
  totals.messages = Math.max(0, totals.messages + sign * conversation.unreadCount)
}

/**
 * The badge numbers with one conversation counted in (`sign` 1) or out (-1): an unread open
 * conversation counts once, its unread texts each, and once in its inbox (`none` without one).
 * The one rule behind the server's totals and the client's optimistic ones.
 */
export function countUnread(totals: UnreadTotals, conversation: Counted, sign: 1 | -1): UnreadTotals {
  if (!isUnread(conversation)) return totals
  const next = { ...totals, byInbox: { ...totals.byInbox } }
  tally(next, conversation, sign)
  return next
}

/** The badge numbers over a clinic's conversations: unread open conversations and their texts. */
export function computeUnreadTotals(conversations: Iterable<Counted>): UnreadTotals {
  const totals: UnreadTotals = { conversations: 0, messages: 0, byInbox: {} }
  for (const c of conversations) tally(totals, c, 1)
  return totals
}

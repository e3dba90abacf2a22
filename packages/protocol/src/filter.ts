import * as z from 'zod/mini'
import type { Conversation } from './entities'
import { phoneDigits } from './phone'

/** Status filter: open, open & unread, all, closed. */
export const CONVERSATION_STATUS_FILTERS = ['open', 'unread', 'all', 'closed'] as const
export const CONTACT_TYPE_FILTERS = ['all', 'clients', 'leads'] as const
/** The named assignee filters (a team member's id also works). */
export const ASSIGNEE_FILTERS = ['all', 'me', 'unassigned'] as const

/** A list filter as the UI and the API know it. `assignee` and `inbox` also take an id. */
export const conversationFilterSchema = z.object({
  status: z._default(z.enum(CONVERSATION_STATUS_FILTERS), 'open'),
  contactType: z._default(z.enum(CONTACT_TYPE_FILTERS), 'all'),
  /** `all`, `me`, `unassigned` or a team member id. */
  assignee: z._default(z.string().check(z.minLength(1), z.maxLength(200)), 'all'),
  /** `all` or an inbox id. */
  inbox: z._default(z.string().check(z.minLength(1), z.maxLength(200)), 'all'),
  /** Name (client or patient) or phone digits. */
  q: z._default(z.string().check(z.maxLength(100)), ''),
})
export type ConversationFilter = z.infer<typeof conversationFilterSchema>

/** The filter the inbox opens with: open conversations, everyone's, every inbox. */
export const DEFAULT_CONVERSATION_FILTER: ConversationFilter = Object.freeze({
  status: 'open',
  contactType: 'all',
  assignee: 'all',
  inbox: 'all',
  q: '',
})

/** Fills the missing fields of a partial filter with the defaults. */
export function normalizeFilter(filter: Partial<ConversationFilter> = {}): ConversationFilter {
  return {
    status: filter.status ?? 'open',
    contactType: filter.contactType ?? 'all',
    assignee: filter.assignee ?? 'all',
    inbox: filter.inbox ?? 'all',
    q: (filter.q ?? '').trim(),
  }
}

/** Who is looking at the list: `assignee: 'me'` means this user. */
export interface Viewer {
  userId: string
}

/** Lower case, accents removed, so "Zoë" matches "zoe". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** Whether a search query is a phone number fragment rather than a name. */
export function isPhoneQuery(q: string): boolean {
  return /^[\d\s()+.-]+$/.test(q) && phoneDigits(q).length >= 3
}

/** Whether a conversation is open and unread (new inbound texts or marked unread). */
export function isUnread(conversation: Pick<Conversation, 'status' | 'unreadCount' | 'markedUnread'>): boolean {
  return conversation.status === 'open' && (conversation.unreadCount > 0 || conversation.markedUnread)
}

/** The words a client is found by: their names and their patients' names, folded, split on anything but letters, digits and apostrophes. */
export function clientWords(client: {
  firstName: string
  lastName: string
  patients: ReadonlyArray<{ name: string }>
}): string[] {
  return foldText([client.firstName, client.lastName, ...client.patients.map((p) => p.name)].join(' '))
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean)
}

/** The words of a name search, folded: each must start one of the client's {@link clientWords}. */
export function searchTokens(query: string): string[] {
  return foldText(query.trim()).split(/\s+/).filter(Boolean)
}

/** Whether a client's words (from {@link clientWords}) answer a name search's tokens. */
export function wordsMatch(words: readonly string[], tokens: readonly string[]): boolean {
  return tokens.every((token) => words.some((word) => word.startsWith(token)))
}

/**
 * Whether `conversation` matches a search query: phone digits anywhere in the number, or every
 * word of the query starting a word of the client's or a patient's name.
 */
export function matchesSearch(conversation: Conversation, query: string): boolean {
  const q = query.trim()
  if (!q) return true
  if (isPhoneQuery(q)) return phoneDigits(conversation.contact.phone).includes(phoneDigits(q))
  return conversation.client !== null && wordsMatch(clientWords(conversation.client), searchTokens(q))
}

/**
 * The one rule for which conversations a list shows. The service answers list calls with it and
 * the client uses it to place realtime changes in every cached list.
 *
 * @example
 * matchesFilter(conversation, normalizeFilter({ status: 'unread', assignee: 'me' }), { userId: 'usr_1' })
 */
export function matchesFilter(conversation: Conversation, filter: ConversationFilter, viewer: Viewer): boolean {
  switch (filter.status) {
    case 'open':
      if (conversation.status !== 'open') return false
      break
    case 'unread':
      if (!isUnread(conversation)) return false
      break
    case 'closed':
      if (conversation.status !== 'closed') return false
      break
  }
  if (filter.contactType === 'clients' && !conversation.client) return false
  if (filter.contactType === 'leads' && conversation.client) return false
  switch (filter.assignee) {
    case 'all':
      break
    case 'me':
      if (conversation.assigneeId !== viewer.userId) return false
      break
    case 'unassigned':
      if (conversation.assigneeId !== null) return false
      break
    default:
      if (conversation.assigneeId !== filter.assignee) return false
  }
  if (filter.inbox !== 'all' && conversation.inboxId !== filter.inbox) return false
  return matchesSearch(conversation, filter.q)
}

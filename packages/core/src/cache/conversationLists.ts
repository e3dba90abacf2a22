import {
  type Contact,
  type Conversation,
  type ConversationFilter,
  type ConversationSortKey,
  compareConversations,
  matchesFilter,
  type Page,
  type Viewer,
} from '@switchboard/protocol'
import { replaceEqualDeep } from '@tanstack/query-core'

/**
 * A cached page of a conversation list. `end` is the sort key of its last row when it was fetched:
 * the next page (its `nextCursor`) starts strictly after it, whatever happens to that row since.
 */
export interface ConversationPage extends Page<Conversation> {
  end: ConversationSortKey | null
}

/** A cached conversation list: the pages loaded so far, newest activity first. */
export interface ConversationListData {
  pages: ConversationPage[]
  pageParams: unknown[]
}

/** A fetched page as the cache keeps it, with where its next page starts. */
export function toCachedPage(page: Page<Conversation>): ConversationPage {
  const last = page.items.at(-1)
  return { ...page, end: last ? { lastActivityAt: last.lastActivityAt, id: last.id } : null }
}

/** Where `id` is in a list: its page and its index there, found in one pass; null when not loaded. */
function locate(data: ConversationListData, id: string): { page: number; index: number } | null {
  for (const [page, { items }] of data.pages.entries()) {
    const index = items.findIndex((c) => c.id === id)
    if (index >= 0) return { page, index }
  }
  return null
}

/** The list without the row at `at` (when given). */
function removeAt(data: ConversationListData, at: { page: number; index: number } | null): ConversationListData {
  if (!at) return data
  // Only the rows of the page that held it are copied: a long list pays for one page, not all.
  // Every page object is new, as after any write (a page object stands for one server reply).
  return {
    ...data,
    pages: data.pages.map((p, i) => (i === at.page ? { ...p, items: p.items.toSpliced(at.index, 1) } : { ...p })),
  }
}

/** The list without `id`; the same object when it was not there. */
export function removeFromList(data: ConversationListData, id: string): ConversationListData {
  return removeAt(data, locate(data, id))
}

/**
 * Puts a changed conversation where the list's filter and order say: removed when it no longer
 * matches; otherwise placed by newest activity among the loaded pages. One that sorts after
 * everything loaded while more pages exist is left for the next page only if that page will
 * bring it (it sorts after the loaded part's `end`); one at or before `end` stays, or it would be
 * lost between the pages. It is found in one pass over the loaded rows, and placing it stops at
 * its place (the top, for a new text): a burst of texts to a long list pays little per text.
 */
export function placeInList(
  data: ConversationListData,
  given: Conversation,
  filter: ConversationFilter,
  viewer: Viewer,
): ConversationListData {
  const at = locate(data, given.id)
  // What did not change keeps its identity: a conversation written back as it is shown (a settled
  // change, a repeated event) is the same object, and its memoized row skips it.
  const conversation = at ? replaceEqualDeep(data.pages[at.page]?.items[at.index], given) : given
  const without = removeAt(data, at)
  if (!matchesFilter(conversation, filter, viewer)) return without
  // Fresh page objects: written in place below.
  const pages = without.pages.map((p) => ({ ...p }))
  for (const page of pages) {
    const index = page.items.findIndex((c) => compareConversations(conversation, c) < 0)
    if (index >= 0) {
      page.items = page.items.toSpliced(index, 0, conversation)
      return { ...without, pages }
    }
  }
  const last = pages.at(-1)
  if (!last) return { ...without, pages: [{ items: [conversation], nextCursor: null, end: null }] }
  const nextPageBringsIt = last.nextCursor !== null && (!last.end || compareConversations(conversation, last.end) > 0)
  if (nextPageBringsIt) return { ...without, pages }
  last.items = [...last.items, conversation]
  return { ...without, pages }
}

/** Applies a contact change to every conversation with that number. */
export function patchContactInList(data: ConversationListData, contact: Contact): ConversationListData {
  if (!data.pages.some((p) => p.items.some((c) => c.contact.phone === contact.phone))) return data
  return {
    ...data,
    pages: data.pages.map((p) => ({
      ...p,
      items: p.items.map((c) => (c.contact.phone === contact.phone ? { ...c, contact } : c)),
    })),
  }
}

/** The conversation with `id` in a list, if loaded. */
export function findInList(data: ConversationListData | undefined, id: string): Conversation | undefined {
  for (const page of data?.pages ?? []) {
    const found = page.items.find((c) => c.id === id)
    if (found) return found
  }
  return undefined
}

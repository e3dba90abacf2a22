import { createMockBackend } from '@switchboard/mock'
import { type Conversation, normalizeFilter, PERMISSIONS } from '@switchboard/protocol'
import { beforeAll, describe, expect, it } from 'vitest'
import { type ConversationListData, placeInList, removeFromList, toCachedPage } from '../cache/conversationLists'
import { OPEN } from './mockHarness'

const viewer = { userId: 'usr_dana' }
const all = normalizeFilter({ status: 'all' })
const open = normalizeFilter({ status: 'open' })
let rows: Conversation[] = []

beforeAll(async () => {
  const backend = createMockBackend({ seed: { seed: 3, conversations: 30 }, clock: OPEN })
  const dana = { clinicId: backend.clinic.id, userId: 'usr_dana', permissions: [...PERMISSIONS] }
  rows = (await backend.service.listConversations(dana, { status: 'all', limit: 30 })).items
})

/** The rows in pages of ten, the last with more to come when `more`. */
function list(items: Conversation[], more = false): ConversationListData {
  const pages = [0, 10, 20]
    .map((at) => items.slice(at, at + 10))
    .filter((page) => page.length > 0)
    .map((page, i, pages) => toCachedPage({ items: page, nextCursor: more || i < pages.length - 1 ? 'next' : null }))
  return { pages, pageParams: pages.map((_, i) => i) }
}
const ids = (data: ConversationListData) => data.pages.flatMap((p) => p.items.map((c) => c.id))
const later = (c: Conversation, minutes: number): Conversation => ({
  ...c,
  lastActivityAt: new Date(Date.parse(c.lastActivityAt) + minutes * 60_000).toISOString(),
})

describe('placing a changed conversation in a cached list', () => {
  it('moves one with a new text from deep in the list to the top, copying only the pages it touches', () => {
    const data = list(rows)
    const moved = later(rows[25] as Conversation, 60 * 24 * 365)
    const next = placeInList(data, moved, all, viewer)
    expect(ids(next)).toEqual([moved.id, ...ids(data).filter((id) => id !== moved.id)])
    expect(next.pages.map((p) => p.items.length)).toEqual([11, 10, 9])
    // Rows that did not change keep their identity; every page object is new.
    expect(next.pages[1]?.items).toBe(data.pages[1]?.items)
    for (const [i, page] of next.pages.entries()) expect(page).not.toBe(data.pages[i])
    expect(ids(data)).toEqual(rows.map((c) => c.id)) // the cached data is left as it was
  })

  it('keeps the shown object when the conversation comes back unchanged, and its place', () => {
    const data = list(rows)
    const same = { ...(rows[4] as Conversation) }
    const next = placeInList(data, same, all, viewer)
    expect(ids(next)).toEqual(ids(data))
    expect(next.pages[0]?.items[4]).toBe(data.pages[0]?.items[4])
  })

  it('removes one that no longer matches the filter, and leaves the list alone for one it never held', () => {
    const data = list(rows.filter((c) => c.status === 'open'))
    const closed: Conversation = { ...(data.pages[0]?.items[2] as Conversation), status: 'closed' }
    expect(ids(placeInList(data, closed, open, viewer))).not.toContain(closed.id)
    expect(removeFromList(data, 'cnv_nowhere')).toBe(data)
  })

  it('puts an old one last when no page is to come, and leaves it to the next page when one is', () => {
    const older = later(rows.at(-1) as Conversation, -60 * 24 * 3650)
    const head = rows.slice(0, 20).filter((c) => c.id !== older.id)
    expect(ids(placeInList(list(head), older, all, viewer)).at(-1)).toBe(older.id)
    expect(ids(placeInList(list(head, true), older, all, viewer))).not.toContain(older.id)
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CONVERSATION_FILTER, isUnread, matchesFilter, matchesSearch, normalizeFilter } from '../filter'
import { conversationArb, filterArb, viewerArb } from './arbitraries'

describe('matchesFilter', () => {
  it('status "all" is exactly the union of open and closed', () => {
    fc.assert(
      fc.property(conversationArb, filterArb, viewerArb, (c, f, v) => {
        const all = matchesFilter(c, { ...f, status: 'all' }, v)
        const open = matchesFilter(c, { ...f, status: 'open' }, v)
        const closed = matchesFilter(c, { ...f, status: 'closed' }, v)
        expect(all).toBe(open || closed)
        expect(open && closed).toBe(false)
      }),
    )
  })

  it('"open & unread" is a subset of "open"', () => {
    fc.assert(
      fc.property(conversationArb, filterArb, viewerArb, (c, f, v) => {
        if (matchesFilter(c, { ...f, status: 'unread' }, v))
          expect(matchesFilter(c, { ...f, status: 'open' }, v)).toBe(true)
      }),
    )
  })

  it('contact types partition the list into clients and leads', () => {
    fc.assert(
      fc.property(conversationArb, filterArb, viewerArb, (c, f, v) => {
        const all = matchesFilter(c, { ...f, contactType: 'all' }, v)
        const clients = matchesFilter(c, { ...f, contactType: 'clients' }, v)
        const leads = matchesFilter(c, { ...f, contactType: 'leads' }, v)
        expect(all).toBe(clients || leads)
        expect(clients && leads).toBe(false)
      }),
    )
  })

  it('"assigned to me" equals filtering by the viewer\'s own id', () => {
    fc.assert(
      fc.property(conversationArb, filterArb, viewerArb, (c, f, v) => {
        expect(matchesFilter(c, { ...f, assignee: 'me' }, v)).toBe(matchesFilter(c, { ...f, assignee: v.userId }, v))
      }),
    )
  })

  it('every narrower filter matches only what "all" matches (monotone)', () => {
    fc.assert(
      fc.property(conversationArb, filterArb, viewerArb, (c, f, v) => {
        if (matchesFilter(c, f, v)) {
          const wide = { status: 'all', contactType: 'all', assignee: 'all', inbox: 'all', q: '' } as const
          expect(matchesFilter(c, wide, v)).toBe(true)
          expect(matchesFilter(c, { ...f, q: '' }, v)).toBe(true)
          expect(matchesFilter(c, { ...f, inbox: 'all' }, v)).toBe(true)
        }
      }),
    )
  })

  it('unassigned and inbox filters read the conversation fields', () => {
    fc.assert(
      fc.property(conversationArb, viewerArb, (c, v) => {
        const f = normalizeFilter({ status: 'all' })
        expect(matchesFilter(c, { ...f, assignee: 'unassigned' }, v)).toBe(c.assigneeId === null)
        expect(matchesFilter(c, { ...f, inbox: 'inb_front' }, v)).toBe(c.inboxId === 'inb_front')
        expect(matchesFilter(c, { ...f, status: 'unread' }, v)).toBe(isUnread(c))
      }),
    )
  })

  it('the default filter shows open conversations of everyone', () => {
    expect(DEFAULT_CONVERSATION_FILTER).toEqual(normalizeFilter())
    expect(normalizeFilter({ q: '  rex ' }).q).toBe('rex')
  })
})

describe('matchesSearch', () => {
  const base = {
    id: 'cnv_1',
    contact: { phone: '+14155552671', clientId: 'cli_1', optedOut: null, blocked: false, consent: [] },
    client: {
      id: 'cli_1',
      firstName: 'Zoë',
      lastName: "O'Neil",
      patients: [{ id: 'pat_1', name: 'Mr. Biscuit', species: 'cat' }],
    },
    status: 'open' as const,
    inboxId: null,
    assigneeId: null,
    unreadCount: 0,
    markedUnread: false,
    lastMessage: null,
    lastActivityAt: '2026-01-01T00:00:00.000Z',
    createdAt: '2026-01-01T00:00:00.000Z',
    closedAt: null,
    optOutRequest: null,
  }

  it.each([
    ['zoe', true],
    ['ZOË', true],
    ["o'neil", true],
    ['zoe biscuit', true],
    ['bisc', true],
    ['oe', false],
    ['zoe smith', false],
    ['555-2671', true],
    ['(415) 555', true],
    ['415 555 2672', false],
    ['', true],
  ])('query %j → %s', (q, expected) => {
    expect(matchesSearch(base, q)).toBe(expected)
  })

  it('finds a lead only by phone digits', () => {
    const lead = { ...base, client: null }
    expect(matchesSearch(lead, 'zoe')).toBe(false)
    expect(matchesSearch(lead, '2671')).toBe(true)
  })
})

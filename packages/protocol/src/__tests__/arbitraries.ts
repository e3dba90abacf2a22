import fc from 'fast-check'
import type { Conversation } from '../entities'

const names = ['Ana', 'Zoë', 'Bob', 'Li', "O'Neil", 'María', 'Sam', 'Samantha', 'Isam']
const pets = ['Rex', 'Mittens', 'Biscuit', 'Łucja']
const users = ['usr_1', 'usr_2', 'usr_3']
const inboxes = ['inb_front', 'inb_billing']
const dates = fc
  .integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 0, 3) })
  .map((ms) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString())

/** Arbitrary conversations drawn from a small vocabulary so filters and ties actually hit. */
export const conversationArb: fc.Arbitrary<Conversation> = fc
  .record({
    id: fc.integer({ min: 1, max: 500 }).map((n) => `cnv_${String(n).padStart(4, '0')}`),
    phone: fc.integer({ min: 2_000_000, max: 2_000_020 }).map((n) => `+1415${n}`),
    client: fc.option(
      fc.record({
        id: fc.constantFrom('cli_1', 'cli_2'),
        firstName: fc.constantFrom(...names),
        lastName: fc.constantFrom(...names),
        patients: fc.array(
          fc.record({ id: fc.constant('pat_1'), name: fc.constantFrom(...pets), species: fc.constant('dog') }),
          { maxLength: 2 },
        ),
      }),
    ),
    status: fc.constantFrom('open' as const, 'closed' as const),
    inboxId: fc.option(fc.constantFrom(...inboxes)),
    assigneeId: fc.option(fc.constantFrom(...users)),
    unreadCount: fc.integer({ min: 0, max: 3 }),
    markedUnread: fc.boolean(),
    lastActivityAt: dates,
  })
  .map((r) => ({
    id: r.id,
    contact: { phone: r.phone, clientId: r.client?.id ?? null, optedOut: null, blocked: false, consent: [] },
    client: r.client,
    status: r.status,
    inboxId: r.inboxId,
    assigneeId: r.assigneeId,
    unreadCount: r.unreadCount,
    markedUnread: r.markedUnread,
    lastMessage: null,
    lastActivityAt: r.lastActivityAt,
    createdAt: r.lastActivityAt,
    closedAt: r.status === 'closed' ? r.lastActivityAt : null,
    optOutRequest: null,
  }))

export const filterArb = fc.record({
  status: fc.constantFrom('open' as const, 'unread' as const, 'all' as const, 'closed' as const),
  contactType: fc.constantFrom('all' as const, 'clients' as const, 'leads' as const),
  assignee: fc.constantFrom('all', 'me', 'unassigned', ...users),
  inbox: fc.constantFrom('all', ...inboxes),
  q: fc.constantFrom('', 'sam', 'Zoe', 'rex', '415', '2000001', 'ana o', 'nobody', '  '),
})

export const viewerArb = fc.record({ userId: fc.constantFrom(...users) })

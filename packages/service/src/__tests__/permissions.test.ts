import { describe, expect, it } from 'vitest'
import { expectError, setup } from './harness'

describe('permissions', () => {
  it('without messaging, every inbox call is forbidden; /me still answers', async () => {
    const h = setup()
    const id = 'cnv_000001'
    const s = h.service
    const calls: Array<[string, () => Promise<unknown>]> = [
      ['listConversations', () => s.listConversations(h.sam)],
      ['getConversation', () => s.getConversation(h.sam, id)],
      ['startConversation', () => s.startConversation(h.sam, { phone: '6505550177' })],
      ['close', () => s.close(h.sam, id)],
      ['markRead', () => s.markRead(h.sam, id)],
      ['markUnread', () => s.markUnread(h.sam, id)],
      ['assign', () => s.assign(h.sam, id, null)],
      ['listMessages', () => s.listMessages(h.sam, id)],
      ['sendMessage', () => s.sendMessage(h.sam, id, { clientMessageId: 'x', body: 'x' })],
      ['searchClients', () => s.searchClients(h.sam, { q: 'a' })],
      ['listContacts', () => s.listContacts(h.sam)],
      [
        'recordConsent',
        () => s.recordConsent(h.sam, '6505550177', { status: 'granted', method: 'verbal', scope: 'marketing' }),
      ],
      ['listInboxes', () => s.listInboxes(h.sam)],
      ['listTeam', () => s.listTeam(h.sam)],
      ['listTemplates', () => s.listTemplates(h.sam)],
      ['unreadTotals', () => s.unreadTotals(h.sam)],
      ['getSettings', () => s.getSettings(h.sam)],
      ['metrics', () => s.metrics(h.sam, { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' })],
      ['eventsAfter', () => s.eventsAfter(h.sam, { after: 0 })],
      ['listLibrary', () => s.listLibrary(h.sam)],
      ['setTyping', () => s.setTyping(h.sam, id, true)],
      ['setViewing', () => s.setViewing(h.sam, id, true)],
    ]
    for (const [name, call] of calls) {
      const error = await expectError(call(), 'forbidden').catch((e) => {
        throw new Error(`${name}: ${e}`)
      })
      expect(error.status, name).toBe(403)
    }
    const me = await s.me(h.sam)
    expect(me.user.permissions).toEqual([])
    expect(me.clinic.smsNumber).toBe('+14155550100')
  })

  it('each finer permission guards its action', async () => {
    const h = setup()
    const id = 'cnv_000001'
    await expectError(h.service.deleteConversation(h.marcus, id), 'forbidden')
    await expectError(h.service.block(h.marcus, '6505550177'), 'forbidden')
    await expectError(h.service.createInbox(h.marcus, { name: 'X' }), 'forbidden')
    const settings = await h.service.getSettings(h.marcus)
    await expectError(h.service.updateSettings(h.marcus, settings), 'forbidden')
    await expectError(h.service.createClient(h.marcus, { firstName: 'A', lastName: 'B' }), 'forbidden')
    await expectError(h.service.updateClient(h.marcus, 'cli_000001', { firstName: 'A' }), 'forbidden')
  })
})

describe('clinic isolation', () => {
  it("another clinic's conversations, messages and clients are not found", async () => {
    const h = setup()
    const { items } = await h.service.listConversations(h.dana, { status: 'all', limit: 5 })
    const id = items[0]!.id
    expect((await h.service.listConversations(h.grace, { status: 'all' })).items).toEqual([])
    await expectError(h.service.getConversation(h.grace, id), 'not_found')
    await expectError(h.service.listMessages(h.grace, id), 'not_found')
    await expectError(h.service.sendMessage(h.grace, id, { clientMessageId: 'x', body: 'x' }), 'not_found')
    await expectError(h.service.close(h.grace, id), 'not_found')
    await expectError(h.service.deleteConversation(h.grace, id), 'not_found')
    await expectError(h.service.getClient(h.grace, h.seed.clinics[0]!.clients[0]!.id), 'not_found')
    expect(await h.service.searchClients(h.grace, { q: '' })).toEqual([])
  })

  it('events reach only their own clinic', async () => {
    const h = setup()
    await h.text('+16505550177', 'Hi')
    expect(new Set(h.events.map((e) => e.clinicId))).toEqual(new Set(['cln_maple']))
    expect((await h.service.eventsAfter(h.grace, { after: 0 })).events).toEqual([])
  })

  it('an unknown clinic or a user not in the clinic is refused', async () => {
    const h = setup()
    await expectError(h.service.listConversations({ ...h.dana, clinicId: 'cln_nope' }), 'not_found')
    await expectError(h.service.me({ ...h.dana, userId: 'usr_harbour_admin' }), 'unauthorized')
  })
})

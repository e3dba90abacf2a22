import { describe, expect, it } from 'vitest'
import { CLINIC_NUMBER, expectError, setup } from './harness'

describe('inbound texts', () => {
  it('match a client by phone number', async () => {
    const h = setup()
    const client = h.seed.clinics[0]!.clients.at(-1)!
    const message = await h.text(client.phones[0]!, 'Is Biscuit ready?')
    const conversation = await h.service.getConversation(h.dana, message.conversationId)
    expect(conversation.client?.id).toBe(client.id)
    expect(conversation).toMatchObject({ status: 'open', unreadCount: 1 })
    expect(message).toMatchObject({ direction: 'inbound', origin: 'client', status: 'received', seq: 1 })
  })

  it('from an unknown number make a lead', async () => {
    const h = setup()
    const message = await h.text('(650) 555-0177', 'Do you take new patients?')
    const conversation = await h.service.getConversation(h.dana, message.conversationId)
    expect(conversation.client).toBeNull()
    expect(conversation.contact.phone).toBe('+16505550177')
    const leads = await h.service.listConversations(h.dana, { contactType: 'leads', q: '6505550177' })
    expect(leads.items.map((c) => c.id)).toEqual([conversation.id])
  })

  it('from a country the clinic cannot text are kept under the number the provider gave', async () => {
    const h = setup()
    const message = await h.text('+33612345678', 'Bonjour, je suis en vacances')
    const conversation = await h.service.getConversation(h.dana, message.conversationId)
    expect(conversation.contact.phone).toBe('+33612345678')
    // A sender that is not a phone number at all is still refused.
    await expectError(h.text('+33 abc', 'x'), 'invalid_phone')
  })

  it('reopen a closed conversation and move it to the top', async () => {
    const h = setup()
    const first = await h.text('+16505550177', 'Hi')
    await h.service.close(h.dana, first.conversationId)
    h.setNow(new Date('2026-11-30T19:00:00.000Z'))
    const second = await h.text('+16505550177', 'Me again')
    expect(second.conversationId).toBe(first.conversationId)
    expect(second.seq).toBe(2)
    const top = (await h.service.listConversations(h.dana, { limit: 1 })).items[0]!
    expect(top).toMatchObject({ id: first.conversationId, status: 'open', closedAt: null, unreadCount: 2 })
    expect(top.lastMessage?.body).toBe('Me again')
  })

  it('a webhook delivered twice records one message', async () => {
    const h = setup()
    const a = await h.text('+16505550177', 'Hello', 'SMin1')
    const b = await h.text('+16505550177', 'Hello', 'SMin1')
    expect(b.id).toBe(a.id)
    expect((await h.service.listMessages(h.dana, a.conversationId)).items).toHaveLength(1)
  })

  it('from a blocked number are kept but open nothing and count nothing', async () => {
    const h = setup()
    const first = await h.text('+16505550177', 'spam')
    await h.service.markRead(h.dana, first.conversationId)
    await h.service.close(h.dana, first.conversationId)
    await h.service.block(h.dana, '+16505550177')
    const totals = await h.service.unreadTotals(h.dana)
    h.setNow(new Date('2026-12-01T06:00:00.000Z'))
    await h.text('+16505550177', 'more spam')
    const conversation = await h.service.getConversation(h.dana, first.conversationId)
    expect(conversation).toMatchObject({ status: 'closed', unreadCount: 0 })
    expect(conversation.contact.blocked).toBe(true)
    expect(await h.service.unreadTotals(h.dana)).toEqual(totals)
    expect(h.mailer.sent).toHaveLength(0)
    expect((await h.service.listMessages(h.dana, first.conversationId)).items.map((m) => m.body)).toEqual([
      'spam',
      'more spam',
    ])
  })

  it('to a number no clinic uses is refused', async () => {
    const h = setup()
    await expectError(h.service.receiveInbound({ to: '+14155550999', from: '+16505550177', body: 'x' }), 'not_found')
    await expectError(h.service.receiveInbound({ to: CLINIC_NUMBER, from: 'abc', body: 'x' }), 'invalid_phone')
  })
})

describe('campaign messages', () => {
  const campaign = { id: 'cmp_reminders', name: 'Appointment Reminders' }

  it('are recorded in the history without opening a conversation; a reply opens it', async () => {
    const h = setup()
    const message = await h.service.sendCampaignMessage('cln_maple', {
      phone: '6505550177',
      body: 'Reminder: Luna is due Tuesday. Reply C to confirm.',
      campaign,
      purpose: 'transactional',
    })
    expect(message).toMatchObject({ origin: 'campaign', campaign, direction: 'outbound' })
    const conversation = await h.service.getConversation(h.dana, message.conversationId)
    expect(conversation.status).toBe('closed')
    const open = await h.service.listConversations(h.dana, { status: 'open', q: '6505550177' })
    expect(open.items).toHaveLength(0)

    const reply = await h.text('+16505550177', 'C')
    expect(reply.conversationId).toBe(message.conversationId)
    expect((await h.service.getConversation(h.dana, message.conversationId)).status).toBe('open')
  })

  it('leave an open conversation open and unread counts alone', async () => {
    const h = setup()
    const inbound = await h.text('+16505550177', 'Hi')
    const before = await h.service.getConversation(h.dana, inbound.conversationId)
    await h.service.sendCampaignMessage('cln_maple', {
      phone: '+16505550177',
      body: 'Reminder',
      campaign,
      purpose: 'transactional',
    })
    const after = await h.service.getConversation(h.dana, inbound.conversationId)
    expect(after).toMatchObject({ status: 'open', unreadCount: before.unreadCount, assigneeId: before.assigneeId })
    expect(after.lastMessage?.origin).toBe('campaign')
  })

  it('are refused to opted-out numbers', async () => {
    const h = setup()
    await h.text('+16505550177', 'STOP')
    await expectError(
      h.service.sendCampaignMessage('cln_maple', {
        phone: '+16505550177',
        body: 'Reminder',
        campaign,
        purpose: 'transactional',
      }),
      'recipient_opted_out',
    )
  })

  it('are idempotent on clientMessageId', async () => {
    const h = setup()
    const input = {
      phone: '+16505550177',
      body: 'Reminder',
      campaign,
      purpose: 'transactional' as const,
      clientMessageId: 'cmp-1',
    }
    const a = await h.service.sendCampaignMessage('cln_maple', input)
    const b = await h.service.sendCampaignMessage('cln_maple', input)
    expect(b.id).toBe(a.id)
    expect(h.gateway.sent).toHaveLength(1)
  })

  it('show in the client history with staff messages', async () => {
    const h = setup()
    const client = h.seed.clinics[0]!.clients.at(-1)!
    await h.service.sendCampaignMessage('cln_maple', {
      phone: client.phones[0]!,
      body: 'Reminder',
      campaign,
      purpose: 'transactional',
    })
    await h.text(client.phones[0]!, 'Confirm')
    const history = await h.service.clientMessages(h.dana, client.id)
    expect(history.items.map((m) => m.origin)).toEqual(['campaign', 'client'])
  })
})

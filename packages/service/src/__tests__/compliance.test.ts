import { describe, expect, it } from 'vitest'
import { CLINIC_NUMBER, CLOSED_TIME, expectError, setup } from './harness'

const campaign = { id: 'cmp_1', name: 'Spring offers' }

describe('one-way mode', () => {
  it('the service refuses staff texts (not only the UI), and leaves nothing behind', async () => {
    const h = setup({ clinic: { mode: 'one-way' } })
    const inbound = await h.text('+16505550177', 'Can I reply here?')
    const refused = await expectError(
      h.service.sendMessage(h.dana, inbound.conversationId, { clientMessageId: 'x', body: 'Yes!' }),
      'one_way_mode',
    )
    expect(refused.status).toBe(409)
    const before = h.storage.dump('cln_maple')
    await expectError(h.service.startConversation(h.dana, { phone: '+16505550188', body: 'Hello' }), 'one_way_mode')
    expect(h.storage.dump('cln_maple')).toEqual(before)
    expect(h.gateway.sent).toHaveLength(0)
  })

  it('campaign texts and keyword confirmations still go out', async () => {
    const h = setup({ clinic: { mode: 'one-way' } })
    await h.service.sendCampaignMessage('cln_maple', {
      phone: '+16505550177',
      body: 'Reminder: Luna is due Tuesday.',
      campaign,
      purpose: 'transactional',
    })
    await h.text('+16505550177', 'STOP')
    expect(h.gateway.sent.map((s) => s.body)).toEqual([
      'Reminder: Luna is due Tuesday.\n\nReply STOP to opt out.',
      expect.stringMatching(/unsubscribed/),
    ])
  })
})

describe('blocked numbers', () => {
  it('after a block and a delete, the next text is kept and opens nothing', async () => {
    const h = setup()
    const first = await h.text('+16505550177', 'Buy cheap meds')
    await h.service.block(h.dana, '+16505550177')
    await h.service.deleteConversation(h.dana, first.conversationId)
    const unreadBefore = await h.service.unreadTotals(h.dana)
    const next = await h.text('+16505550177', 'Buy cheap meds again')
    const kept = await h.service.getConversation(h.dana, next.conversationId)
    expect(kept).toMatchObject({ status: 'closed', unreadCount: 0, lastMessage: null })
    expect((await h.service.listMessages(h.dana, next.conversationId)).items.map((m) => m.body)).toEqual([
      'Buy cheap meds again',
    ])
    const open = await h.service.listConversations(h.dana, { status: 'open' })
    expect(open.items.map((c) => c.id)).not.toContain(next.conversationId)
    expect(await h.service.unreadTotals(h.dana)).toEqual(unreadBefore)
    expect(h.gateway.sent).toHaveLength(0)
    expect(h.mailer.sent).toHaveLength(0)
  })

  it('a number blocked before it ever texted opens nothing either, even after hours', async () => {
    const h = setup()
    h.setNow(CLOSED_TIME)
    await h.service.block(h.dana, '(650) 555-0199')
    const text = await h.text('+16505550199', 'hello?')
    expect((await h.service.getConversation(h.dana, text.conversationId)).status).toBe('closed')
    const open = await h.service.listConversations(h.dana, { status: 'open', q: '6505550199' })
    expect(open.items).toEqual([])
    expect(h.gateway.sent).toHaveLength(0) // no auto-reply
    expect(h.mailer.sent).toHaveLength(0) // no alert
  })

  it('a blocked number that texts STOP is recorded as opted out but sent nothing, not even the confirmation', async () => {
    const h = setup()
    await h.service.block(h.dana, '+16505550177')
    const stop = await h.text('+16505550177', 'STOP')
    expect((await h.service.getConversation(h.dana, stop.conversationId)).contact.optedOut).toMatchObject({
      via: 'keyword',
    })
    await h.text('+16505550177', 'HELP')
    await h.text('+16505550177', 'START')
    expect(h.gateway.sent).toHaveLength(0)
  })

  it('a reply queued just before a block is not handed to the provider', async () => {
    const h = setup()
    const text = await h.text('+16505550177', 'Hi')
    // The send commits first; the block lands before its hand-off to the provider.
    const sent = h.service.sendMessage(h.dana, text.conversationId, { clientMessageId: 'race', body: 'Hello' })
    const block = h.service.block(h.dana, '+16505550177')
    const [message] = await Promise.all([sent, block])
    expect(message).toMatchObject({ status: 'failed', error: { reason: 'blocked' } })
    expect(h.gateway.sent.filter((s) => s.to === '+16505550177')).toHaveLength(0)
  })
})

describe("the clinic's own number", () => {
  it('cannot be texted, made a contact or a client number', async () => {
    const h = setup()
    for (const phone of [CLINIC_NUMBER, '(415) 555-0100', '415.555.0100']) {
      const error = await expectError(h.service.startConversation(h.dana, { phone, body: 'loop' }), 'invalid_phone')
      expect(error.message).toMatch(/own SMS number/)
    }
    await expectError(
      h.service.sendCampaignMessage('cln_maple', {
        phone: CLINIC_NUMBER,
        body: 'x',
        campaign,
        purpose: 'transactional',
      }),
      'invalid_phone',
    )
    await expectError(h.service.block(h.dana, CLINIC_NUMBER), 'invalid_phone')
    await expectError(
      h.service.createClient(h.dana, { firstName: 'Loop', lastName: 'Back', phones: [CLINIC_NUMBER] }),
      'invalid_phone',
    )
    await expectError(h.text(CLINIC_NUMBER, 'echo'), 'validation_failed')
    expect(h.gateway.sent).toHaveLength(0)
  })
})

describe('consent and quiet hours of campaign texts', () => {
  /** Monday 30 Nov 2026 10:00 in Los Angeles, 1 pm in Florida. */
  const morning = new Date('2026-11-30T18:00:00Z')

  it('marketing needs a recorded marketing consent; the latest record decides', async () => {
    const h = setup()
    h.setNow(morning)
    const send = (clientMessageId: string) =>
      h.service.sendCampaignMessage('cln_maple', {
        phone: '+13055550123',
        body: '20% off dental cleaning this month!',
        campaign,
        purpose: 'marketing',
        clientMessageId,
      })
    const none = await expectError(send('m1'), 'consent_required')
    expect(none.message).toMatch(/separate opt-in/)
    // Transactional texts need no more than not being opted out.
    await h.service.sendCampaignMessage('cln_maple', {
      phone: '+13055550123',
      body: 'Luna is due for her vaccines.',
      campaign: { id: 'cmp_care', name: 'Care reminders' },
      purpose: 'transactional',
    })
    await h.service.recordConsent(h.dana, '+13055550123', { status: 'granted', scope: 'marketing', method: 'written' })
    const sent = await send('m2')
    expect(sent.origin).toBe('campaign')
    h.setNow(new Date(morning.getTime() + 60_000))
    await h.service.recordConsent(h.dana, '+13055550123', { status: 'revoked', scope: 'marketing', method: 'verbal' })
    const revoked = await expectError(send('m3'), 'consent_required')
    expect(revoked.message).toMatch(/withdrew/)
    // Withdrawing marketing consent does not stop care texts.
    const contact = (await h.service.listContacts(h.dana)).find((c) => c.phone === '+13055550123')
    expect(contact?.optedOut).toBeNull()
  })

  it('wait for the recipient’s hours: 8 pm for marketing in Florida, 9 pm otherwise, with when they may go', async () => {
    const h = setup()
    await h.service.recordConsent(h.dana, '+13055550123', { status: 'granted', scope: 'marketing', method: 'written' })
    // 8:30 pm in Miami, 5:30 pm at the clinic in Los Angeles.
    h.setNow(new Date('2026-12-01T01:30:00Z'))
    const base = { phone: '+13055550123', body: 'Offer', campaign }
    const refused = await expectError(
      h.service.sendCampaignMessage('cln_maple', { ...base, purpose: 'marketing' }),
      'quiet_hours',
    )
    expect(refused.message).toMatch(/It is 20:30 for this contact/)
    expect((refused as unknown as { details: unknown }).details).toEqual({
      allowedAt: '2026-12-01T13:00:00.000Z',
      timeZones: ['America/New_York'],
    })
    const reminder = await h.service.sendCampaignMessage('cln_maple', {
      ...base,
      body: 'Reminder: Luna tomorrow 9 am',
      purpose: 'transactional',
    })
    expect(reminder.origin).toBe('campaign')
    expect(h.gateway.sent.map((m) => m.body)).toContain('Reminder: Luna tomorrow 9 am\n\nReply STOP to opt out.')
    // 10 pm in Los Angeles: a local number is in its quiet hours, whatever the purpose.
    h.setNow(CLOSED_TIME)
    await expectError(
      h.service.sendCampaignMessage('cln_maple', { ...base, phone: '+16505550177', purpose: 'transactional' }),
      'quiet_hours',
    )
  })

  it('staff replies are not held by quiet hours (a client who texts at 10 pm may get an answer)', async () => {
    const h = setup()
    h.setNow(CLOSED_TIME)
    const text = await h.text('+16505550177', 'Is the ER open?')
    const reply = await h.service.sendMessage(h.dana, text.conversationId, {
      clientMessageId: 'r',
      body: 'Yes, call it.',
    })
    expect(reply.status).toBe('sending')
  })
})

describe('after hours', () => {
  it('one auto-reply per closed period, also when the clinic opens for less than an hour', async () => {
    const h = setup()
    const settings = await h.service.getSettings(h.dana)
    await h.service.updateSettings(h.dana, {
      ...settings,
      // Open only Tuesdays, 9:00 to 9:30.
      businessHours: {
        ...settings.businessHours,
        weekly: [[], [], [{ open: '09:00', close: '09:30' }], [], [], [], []],
      },
    })
    const autoReplies = () => h.gateway.sent.filter((s) => s.body.startsWith('Thanks for texting')).length
    h.setNow(new Date('2026-12-01T06:00:00Z')) // Mon 22:00
    await h.text('+16505550177', 'one')
    h.setNow(new Date('2026-12-01T16:30:00Z')) // Tue 08:30: same closed period
    await h.text('+16505550177', 'two')
    expect(autoReplies()).toBe(1)
    h.setNow(new Date('2026-12-01T17:15:00Z')) // Tue 09:15: open
    await h.text('+16505550177', 'three')
    expect(autoReplies()).toBe(1)
    h.setNow(new Date('2026-12-01T17:45:00Z')) // Tue 09:45: a new closed period
    await h.text('+16505550177', 'four')
    h.setNow(new Date('2026-12-02T04:00:00Z')) // Tue 20:00: still that period
    await h.text('+16505550177', 'five')
    expect(autoReplies()).toBe(2)
    expect(h.mailer.sent).toHaveLength(2)
  })

  it('the alert e-mail subject stays one line whatever the client’s name holds', async () => {
    const h = setup()
    const client = h.seed.clinics[0]!.clients.at(-1)!
    // A record imported from elsewhere, with a header injection in the name.
    await h.storage.transaction('cln_maple', (tx) =>
      tx.putClient({ ...client, firstName: 'Eve\r\nBcc: all@evil.example', lastName: 'X\u202E' }),
    )
    h.setNow(CLOSED_TIME)
    await h.text(client.phones[0]!, 'After hours!')
    const [mail] = h.mailer.sent
    expect(mail?.subject).not.toMatch(/[\r\n\u202E]/)
    expect(mail?.subject).toContain('Eve Bcc: all@evil.example X')
  })
})

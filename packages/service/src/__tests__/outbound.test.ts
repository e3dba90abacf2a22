import type { Message } from '@switchboard/protocol'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createInboxService, createMemoryGateway, type MessageRecord, outboxStep } from '../index'
import { CLINIC_NUMBER, expectError, OPEN_TIME, setup } from './harness'

async function leadConversation(h: ReturnType<typeof setup>, phone = '+16505550177') {
  const { conversation } = await h.service.startConversation(h.dana, { phone })
  return conversation.id
}

describe('sending', () => {
  it('is idempotent on clientMessageId, whatever the retries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 25 }), async (sends) => {
        const h = setup({ conversations: 0 })
        const id = await leadConversation(h)
        await Promise.all(
          sends.map((n) => h.service.sendMessage(h.marcus, id, { clientMessageId: `c${n}`, body: `message ${n}` })),
        )
        const { items } = await h.service.listMessages(h.marcus, id)
        const distinct = new Set(sends)
        expect(items).toHaveLength(distinct.size)
        expect(new Set(items.map((m) => m.clientMessageId))).toEqual(new Set([...distinct].map((n) => `c${n}`)))
        expect(items.map((m) => m.seq)).toEqual(items.map((_, i) => i + 1))
        expect(h.gateway.sent).toHaveLength(distinct.size)
      }),
      { numRuns: 40 },
    )
  })

  it('refuses a clientMessageId reused in another conversation', async () => {
    const h = setup()
    const a = await leadConversation(h, '+16505550177')
    const b = await leadConversation(h, '+16505550178')
    await h.service.sendMessage(h.marcus, a, { clientMessageId: 'same', body: 'one' })
    await expectError(h.service.sendMessage(h.marcus, b, { clientMessageId: 'same', body: 'two' }), 'conflict')
  })

  it('adds the opt-out footer to texts until one that carries it is delivered, then never again', async () => {
    const h = setup()
    const id = await leadConversation(h)
    const deliver = (index: number, status: 'delivered' | 'failed' = 'delivered') =>
      h.service.applyDeliveryStatus({
        clinicNumber: CLINIC_NUMBER,
        providerMessageId: h.gateway.sent[index]!.providerMessageId,
        status,
        ...(status === 'failed' ? { errorCode: '30003' } : {}),
      })
    const first = await h.service.sendMessage(h.marcus, id, { clientMessageId: '1', body: 'Hi there' })
    expect(first.body).toBe('Hi there\n\nReply STOP to opt out.')
    expect(first.author).toEqual({ id: 'usr_marcus', name: 'Marcus Bell' })
    // The first never arrived (phone off): the contact has not seen the footer yet.
    await deliver(0, 'failed')
    const second = await h.service.sendMessage(h.marcus, id, { clientMessageId: '2', body: 'Are you there?' })
    expect(second.body).toBe('Are you there?\n\nReply STOP to opt out.')
    // Still on its way: a third text also carries it.
    const third = await h.service.sendMessage(h.marcus, id, { clientMessageId: '3', body: 'Call us' })
    expect(third.body).toBe('Call us\n\nReply STOP to opt out.')
    await deliver(1)
    const fourth = await h.service.sendMessage(h.marcus, id, { clientMessageId: '4', body: 'See you!' })
    expect(fourth.body).toBe('See you!')
    await deliver(2)
    const fifth = await h.service.sendMessage(h.marcus, id, { clientMessageId: '5', body: 'Bye' })
    expect(fifth.body).toBe('Bye')
  })

  it('refuses opted-out and blocked recipients with 409 and nothing reaches the provider', async () => {
    const h = setup()
    const id = await leadConversation(h)
    await h.text('+16505550177', 'Stop')
    const sentBefore = h.gateway.sent.length
    const optedOut = await expectError(
      h.service.sendMessage(h.marcus, id, { clientMessageId: 'x', body: 'hello?' }),
      'recipient_opted_out',
    )
    expect(optedOut.status).toBe(409)
    const other = await leadConversation(h, '+16505550178')
    await h.service.block(h.dana, '650-555-0178')
    await expectError(h.service.sendMessage(h.marcus, other, { clientMessageId: 'y', body: 'hi' }), 'recipient_blocked')
    expect(h.gateway.sent).toHaveLength(sentBefore)
  })

  it('validates the message and its attachments', async () => {
    const h = setup()
    const id = await leadConversation(h)
    await expectError(h.service.sendMessage(h.marcus, id, { clientMessageId: 'x', body: '  ' }), 'validation_failed')
    await expectError(h.service.sendMessage(h.marcus, id, { clientMessageId: '', body: 'x' }), 'validation_failed')
    await expectError(
      h.service.sendMessage(h.marcus, id, { clientMessageId: 'x', body: 'x'.repeat(1601) }),
      'validation_failed',
    )
    await expectError(
      h.service.sendMessage(h.marcus, id, { clientMessageId: 'x', attachmentIds: ['att_nope'] }),
      'not_found',
    )
    await expectError(h.service.sendMessage(h.marcus, 'cnv_nope', { clientMessageId: 'x', body: 'x' }), 'not_found')
  })

  it('records a provider refusal as failed with a plain reason', async () => {
    const h = setup()
    const id = await leadConversation(h)
    h.gateway.failNext('30006', 'Landline or unreachable carrier')
    const message = await h.service.sendMessage(h.marcus, id, { clientMessageId: 'x', body: 'hi' })
    expect(message.status).toBe('failed')
    expect(message.error).toMatchObject({ code: '30006', reason: 'landline' })
    expect(message.error?.message).toMatch(/landline/)
  })

  it('records the opt-out when the provider refuses a send because the number opted out (21610)', async () => {
    const h = setup()
    const id = await leadConversation(h)
    h.gateway.failNext('21610', 'Attempt to send to unsubscribed recipient')
    const message = await h.service.sendMessage(h.marcus, id, { clientMessageId: 'x', body: 'hi' })
    expect(message.error).toMatchObject({ code: '21610', reason: 'opted-out' })
    const conversation = await h.service.getConversation(h.marcus, id)
    expect(conversation.contact.optedOut).toMatchObject({ via: 'carrier' })
    await expectError(
      h.service.sendMessage(h.marcus, id, { clientMessageId: 'y', body: 'again' }),
      'recipient_opted_out',
    )
  })

  it.each([
    ['21610', 'opted-out'],
    ['21211', 'invalid-number'],
    ['21614', 'landline'],
    ['30003', 'unreachable'],
    ['30004', 'opted-out'],
    ['30005', 'invalid-number'],
    ['30006', 'landline'],
    ['30007', 'carrier-rejected'],
    ['30008', 'unreachable'],
  ])('reads provider code %s as %s', async (code, reason) => {
    const h = setup()
    const id = await leadConversation(h)
    h.gateway.failNext(code, 'refused')
    const message = await h.service.sendMessage(h.marcus, id, { clientMessageId: 'x', body: 'hi' })
    expect(message.error).toMatchObject({ code, reason })
    expect(message.error?.message.length).toBeGreaterThan(20)
  })
})

describe('delivery status', () => {
  const report = (
    providerMessageId: string,
    status: 'sending' | 'sent' | 'delivered' | 'failed',
    errorCode?: string,
  ) => ({
    clinicNumber: '+14155550100',
    providerMessageId,
    status,
    ...(errorCode ? { errorCode } : {}),
  })

  it('only moves forward; duplicates and late arrivals are ignored', async () => {
    const statuses = ['sending', 'sent', 'delivered', 'failed'] as const
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...statuses), { maxLength: 12 }), async (reports) => {
        const h = setup({ conversations: 0 })
        const id = await leadConversation(h)
        const message = await h.service.sendMessage(h.marcus, id, { clientMessageId: 'x', body: 'hi' })
        const providerId = h.gateway.sent[0]!.providerMessageId
        const rank = { queued: 0, sending: 1, sent: 2, delivered: 3, failed: 3, received: 0 }
        let expected: string = message.status
        for (const status of reports) {
          const { applied } = await h.service.applyDeliveryStatus(report(providerId, status, '30007'))
          const moves = expected !== 'delivered' && expected !== 'failed' && rank[status] > rank[expected as 'sending']
          expect(applied).toBe(moves)
          if (moves) expected = status
        }
        const [stored] = (await h.service.listMessages(h.marcus, id)).items
        expect(stored!.status).toBe(expected)
        expect(stored!.error !== undefined).toBe(expected === 'failed')
      }),
      { numRuns: 60 },
    )
  })

  it('updates the conversation preview and marks carrier opt-outs', async () => {
    const h = setup()
    const id = await leadConversation(h)
    await h.service.sendMessage(h.marcus, id, { clientMessageId: 'x', body: 'hi' })
    const providerId = h.gateway.sent.at(-1)!.providerMessageId
    await h.service.applyDeliveryStatus(report(providerId, 'failed', '21610'))
    const conversation = await h.service.getConversation(h.marcus, id)
    expect(conversation.lastMessage?.status).toBe('failed')
    expect(conversation.contact.optedOut).toMatchObject({ via: 'carrier' })
    expect((await h.service.applyDeliveryStatus(report('SMunknown', 'sent'))).applied).toBe(false)
    await expectError(
      h.service.applyDeliveryStatus({ ...report(providerId, 'sent'), clinicNumber: '+14155550999' }),
      'not_found',
    )
  })
})

describe('a STOP racing a send', () => {
  it('whatever the interleaving, no staff text reaches the provider after the STOP was recorded', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        async (sendsBefore, sendsAfter) => {
          const h = setup({ conversations: 0 })
          const id = await leadConversation(h)
          const send = (n: number) =>
            h.service.sendMessage(h.marcus, id, { clientMessageId: `m${n}`, body: `#${n}` }).catch((e) => e)
          await Promise.all([
            ...Array.from({ length: sendsBefore }, (_, i) => send(i)),
            h.text('+16505550177', 'STOP'),
            ...Array.from({ length: sendsAfter }, (_, i) => send(100 + i)),
          ])
          const stopAt = h.gateway.sent.findIndex((s) => s.body.includes('unsubscribed'))
          expect(stopAt).toBeGreaterThanOrEqual(0)
          expect(h.gateway.sent.slice(stopAt + 1)).toEqual([])
          const { items } = await h.service.listMessages(h.marcus, id)
          for (const m of items.filter((m) => m.origin === 'staff' && m.status === 'failed')) {
            expect(m.error?.reason).toBe('opted-out')
          }
        },
      ),
      { numRuns: 30 },
    )
  })
})

describe('a restart', () => {
  it('hands the provider what was queued and never handed over, once, and fails what was cut off mid-hand-off', async () => {
    const h = setup()
    const id = await leadConversation(h)
    // The server before its crash: the provider never answers, so each send stops mid-hand-off.
    const crashed = createInboxService({
      storage: h.storage,
      gateway: { send: () => new Promise(() => undefined) },
      clock: () => OPEN_TIME,
    })
    // Its replies wait for the hand-off, which never ends: nothing is awaited here.
    void crashed.sendMessage(h.marcus, id, { clientMessageId: 'a', body: 'Cut off' })
    void crashed.sendMessage(h.marcus, id, { clientMessageId: 'b', body: 'Never handed over' })
    await new Promise((r) => setTimeout(r, 20))
    const sent = (await h.service.listMessages(h.marcus, id)).items
    const cutOff = sent.find((m) => m.clientMessageId === 'a') as Message
    const queued = sent.find((m) => m.clientMessageId === 'b') as Message
    expect([cutOff.status, queued.status]).toEqual(['sending', 'sending'])
    // The second one crashed between the reply and the hand-off: still queued.
    await h.storage.transaction('cln_maple', async (tx) => {
      const record = await tx.getMessage(queued.id)
      if (record) await tx.updateMessage({ ...record, status: 'queued', providerMessageId: null })
    })

    const resumed = await h.service.resumeOutbox('cln_maple')
    expect(resumed).toMatchObject({ queued: 1, interrupted: 1 })
    await resumed.handedOver
    expect(h.gateway.sent.map((s) => s.body)).toEqual([expect.stringContaining('Never handed over')])
    const { items } = await h.service.listMessages(h.marcus, id)
    const byId = new Map(items.map((m) => [m.id, m]))
    expect(byId.get(queued.id)?.status).toBe('sending')
    expect(byId.get(cutOff.id)).toMatchObject({ status: 'failed', error: { code: 'interrupted', reason: 'unknown' } })
    expect(byId.get(cutOff.id)?.error?.message).toMatch(/may not have gone out/)

    // Once: a second start finds nothing left, and sends nothing again.
    expect(await h.service.resumeOutbox('cln_maple')).toMatchObject({ queued: 0, interrupted: 0 })
    expect(await h.service.resumeOutbox('cln_harbour')).toMatchObject({ queued: 0, interrupted: 0 })
    expect(h.gateway.sent).toHaveLength(1)
  })

  it('does not hand over a queued text to a contact who opted out meanwhile', async () => {
    const h = setup()
    const id = await leadConversation(h)
    const crashed = createInboxService({ storage: h.storage, gateway: { send: () => new Promise(() => undefined) } })
    void crashed.sendMessage(h.marcus, id, { clientMessageId: 'a', body: 'Hello' })
    await new Promise((r) => setTimeout(r, 20))
    const message = (await h.service.listMessages(h.marcus, id)).items.find((m) => m.clientMessageId === 'a') as Message
    await h.storage.transaction('cln_maple', async (tx) => {
      const record = await tx.getMessage(message.id)
      if (record) await tx.updateMessage({ ...record, status: 'queued', providerMessageId: null })
    })
    await h.text('+16505550177', 'STOP')
    const sentBefore = h.gateway.sent.length
    const resumed = await h.service.resumeOutbox('cln_maple')
    expect(resumed).toMatchObject({ queued: 1, interrupted: 0 })
    await resumed.handedOver
    expect(h.gateway.sent.slice(sentBefore).map((s) => s.body)).toEqual([])
    const stored = (await h.service.listMessages(h.marcus, id)).items.find((m) => m.id === message.id)
    expect(stored).toMatchObject({ status: 'failed', error: { reason: 'opted-out' } })
  })
})

describe('the outbox with several servers', () => {
  const at = (iso: string) => new Date(iso)
  const text = (status: MessageRecord['status'], updatedAt: string, providerMessageId: string | null = null) => ({
    status,
    updatedAt,
    providerMessageId,
  })

  it('hands over what is queued, waits on a hand-off in progress, cuts off a stale one', () => {
    const now = at('2026-11-30T18:02:00.000Z')
    expect(outboxStep(text('queued', '2026-11-30T18:01:59.000Z'), now, 120_000)).toBe('hand-over')
    expect(outboxStep(text('sending', '2026-11-30T18:01:00.000Z'), now, 120_000)).toBe('wait')
    expect(outboxStep(text('sending', '2026-11-30T18:00:00.000Z'), now, 120_000)).toBe('cut-off')
    // Alone at its start, nothing else can be handing it over.
    expect(outboxStep(text('sending', '2026-11-30T18:01:59.999Z'), now, 0)).toBe('cut-off')
    // The provider has it: nothing to do.
    expect(outboxStep(text('sending', '2026-11-30T17:00:00.000Z', 'SM1'), now, 0)).toBe('wait')
    expect(outboxStep(text('delivered', '2026-11-30T17:00:00.000Z'), now, 0)).toBe('wait')
  })

  it('a sweep beside a server that is handing a text over leaves it to that server', async () => {
    const h = setup()
    const id = await leadConversation(h)
    let release: (value: { providerMessageId: string }) => void = () => undefined
    const busy = createInboxService({
      storage: h.storage,
      gateway: { send: () => new Promise((resolve) => (release = resolve)) },
      clock: () => OPEN_TIME,
    })
    const reply = busy.sendMessage(h.marcus, id, { clientMessageId: 'slow', body: 'On its way' })
    await new Promise((r) => setTimeout(r, 20))
    // Another server sweeps a minute later: the hand-off is younger than the timeout.
    const other = createInboxService({
      storage: h.storage,
      gateway: h.gateway,
      clock: () => new Date(OPEN_TIME.getTime() + 60_000),
    })
    expect(await other.resumeOutbox('cln_maple', { handOffTimeoutMs: 120_000 })).toMatchObject({
      queued: 0,
      interrupted: 0,
    })
    release({ providerMessageId: 'SM-slow' })
    await reply
    const sent = (await h.service.listMessages(h.marcus, id)).items.find((m) => m.clientMessageId === 'slow')
    expect(sent?.status).toBe('sending')
    expect(h.gateway.sent).toHaveLength(0)
    // Past the timeout, a hand-off that never finished is cut off (failed, interrupted).
    void busy.sendMessage(h.marcus, id, { clientMessageId: 'stuck', body: 'Never answered' })
    await new Promise((r) => setTimeout(r, 20))
    const later = createInboxService({
      storage: h.storage,
      gateway: h.gateway,
      clock: () => new Date(OPEN_TIME.getTime() + 180_000),
    })
    expect(await later.resumeOutbox('cln_maple', { handOffTimeoutMs: 120_000 })).toMatchObject({ interrupted: 1 })
  })
})

describe('the in-memory gateway', () => {
  it('numbers its provider ids after its prefix, so gateways of two instances on one database never share one', async () => {
    const gateways = [createMemoryGateway(), createMemoryGateway({ prefix: 'SMb' })]
    const ids: string[] = []
    for (const gateway of gateways)
      for (let i = 0; i < 2; i++)
        ids.push(
          (await gateway.send({ from: CLINIC_NUMBER, to: '+16505550182', body: 'x', mediaUrls: [] })).providerMessageId,
        )
    expect(ids).toEqual(['SM00000001', 'SM00000002', 'SMb00000001', 'SMb00000002'])
  })
})

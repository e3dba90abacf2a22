import { createInboxService, createMemoryStorage, generateSeed, type InboxService } from '@switchboard/service'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createSimulator } from '../index'
import { startConfigured } from './serverHarness'

const CLINIC = '+14155550100'
const waitFor = async (check: () => Promise<boolean> | boolean, ms = 3000) => {
  const until = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('the phone simulator', () => {
  const setup = () => {
    let service: InboxService | null = null
    const simulator = createSimulator({
      delays: { sentMs: 5, deliveredMs: 10 },
      onStatus: (r) => (service as InboxService).applyDeliveryStatus(r),
      onInbound: (t) => (service as InboxService).receiveInbound(t),
    })
    service = createInboxService({
      storage: createMemoryStorage({ clinics: generateSeed({ seed: 3, conversations: 10 }).clinics }),
      gateway: simulator,
    })
    const dana = { clinicId: 'cln_maple', userId: 'usr_dana', permissions: ['messaging' as const] }
    return { simulator, service, dana }
  }

  it('delivers to a mobile, fails a landline and a phone that is off with their codes and plain reasons', async () => {
    const { simulator, service, dana } = setup()
    const sendTo = async (phone: string) => {
      const { conversation } = await service.startConversation(dana, {
        phone,
        body: 'Your pet is ready',
        clientMessageId: phone,
      })
      return conversation.id
    }
    const [mobile, landline, off] = [
      await sendTo('+16505550182'),
      await sendTo('+16505550007'),
      await sendTo('+16505550077'),
    ]
    await new Promise((r) => setTimeout(r, 30))
    await simulator.settled()
    const last = async (id: string) => (await service.listMessages(dana, id, {})).items.at(-1)
    expect(await last(mobile)).toMatchObject({ status: 'delivered' })
    expect(await last(landline)).toMatchObject({ status: 'failed', error: { code: '30006', reason: 'landline' } })
    expect(await last(off)).toMatchObject({ status: 'failed', error: { code: '30003', reason: 'unreachable' } })
    expect(simulator.received('+16505550182').map((t) => t.body[0])).toEqual(['Y'])
    expect(simulator.received('+16505550007')).toEqual([])
    simulator.stop()
  })

  it('refuses an invalid number at once, as a provider API does', async () => {
    const { simulator } = setup()
    await expect(simulator.send({ from: CLINIC, to: '+1 000 000', body: 'x', mediaUrls: [] })).rejects.toMatchObject({
      code: '21211',
    })
  })

  it('hands out ids no other simulator gives, so instances on one database never share one', async () => {
    const made = [setup().simulator, setup().simulator]
    // Both send in the same millisecond: time and a count were all an id had.
    const now = vi.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-11-30T18:00:00Z'))
    const ids: string[] = []
    try {
      for (const simulator of made)
        for (let i = 0; i < 3; i++)
          ids.push(
            (await simulator.send({ from: CLINIC, to: '+16505550182', body: 'x', mediaUrls: [] })).providerMessageId,
          )
    } finally {
      now.mockRestore()
    }
    expect(new Set(ids).size).toBe(6)
    for (const simulator of made) simulator.stop()
  })

  it('lets a phone text the clinic', async () => {
    const { simulator, service, dana } = setup()
    await simulator.text({ from: '+16505550188', to: CLINIC, body: 'Is Luna ready?' })
    const [conversation] = (await service.listConversations(dana, { q: '5550188' })).items
    const thread = await service.listMessages(dana, conversation?.id ?? '', {})
    expect(thread.items[0]).toMatchObject({ direction: 'inbound', body: 'Is Luna ready?' })
    simulator.stop()
  })
})

describe('the simulator on the server', () => {
  let running: Awaited<ReturnType<typeof startConfigured>> | null = null
  afterEach(async () => {
    await running?.stop()
  })

  it('texts the clinic over HTTP and shows what a phone received, replies included', async () => {
    running = await startConfigured()
    const { api } = running
    const texted = await fetch(`${api}/simulator/texts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '(650) 555-0190', to: '+14155550100', body: 'Hello from a new number' }),
    })
    expect(texted.status).toBe(201)
    const { conversationId } = await texted.json()
    const signIn = await fetch(`${api}/auth/dev-sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clinicId: 'cln_maple', userId: 'usr_priya' }),
    })
    const { token } = await signIn.json()
    const reply = await fetch(`${api}/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'Hi! Who is this?', clientMessageId: 'sim-1' }),
    })
    expect(reply.status).toBe(201)
    await waitFor(async () => {
      const received = await (await fetch(`${api}/simulator/phones/${encodeURIComponent('+16505550190')}`)).json()
      return received.some((t: { body: string }) => t.body.startsWith('Hi! Who is this?'))
    })
    const bad = await fetch(`${api}/simulator/texts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'no sender' }),
    })
    expect(bad.status).toBe(422)
    const unaddressed = await fetch(`${api}/simulator/texts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '+16505550191', body: 'to whom?' }),
    })
    expect((await unaddressed.json()).error.message).toMatch(/several clinics|2 clinics/)
  })
})

import { describe, expect, it } from 'vitest'
import { createFailurePlan } from '../failures'
import { api, useMockBackend } from './harness'

const mock = useMockBackend()

describe('failure injection', () => {
  it('a planned status fails the next matching request before the service runs', async () => {
    mock.backend.failNext({ method: 'POST', path: '/conversations/:id/messages', status: 503 })
    const id = (await api('POST', '/conversations', { body: { phone: '6505550177' } })).json.conversation.id
    const failed = await api('POST', `/conversations/${id}/messages`, { body: { clientMessageId: 'a', body: 'hi' } })
    expect(failed).toMatchObject({ status: 503, json: { error: { code: 'unavailable' } } })
    expect((await api('GET', `/conversations/${id}/messages`)).json.items).toHaveLength(0)
    const retried = await api('POST', `/conversations/${id}/messages`, { body: { clientMessageId: 'a', body: 'hi' } })
    expect(retried.status).toBe(201)
  })

  it('a response dropped after commit leaves the change made; the retry with the same id finds it', async () => {
    const id = (await api('POST', '/conversations', { body: { phone: '6505550177' } })).json.conversation.id
    mock.backend.failNext({ path: /\/messages$/, drop: 'after' })
    await expect(
      api('POST', `/conversations/${id}/messages`, { body: { clientMessageId: 'a', body: 'hi' } }),
    ).rejects.toThrow()
    expect((await api('GET', `/conversations/${id}/messages`)).json.items).toHaveLength(1)
    const retry = await api('POST', `/conversations/${id}/messages`, { body: { clientMessageId: 'a', body: 'hi' } })
    expect((await api('GET', `/conversations/${id}/messages`)).json.items.map((m: any) => m.id)).toEqual([
      retry.json.id,
    ])
  })

  it('a request dropped before the service runs changes nothing', async () => {
    mock.backend.failNext({ method: 'POST', path: '/conversations', drop: 'before', times: 2 })
    await expect(api('POST', '/conversations', { body: { phone: '6505550177' } })).rejects.toThrow()
    await expect(api('POST', '/conversations', { body: { phone: '6505550177' } })).rejects.toThrow()
    expect((await api('GET', '/conversations?status=all&q=6505550177')).json.items).toEqual([])
  })

  it('a planned failure can ask for a query string: the next page fails, the first one does not', async () => {
    mock.backend.failNext({ method: 'GET', path: '/conversations', search: /cursor=/, status: 404 })
    const first = await api('GET', '/conversations?status=all&limit=2')
    expect(first.status).toBe(200)
    const next = await api(
      'GET',
      `/conversations?status=all&limit=2&cursor=${encodeURIComponent(first.json.nextCursor)}`,
    )
    expect(next.status).toBe(404)
    const again = await api(
      'GET',
      `/conversations?status=all&limit=2&cursor=${encodeURIComponent(first.json.nextCursor)}`,
    )
    expect(again.status).toBe(200)
  })

  it('random failure rates are seeded, so the same seed fails the same requests', () => {
    const run = (seed: number) => {
      const plan = createFailurePlan({ errorRate: 0.3, dropAfterCommitRate: 0.3, seed })
      return Array.from({ length: 200 }, (_, i) => plan.decide(i % 2 ? 'POST' : 'GET', '/x', '/x').kind).join(',')
    }
    expect(run(7)).toBe(run(7))
    expect(run(7)).not.toBe(run(8))
    const kinds = run(7).split(',')
    const errors = kinds.filter((k) => k === 'status').length
    expect(errors).toBeGreaterThan(30)
    expect(errors).toBeLessThan(90)
    expect(kinds.filter((k, i) => k === 'drop' && i % 2 === 0)).toEqual([])
  })
})

describe('simulation', () => {
  it('simulateInbound texts the clinic, with attachments', async () => {
    const message = await mock.backend.simulateInbound('(650) 555-0177', 'Here is the rash', [
      { name: 'IMG_1.jpg', contentType: 'image/jpeg' },
    ])
    expect(message.attachments[0]).toMatchObject({
      name: 'IMG_1.jpg',
      url: expect.stringMatching(/^http:\/\/localhost\/api\/files\//),
    })
    const list = await api('GET', '/conversations?q=6505550177')
    expect(list.json.items[0]).toMatchObject({ unreadCount: 1, lastMessage: { attachmentCount: 1 } })
  })

  it('simulateDeliveryStatus walks a message to delivered or failed with a reason', async () => {
    const id = (await api('POST', '/conversations', { body: { phone: '6505550177' } })).json.conversation.id
    const sent = (await api('POST', `/conversations/${id}/messages`, { body: { clientMessageId: 'a', body: 'hi' } }))
      .json
    expect(await mock.backend.simulateDeliveryStatus(sent.id, 'failed', '30006')).toEqual({ applied: true })
    const [message] = (await api('GET', `/conversations/${id}/messages`)).json.items
    expect(message).toMatchObject({ status: 'failed', error: { reason: 'landline' } })
    expect(await mock.backend.simulateDeliveryStatus(sent.id, 'delivered')).toEqual({ applied: false })
    expect(await mock.backend.simulateDeliveryStatus('msg_nope', 'sent')).toEqual({ applied: false })
  })
})

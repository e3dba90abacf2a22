import type { Message } from '@switchboard/protocol'
import { describe, expect, it } from 'vitest'
import { memoryStorageAdapter, mergeThread } from '../index'
import { outboxIdle } from '../testing'
import { httpClient, useMsw } from './mockHarness'

const msw = useMsw()
const dana = { clinicId: 'cln_maple', userId: 'usr_dana', permissions: ['messaging' as const] }

async function allMessages(backend: ReturnType<typeof msw.backend>, conversationId: string): Promise<Message[]> {
  return (await backend.service.listMessages(dana, conversationId, { limit: 200 })).items
}

async function newConversation(backend: ReturnType<typeof msw.backend>, phone = '+16505550177') {
  return (await backend.service.startConversation(dana, { phone })).conversation.id
}

describe('outbox', () => {
  it('fault test: 200 sends with 30% of replies dropped after the service committed → exactly 200 messages', async () => {
    const backend = msw.backend({ failures: { dropAfterCommitRate: 0.3, seed: 42 } })
    const id = await newConversation(backend)
    let posts = 0
    const count = ({ request }: { request: Request }) => {
      if (request.method === 'POST' && request.url.endsWith('/messages')) posts += 1
    }
    msw.server.events.on('request:start', count)
    const client = httpClient(backend)
    await client.connect()
    for (let i = 0; i < 200; i++) client.actions.send(id, { body: `message ${i}` })
    // A liveness bound, not a speed claim: a loaded CI machine takes longer than a quiet one.
    await outboxIdle(client, 1000, 50_000)
    msw.server.events.removeListener('request:start', count)
    // About 30% of the attempts lost their reply and were sent again.
    expect(posts).toBeGreaterThan(250)
    const messages = await allMessages(backend, id)
    expect(messages).toHaveLength(200)
    expect(new Set(messages.map((m) => m.clientMessageId)).size).toBe(200)
    expect(messages.map((m) => m.body.split('\n')[0])).toEqual(Array.from({ length: 200 }, (_, i) => `message ${i}`))
    expect(client.store.getState().outbox).toEqual([])
  }, 60_000)

  it('reload test: 20 sends queued offline survive a new client on the same storage and go out in order, once each', async () => {
    const backend = msw.backend()
    const id = await newConversation(backend)
    const storage = memoryStorageAdapter()
    backend.failNext({ method: 'POST', path: '/conversations/:id/messages', drop: 'before', times: 1000 })
    const first = httpClient(backend, { storage, retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 } })
    await first.connect()
    for (let i = 0; i < 20; i++) first.actions.send(id, { body: `queued ${i}` })
    await new Promise((r) => setTimeout(r, 50))
    await first.outbox.flushed()
    first.destroy()
    expect(await allMessages(backend, id)).toHaveLength(0)
    expect(JSON.parse(storage.dump()['switchboard:outbox'] as string)).toHaveLength(20)

    backend.clearFailures()
    const second = httpClient(backend, { storage })
    await second.connect()
    await outboxIdle(second, 1000)
    const messages = await allMessages(backend, id)
    expect(messages.map((m) => m.body.split('\n')[0])).toEqual(Array.from({ length: 20 }, (_, i) => `queued ${i}`))
    expect(second.store.getState().outbox).toEqual([])
  })

  it('does not retry refusals: 409 opted out fails at once and can be discarded', async () => {
    const backend = msw.backend()
    const id = await newConversation(backend)
    await backend.simulateInbound('+16505550177', 'STOP')
    const client = httpClient(backend)
    await client.connect()
    const entry = client.actions.send(id, { body: 'hello?' })
    await outboxIdle(client)
    const [failed] = client.store.getState().outbox
    expect(failed).toMatchObject({ clientMessageId: entry.clientMessageId, status: 'failed', attempts: 1 })
    expect(failed?.error).toMatchObject({ code: 'recipient_opted_out', retryable: false })
    client.actions.discard(entry.clientMessageId)
    expect(client.store.getState().outbox).toEqual([])
  })

  it('retries 5xx and timeouts with backoff; a failed message can be retried by hand', async () => {
    const backend = msw.backend()
    const id = await newConversation(backend)
    backend.failNext({ method: 'POST', path: '/conversations/:id/messages', status: 503, times: 2 })
    const client = httpClient(backend)
    await client.connect()
    client.actions.send(id, { body: 'eventually' })
    await outboxIdle(client, 1000)
    expect((await allMessages(backend, id)).map((m) => m.body.split('\n')[0])).toEqual(['eventually'])

    backend.failNext({ method: 'POST', path: '/conversations/:id/messages', status: 422 })
    const entry = client.actions.send(id, { body: 'second' })
    await outboxIdle(client)
    expect(client.store.getState().outbox[0]?.status).toBe('failed')
    client.actions.retry(entry.clientMessageId)
    await outboxIdle(client, 1000)
    expect((await allMessages(backend, id)).map((m) => m.body.split('\n')[0])).toEqual(['eventually', 'second'])
  })

  it('shows a pending message at once, then the server copy in its place (one row, same key)', async () => {
    const backend = msw.backend({ latency: 30 })
    const id = await newConversation(backend)
    const client = httpClient(backend)
    await client.connect()
    await client.queryClient.fetchInfiniteQuery(client.queries.messages(id) as never)
    const thread = () =>
      mergeThread(
        client.queryClient.getQueryData(client.queries.messages(id).queryKey),
        client.store.getState().outbox,
        id,
      )
    const entry = client.actions.send(id, { body: 'Biscuit is ready 🐶' })
    expect(thread()).toMatchObject([{ kind: 'pending', key: entry.clientMessageId }])
    await outboxIdle(client, 1000)
    expect(thread()).toMatchObject([{ kind: 'message', key: entry.clientMessageId, message: { status: 'sending' } }])
  })

  it('refuses empty, overlong, opted-out and blocked sends before queueing anything', async () => {
    const backend = msw.backend()
    await backend.simulateInbound('+16505550177', 'STOP')
    await backend.simulateInbound('+16505550178', 'spam')
    await backend.service.block({ ...dana, permissions: ['messaging', 'messaging.block'] }, '+16505550178')
    const client = httpClient(backend)
    await client.connect()
    const list = await client.queryClient.fetchInfiniteQuery(client.queries.conversations({ status: 'all' }) as never)
    const rows = (list as { pages: { items: { id: string; contact: { optedOut: unknown; blocked: boolean } }[] }[] })
      .pages[0]!.items
    const optedOut = rows.find((c) => c.contact.optedOut)
    const blocked = rows.find((c) => c.contact.blocked)
    expect(() => client.actions.send('cnv_000001', { body: '   ' })).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    )
    expect(() => client.actions.send('cnv_000001', { body: 'x'.repeat(1601) })).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    )
    expect(() => client.actions.send(optedOut!.id, { body: 'hi' })).toThrow(
      expect.objectContaining({ code: 'recipient_opted_out' }),
    )
    expect(() => client.actions.send(blocked!.id, { body: 'hi' })).toThrow(
      expect.objectContaining({ code: 'recipient_blocked' }),
    )
    expect(client.store.getState().outbox).toEqual([])
  })

  it('keeps drafts per conversation across a reload', async () => {
    const backend = msw.backend()
    const storage = memoryStorageAdapter()
    const first = httpClient(backend, { storage })
    first.store.getState().setDraft('cnv_000001', 'Half-written reply')
    await new Promise((r) => setTimeout(r, 0))
    first.destroy()
    const second = httpClient(backend, { storage })
    await new Promise((r) => setTimeout(r, 0))
    expect(second.store.getState().drafts).toEqual({ cnv_000001: 'Half-written reply' })
  })
})

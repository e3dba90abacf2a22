import { createServiceTransport } from '@switchboard/mock'
import { PERMISSIONS } from '@switchboard/protocol'
import { createInboxService, createMemoryStorage, generateSeed } from '@switchboard/service'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createInboxClient, memoryStorageAdapter } from '../index'

const dana = { clinicId: 'cln_maple', userId: 'usr_dana', permissions: [...PERMISSIONS] }
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function setUp() {
  const service = createInboxService({
    storage: createMemoryStorage({ clinics: generateSeed({ seed: 2, conversations: 10 }).clinics }),
    clock: () => new Date('2026-11-30T18:00:00Z'),
  })
  const net = createServiceTransport(service, dana, { manual: true })
  const client = createInboxClient({ transport: net.transport, storage: memoryStorageAdapter() })
  return { service, net, client }
}

afterEach(() => vi.unstubAllGlobals())

describe('the connection is shared and comes back by itself', () => {
  it('is held while any holder keeps it: one disconnect of two leaves realtime on', async () => {
    const { client } = setUp()
    const status = () => client.store.getState().connection.status
    await client.connect() // the provider
    await client.connect() // a second provider (the host's navigation badge)
    await sleep(5)
    expect(status()).toBe('connected')
    client.disconnect()
    expect(status()).toBe('connected')
    client.disconnect()
    expect(status()).toBe('disconnected')
    client.disconnect() // one too many changes nothing
    await client.connect()
    await sleep(5)
    expect(status()).toBe('connected')
    client.destroy()
  })

  it('a connect released before it resolved (React StrictMode) opens nothing that stays open', async () => {
    const { client } = setUp()
    const first = client.connect()
    client.disconnect()
    await first
    await sleep(5)
    expect(client.store.getState().connection.status).not.toBe('connected')
    client.destroy()
  })

  it('a reply placed while the first catch-up asks where the log stands is caught up from, not skipped', async () => {
    const service = createInboxService({
      storage: createMemoryStorage({ clinics: generateSeed({ seed: 2, conversations: 10 }).clinics }),
      clock: () => new Date('2026-11-30T18:00:00Z'),
    })
    // The badge's read lands after the catch-up started; the head is read after a text arrived.
    const latencyMs = (method: string) => (method === 'eventsAfter' ? 100 : method === 'unread' ? 20 : 0)
    const net = createServiceTransport(service, dana, { latencyMs })
    const client = createInboxClient({ transport: net.transport, storage: memoryStorageAdapter() })
    const badge = client.queryClient.fetchQuery(client.queries.unread())
    await client.connect()
    await badge
    await service.receiveInbound({ to: '+14155550100', from: '+16505550134', body: 'during start-up' })
    await sleep(400)
    await client.sync()
    expect(client.queryClient.getQueryData(client.queries.unread().queryKey)).toEqual(await service.unreadTotals(dana))
    client.destroy()
  })

  it('catches up when a hidden tab becomes visible again or the browser is back online', async () => {
    const page = Object.assign(new EventTarget(), { visibilityState: 'visible' as 'visible' | 'hidden' })
    const browser = new EventTarget()
    vi.stubGlobal('document', page)
    vi.stubGlobal('window', browser)
    const { service, net, client } = setUp()
    await client.connect()
    await sleep(5)
    await client.sync()
    const before = net.calls.eventsAfter ?? 0
    await service.receiveInbound({ to: '+14155550100', from: '+16505550133', body: 'while hidden' })
    net.drop() // the pushed events are lost with a sleeping tab's socket
    page.visibilityState = 'hidden'
    page.dispatchEvent(new Event('visibilitychange'))
    expect(net.calls.eventsAfter ?? 0).toBe(before)
    page.visibilityState = 'visible'
    page.dispatchEvent(new Event('visibilitychange'))
    await sleep(5)
    expect(net.calls.eventsAfter ?? 0).toBe(before + 1)
    browser.dispatchEvent(new Event('online'))
    await sleep(5)
    expect(net.calls.eventsAfter ?? 0).toBe(before + 2)
    expect(client.store.getState().connection.lastSeq).toBe((await service.eventsAfter(dana, { after: 0 })).lastSeq)
    client.destroy()
    page.dispatchEvent(new Event('visibilitychange'))
    expect(net.calls.eventsAfter ?? 0).toBe(before + 2) // listeners gone with the client
  })
})

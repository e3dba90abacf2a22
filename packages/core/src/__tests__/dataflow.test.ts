import { createServiceTransport, type ServiceTransportOptions } from '@switchboard/mock'
import { type Conversation, PERMISSIONS, type UnreadTotals } from '@switchboard/protocol'
import { createInboxService, createMemoryStorage, generateSeed } from '@switchboard/service'
import { InfiniteQueryObserver, notifyManager, QueryObserver } from '@tanstack/query-core'
import { describe, expect, it } from 'vitest'
import { type ConversationListData, createInboxClient, memoryStorageAdapter } from '../index'
import { BURST_EVENTS } from '../realtime'

const dana = { clinicId: 'cln_maple', userId: 'usr_dana', permissions: [...PERMISSIONS] }
const CLINIC = '+14155550100'
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out')
    await sleep(5)
  }
}

/** A seeded service (the clinic open), a client over it with network latency. */
function setUp(network: ServiceTransportOptions = { latencyMs: 40, eventLatencyMs: 2 }, conversations = 80) {
  const seed = generateSeed({ seed: 11, conversations })
  let now = Date.parse('2026-11-30T18:00:00Z')
  const service = createInboxService({
    storage: createMemoryStorage({ clinics: seed.clinics }),
    clock: () => {
      now += 10
      return new Date(now)
    },
  })
  const net = createServiceTransport(service, dana, network)
  const client = createInboxClient({ transport: net.transport, storage: memoryStorageAdapter() })
  const calls = (method: string) => net.calls[method] ?? 0
  return { service, net, client, calls }
}

const serverList = async (service: ReturnType<typeof setUp>['service']) =>
  (await service.listConversations(dana, { status: 'all', limit: 200 })).items

/** A connected client without latency whose list of every conversation is on screen, its first page in. */
async function showingTheList() {
  const setup = setUp({ latencyMs: 0 })
  await setup.client.connect()
  const qc = setup.client.queryClient
  const list = new InfiniteQueryObserver(qc, setup.client.queries.conversations({ status: 'all' }))
  list.subscribe(() => undefined)
  await until(() => qc.isFetching() === 0 && list.getCurrentResult().data !== undefined)
  return { ...setup, qc, list }
}

describe('the cache under a stream of texts', () => {
  it('fetchNextPage during a stream is one next-page fetch that lands; the loaded rows stay the server prefix', async () => {
    const { service, client, calls } = setUp()
    await client.connect()
    const list = new InfiniteQueryObserver(client.queryClient, client.queries.conversations({ status: 'all' }))
    list.subscribe(() => undefined)
    await until(() => list.getCurrentResult().data?.pages.length === 1 && client.queryClient.isFetching() === 0)
    const phones = (await serverList(service)).map((c) => c.contact.phone)
    const before = calls('listConversations')
    let streaming = true
    const stream = (async () => {
      for (let i = 0; streaming && i < 40; i++) {
        await service.receiveInbound({ to: CLINIC, from: phones[(i * 7) % phones.length] as string, body: `t${i}` })
        await sleep(10)
      }
    })()
    const page = list.fetchNextPage()
    await until(() => (list.getCurrentResult().data?.pages.length ?? 0) >= 2 && !list.getCurrentResult().isFetching)
    expect(calls('listConversations') - before).toBe(1)
    streaming = false
    await stream
    await page
    await client.sync()
    await sleep(50)
    const loaded = (list.getCurrentResult().data as ConversationListData).pages.flatMap((p) => p.items)
    const truth = await serverList(service)
    expect(loaded.map((c) => c.id)).toEqual(truth.slice(0, loaded.length).map((c) => c.id))
    expect(loaded).toEqual(truth.slice(0, loaded.length))
    expect(calls('listConversations') - before).toBe(1) // the stream fetched nothing again
    client.destroy()
  })

  it('texts arriving in the open conversation are read at once: no re-read, one mark-read each, the badge never rises', async () => {
    const { service, client, calls } = setUp()
    await client.connect()
    const qc = client.queryClient
    const open = (await serverList(service))[0] as Conversation
    new InfiniteQueryObserver(qc, client.queries.messages(open.id)).subscribe(() => undefined)
    new QueryObserver(qc, client.queries.conversation(open.id)).subscribe(() => undefined)
    new InfiniteQueryObserver(qc, client.queries.conversations({ status: 'all' })).subscribe(() => undefined)
    const badge: number[] = []
    new QueryObserver(qc, client.queries.unread()).subscribe((r) => r.data && badge.push(r.data.messages))
    client.actions.setViewing(open.id)
    await until(() => qc.isFetching() === 0 && badge.length > 0)
    await sleep(100)
    const start = { get: calls('getConversation'), read: calls('markRead'), shown: badge.length }
    for (let i = 0; i < 30; i++) {
      await service.receiveInbound({ to: CLINIC, from: open.contact.phone, body: `text ${i}` })
      await sleep(8)
    }
    await until(() => qc.isFetching() === 0)
    await sleep(150)
    await client.sync()
    expect(calls('getConversation') - start.get).toBe(0)
    expect(calls('markRead') - start.read).toBeLessThanOrEqual(30)
    const shown = badge.slice(start.shown - 1)
    for (const [i, value] of shown.entries()) if (i > 0) expect(value).toBeLessThanOrEqual(shown[i - 1] as number)
    expect((await service.getConversation(dana, open.id)).unreadCount).toBe(0)
    expect(qc.getQueryData<UnreadTotals>(client.queries.unread().queryKey)).toEqual(await service.unreadTotals(dana))
    client.destroy()
  })

  it('a burst of texts into the open conversation: each shown read at once, a mark-read or two at a time, not one per text', async () => {
    const { service, client, calls } = setUp({ latencyMs: 40, eventLatencyMs: 1 })
    await client.connect()
    const qc = client.queryClient
    const open = (await serverList(service))[2] as Conversation
    new InfiniteQueryObserver(qc, client.queries.messages(open.id)).subscribe(() => undefined)
    const unreadShown: number[] = []
    new QueryObserver(qc, client.queries.conversation(open.id)).subscribe(
      (r) => r.data && unreadShown.push(r.data.unreadCount),
    )
    const badge: number[] = []
    new QueryObserver(qc, client.queries.unread()).subscribe((r) => r.data && badge.push(r.data.messages))
    client.actions.setViewing(open.id)
    await until(() => qc.isFetching() === 0 && badge.length > 0 && unreadShown.at(-1) === 0)
    await sleep(100)
    const start = { read: calls('markRead'), badge: badge.length, unread: unreadShown.length }
    for (let i = 0; i < 60; i++) {
      await service.receiveInbound({ to: CLINIC, from: open.contact.phone, body: `burst ${i}` })
      if (i % 10 === 0) await sleep(1)
    }
    await until(() => qc.isFetching() === 0)
    await sleep(200)
    await client.sync()
    // 60 texts in well under the request's 40 ms round trips: a handful of requests.
    expect(calls('markRead') - start.read).toBeGreaterThan(0)
    expect(calls('markRead') - start.read).toBeLessThanOrEqual(10)
    expect(unreadShown.slice(start.unread)).toEqual(unreadShown.slice(start.unread).map(() => 0))
    const shown = badge.slice(start.badge - 1)
    for (const [i, value] of shown.entries()) if (i > 0) expect(value).toBeLessThanOrEqual(shown[i - 1] as number)
    expect((await service.getConversation(dana, open.id)).unreadCount).toBe(0)
    expect(qc.getQueryData<UnreadTotals>(client.queries.unread().queryKey)).toEqual(await service.unreadTotals(dana))
    client.destroy()
  })

  it('a burst of events is applied a frame at a time, in order: the screen is told once a frame, not once a text', async () => {
    const { service, client } = setUp({ latencyMs: 0, eventLatencyMs: 1 })
    await client.connect()
    const qc = client.queryClient
    const list = new InfiniteQueryObserver(qc, client.queries.conversations({ status: 'all' }))
    let told = 0
    // As React's hooks listen: the notifications of one flush come in one task, as one render.
    let counting = false
    list.subscribe(
      notifyManager.batchCalls(() => {
        if (counting) return
        counting = true
        told++
        queueMicrotask(() => {
          counting = false
        })
      }),
    )
    await until(() => qc.isFetching() === 0 && list.getCurrentResult().data !== undefined)
    await client.sync()
    await sleep(50)
    const phones = (await serverList(service)).map((c) => c.contact.phone)
    told = 0
    const started = Date.now()
    for (let i = 0; i < 100; i++) {
      await service.receiveInbound({ to: CLINIC, from: phones[i % 9] as string, body: `burst ${i}` })
      if (i % 5 === 4) await sleep(1) // the texts come over a few frames, in separate tasks
    }
    await sleep(100)
    await client.sync()
    const frames = Math.ceil((Date.now() - started) / 16)
    expect(told).toBeLessThanOrEqual(frames + BURST_EVENTS + 2)
    expect(told).toBeLessThan(50)
    const loaded = (list.getCurrentResult().data as ConversationListData).pages.flatMap((p) => p.items)
    expect(loaded).toEqual((await serverList(service)).slice(0, loaded.length))
    client.destroy()
  })

  it('start-up reads each query once; the catch-up starts from what the replies reflect and reads nothing again', async () => {
    const { service, client, net } = setUp()
    const qc = client.queryClient
    const connecting = client.connect()
    new InfiniteQueryObserver(qc, client.queries.conversations({})).subscribe(() => undefined)
    new InfiniteQueryObserver(qc, client.queries.messages('cnv_000000')).subscribe(() => undefined)
    new QueryObserver(qc, client.queries.conversation('cnv_000000')).subscribe(() => undefined)
    new QueryObserver(qc, client.queries.unread()).subscribe(() => undefined)
    // A text while the first replies are on their way: the catch-up brings it, no read is repeated.
    await service.receiveInbound({ to: CLINIC, from: '+16505550199', body: 'hello during start-up' })
    await connecting
    await until(() => qc.isFetching() === 0)
    await sleep(100)
    await client.sync()
    expect(net.calls).toMatchObject({
      me: 1,
      listConversations: 1,
      listMessages: 1,
      unread: 1,
    })
    expect(net.calls.getConversation ?? 0).toBeLessThanOrEqual(1)
    const loaded = qc
      .getQueryData<ConversationListData>(client.queries.conversations({}).queryKey)
      ?.pages.flatMap((p) => p.items)
    const truth = (await service.listConversations(dana, { limit: 200 })).items
    expect(loaded).toEqual(truth.slice(0, loaded?.length))
    expect(qc.getQueryData(client.queries.unread().queryKey)).toEqual(await service.unreadTotals(dana))
    client.destroy()
  })

  it('a refused change shows the server state with the events applied meanwhile, reading nothing again', async () => {
    const { service, client, net, calls, list } = await showingTheList()
    await client.sync()
    const target = (await serverList(service))[3] as Conversation
    const reads = calls('listConversations') + calls('getConversation')
    net.holdReplies(true)
    const refused = client.actions.assign(target.id, 'usr_nobody').catch((e: unknown) => e)
    await sleep(0)
    const shown = () =>
      (list.getCurrentResult().data as ConversationListData).pages
        .flatMap((p) => p.items)
        .find((c) => c.id === target.id)
    expect(shown()?.assigneeId).toBe('usr_nobody')
    // Meanwhile the client texts: the event lands while the refusal is on its way.
    await service.receiveInbound({ to: CLINIC, from: target.contact.phone, body: 'still there?' })
    await until(() => shown()?.lastMessage?.body === 'still there?')
    expect(shown()?.assigneeId).toBe('usr_nobody')
    net.holdReplies(false)
    net.releaseAll()
    expect(await refused).toMatchObject({ code: 'not_found' })
    expect(shown()).toEqual(await service.getConversation(dana, target.id))
    expect(shown()?.lastMessage?.body).toBe('still there?')
    expect(calls('listConversations') + calls('getConversation')).toBe(reads)
    client.destroy()
  })
  it('a list refetched page by page while texts arrive reads each page once: the first page waits for the last with the events it needs kept', async () => {
    const { service, client, net, calls, qc, list } = await showingTheList()
    await list.fetchNextPage()
    expect(list.getCurrentResult().data?.pages).toHaveLength(2)
    await client.sync()
    const loaded = () => (list.getCurrentResult().data as ConversationListData).pages.flatMap((p) => p.items)
    const phones = loaded().map((c) => c.contact.phone)
    const text = async (i: number) => {
      await service.receiveInbound({ to: CLINIC, from: phones[10 + i] as string, body: `during the refetch ${i}` })
      await until(() => loaded().some((c) => c.lastMessage?.body === `during the refetch ${i}`))
    }
    const reads = calls('listConversations')
    net.holdReplies(true)
    const refetch = list.refetch()
    await until(() => net.heldReplies() === 1) // the first page is asked
    await text(0)
    net.release() // the first page arrives (older than text 0), and the second is asked
    await until(() => net.heldReplies() === 1)
    await text(1) // the first page is still not placed: text 0 must still be known to bring it up to date
    net.holdReplies(false)
    net.releaseAll()
    await refetch
    await until(() => qc.isFetching() === 0)
    await sleep(20)
    expect(calls('listConversations') - reads).toBe(2)
    const truth = await serverList(service)
    expect(loaded().map((c) => c.id)).toEqual(truth.slice(0, loaded().length).map((c) => c.id))
    expect(loaded()).toEqual(truth.slice(0, loaded().length))
    client.destroy()
  })
})

describe('threads closed', () => {
  it('keeps the last ten closed histories and records cached and drops older ones at once; an open one stays', async () => {
    const { service, client, calls } = setUp({ latencyMs: 0 }, 30)
    const all = await serverList(service)
    const ids = all.map((c) => c.id)
    const cached = () =>
      client.queryClient
        .getQueryCache()
        .findAll({ queryKey: ['switchboard', 'messages'] })
        .map((q) => q.queryKey[2])
    const open = new InfiniteQueryObserver(client.queryClient, client.queries.messages(ids[0] as string))
    const stop = open.subscribe(() => undefined)
    for (const id of ids.slice(1, 26)) {
      const observer = new InfiniteQueryObserver(client.queryClient, client.queries.messages(id))
      const record = new QueryObserver(client.queryClient, client.queries.conversation(id))
      // The client panel's record of the conversation's client, when it has one.
      const clientId = all.find((c) => c.id === id)?.client?.id
      const panel = clientId ? new QueryObserver(client.queryClient, client.queries.client(clientId)) : null
      const unsubscribe = [observer, record, ...(panel ? [panel] : [])].map((o) => o.subscribe(() => undefined))
      await until(
        () =>
          observer.getCurrentResult().isSuccess &&
          record.getCurrentResult().isSuccess &&
          (!panel || panel.getCurrentResult().isSuccess),
      )
      for (const stop of unsubscribe) stop()
    }
    // The conversations' own records too: the last ten closed.
    const records = client.queryClient.getQueryCache().findAll({ queryKey: ['switchboard', 'conversation'] })
    expect(records.map((q) => q.queryKey[2]).sort()).toEqual(ids.slice(16, 26).sort())
    // And their clients' records: no more than ten (two conversations may share a client).
    const clients = client.queryClient.getQueryCache().findAll({ queryKey: ['switchboard', 'client'] })
    const lastClients = new Set(
      all
        .slice(1, 26)
        .map((c) => c.client?.id)
        .filter((id) => id !== undefined),
    )
    expect(lastClients.size).toBeGreaterThan(10)
    expect(clients.length).toBeLessThanOrEqual(10)
    expect(cached()).toHaveLength(11)
    expect(cached()).toContain(ids[0])
    expect(cached()).toEqual(expect.arrayContaining(ids.slice(16, 26)))
    // Going back to one of the last ten reads no history again.
    const before = calls('listMessages')
    const again = new InfiniteQueryObserver(client.queryClient, client.queries.messages(ids[25] as string))
    again.subscribe(() => undefined)
    expect(again.getCurrentResult().data?.pages.length).toBe(1)
    expect(calls('listMessages')).toBe(before)
    stop()
  })
})

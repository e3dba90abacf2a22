// The client's data flow under a stream of texts: requests per page fetched, re-reads, start-up
// calls, events per change. Counts, not timings: they hold on any machine.
// Run by `npm run bench` (after the build) or alone: `node scripts/bench-dataflow.mjs`.
import { createInboxClient, memoryStorageAdapter } from '@switchboard/core'
import { createServiceTransport } from '@switchboard/mock'
import { PERMISSIONS } from '@switchboard/protocol'
import { createInboxService, createMemoryStorage, generateSeed } from '@switchboard/service'
import { InfiniteQueryObserver, QueryObserver } from '@tanstack/query-core'

const row = (label, value) => console.log(`${label.padEnd(68)} ${value}`)
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const dana = { clinicId: 'cln_maple', userId: 'usr_dana', permissions: [...PERMISSIONS] }
const OPEN = Date.parse('2026-11-30T18:00:00Z') // Monday 10:00 in Los Angeles: the clinic is open

/** A service with `conversations` seeded, a client over it with `latencyMs` per reply. */
async function setUp({ conversations = 200, latencyMs = 150 } = {}) {
  const seed = generateSeed({ seed: 7, conversations })
  let now = OPEN
  const service = createInboxService({
    storage: createMemoryStorage({ clinics: seed.clinics }),
    clock: () => {
      now += 10
      return new Date(now)
    },
  })
  const net = createServiceTransport(service, dana, { latencyMs, eventLatencyMs: 5 })
  const client = createInboxClient({ transport: net.transport, storage: memoryStorageAdapter() })
  const phones = (await service.listConversations(dana, { status: 'all', limit: 200 })).items.map(
    (c) => c.contact.phone,
  )
  let n = 0
  const text = (body = 'Is Biscuit ready?') =>
    service.receiveInbound({ to: '+14155550100', from: phones[n++ % phones.length], body }).catch(() => undefined)
  return { service, net, client, text, phones }
}

const listCalls = (net) => net.calls.listConversations ?? 0
async function until(check, ms) {
  const start = performance.now()
  while (!check()) {
    if (performance.now() - start > ms) return null
    await sleep(5)
  }
  return performance.now() - start
}
/** Texts every `everyMs`, `count` of them; resolves when the last is in. */
async function stream(text, count, everyMs) {
  for (let i = 0; i < count; i++) {
    await text()
    await sleep(everyMs)
  }
}
const listObserver = (client, filter = { status: 'all' }) => {
  const observer = new InfiniteQueryObserver(client.queryClient, client.queries.conversations(filter))
  observer.subscribe(() => undefined)
  return observer
}
const pages = (observer) => observer.getCurrentResult().data?.pages.length ?? 0

console.log('Client data flow (150 ms per reply, texts every 100 ms)\n')

// 1. fetchNextPage while texts stream in.
{
  const { net, client, text } = await setUp()
  await client.connect()
  const observer = listObserver(client)
  await until(() => pages(observer) === 1 && client.queryClient.isFetching() === 0, 5000)
  const before = listCalls(net)
  const streaming = stream(text, 30, 100)
  void observer.fetchNextPage()
  const landed = await until(() => pages(observer) >= 2 && !observer.getCurrentResult().isFetching, 3000)
  const callsWhileStreaming = listCalls(net) - before
  await streaming
  const after = landed ?? (await until(() => pages(observer) >= 2 && !observer.getCurrentResult().isFetching, 3000))
  row(
    'fetchNextPage during 30 texts: list calls until the page landed',
    landed === null
      ? `never landed during the stream (${callsWhileStreaming} list calls in 3 s; ${after === null ? 'still not' : `landed ${after.toFixed(0)} ms`} after it)`
      : `${listCalls(net) - before} (landed in ${landed.toFixed(0)} ms)`,
  )
  client.destroy()
}

// 2. Refetching a 3-page list during 40 texts.
{
  const { net, client, text } = await setUp()
  await client.connect()
  const observer = listObserver(client)
  await until(() => pages(observer) === 1 && client.queryClient.isFetching() === 0, 5000)
  await observer.fetchNextPage()
  await observer.fetchNextPage()
  const before = listCalls(net)
  const streaming = stream(text, 40, 100)
  void observer.refetch()
  await streaming
  await until(() => client.queryClient.isFetching() === 0, 10_000)
  row('refetch of a 3-page list during 40 texts: list calls', `${listCalls(net) - before} (3 needed)`)
  client.destroy()
}

// 3. 100 texts into the conversation open on screen.
{
  const { service, net, client, phones } = await setUp()
  await client.connect()
  const [open] = (await service.listConversations(dana, { status: 'all', limit: 1 })).items
  const qc = client.queryClient
  const thread = new InfiniteQueryObserver(qc, client.queries.messages(open.id))
  thread.subscribe(() => undefined)
  const detail = new QueryObserver(qc, client.queries.conversation(open.id))
  detail.subscribe(() => undefined)
  const badge = new QueryObserver(qc, client.queries.unread())
  const shown = []
  badge.subscribe((r) => r.data && shown.push(r.data.messages))
  listObserver(client)
  // The conversation on screen: the client reads it, and each text that arrives in it.
  client.actions.setViewing(open.id)
  await until(() => qc.isFetching() === 0 && shown.length > 0, 5000)
  const start = { ...net.calls }
  const first = shown.length
  for (let i = 0; i < 100; i++) {
    await service.receiveInbound({ to: '+14155550100', from: open.contact.phone ?? phones[0], body: `text ${i}` })
    await sleep(20)
  }
  await until(() => qc.isFetching() === 0, 5000)
  await sleep(400)
  const delta = (m) => (net.calls[m] ?? 0) - (start[m] ?? 0)
  const rises = shown.slice(first).filter((v, i, a) => v > (a[i - 1] ?? shown[first - 1])).length
  row('100 texts into the open thread: GET /conversations/:id', `${delta('getConversation')}`)
  row('100 texts into the open thread: mark-read requests', `${delta('markRead')}`)
  row('100 texts into the open thread: times the badge rose', `${rises}`)
  client.destroy()
}

// 4. Start-up: connect and the first screens (list, thread, badge, team) at once.
{
  const { net, client } = await setUp()
  const qc = client.queryClient
  const connecting = client.connect()
  listObserver(client)
  new InfiniteQueryObserver(qc, client.queries.messages('cnv_000000')).subscribe(() => undefined)
  new QueryObserver(qc, client.queries.conversation('cnv_000000')).subscribe(() => undefined)
  new QueryObserver(qc, client.queries.unread()).subscribe(() => undefined)
  new QueryObserver(qc, client.queries.team()).subscribe(() => undefined)
  await connecting
  await sleep(50)
  await until(() => qc.isFetching() === 0, 5000)
  await sleep(400)
  const calls = Object.entries(net.calls)
    .map(([m, n]) => `${m} ${n}`)
    .join(', ')
  row('start-up requests (list, thread, detail, badge, team on screen)', calls)
  client.destroy()
}

// 5. Events per change in the service's log.
{
  const { service } = await setUp({ latencyMs: 0 })
  const count = async (what, change) => {
    const events = []
    const off = service.subscribe((_, e) => events.push(e.type))
    await change()
    off()
    const full = events.filter((t) => t === 'conversation.updated').length
    row(`events for ${what}`, `${events.length} (${full} conversation snapshots)`)
  }
  const known = (await service.listConversations(dana, { status: 'all', limit: 1 })).items[0]
  await count('a STOP', () => service.receiveInbound({ to: '+14155550100', from: known.contact.phone, body: 'STOP' }))
  await count('a text from a new number', () =>
    service.receiveInbound({ to: '+14155550100', from: '+14155550177', body: 'Hello?' }),
  )
  await count('a mark-read', () => service.markRead(dana, known.id))
}
// 6. After hours: the same service, the clinic closed.
{
  const seed = generateSeed({ seed: 7, conversations: 20 })
  const service = createInboxService({
    storage: createMemoryStorage({ clinics: seed.clinics }),
    clock: () => new Date('2026-11-30T08:00:00Z'), // midnight in Los Angeles
  })
  const events = []
  service.subscribe((_, e) => events.push(e.type))
  await service.receiveInbound({ to: '+14155550100', from: '+14155550178', body: 'Are you open?' })
  const full = events.filter((t) => t === 'conversation.updated').length
  row('events for an after-hours text (auto-reply)', `${events.length} (${full} conversation snapshots)`)
}
console.log('')

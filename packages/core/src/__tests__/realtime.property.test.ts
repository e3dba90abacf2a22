import { createServiceTransport } from '@switchboard/mock'
import {
  type Conversation,
  type ConversationFilter,
  compareConversations,
  normalizeFilter,
  PERMISSIONS,
} from '@switchboard/protocol'
import { createInboxService, createMemoryStorage, generateSeed } from '@switchboard/service'
import { InfiniteQueryObserver } from '@tanstack/query-core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type ConversationListData,
  createInboxClient,
  flattenThread,
  memoryStorageAdapter,
  type ThreadData,
} from '../index'
import { outboxIdle } from '../testing'

const dana = { clinicId: 'cln_maple', userId: 'usr_dana', permissions: [...PERMISSIONS] }
const marcus = {
  clinicId: 'cln_maple',
  userId: 'usr_marcus',
  permissions: ['messaging' as const, 'messaging.delete' as const],
}
const FILTERS: Array<Partial<ConversationFilter>> = [
  { status: 'open' },
  { status: 'unread' },
  { status: 'all', assignee: 'me' },
  { status: 'closed', contactType: 'leads' },
]

const step = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('inbound' as const),
      n: fc.nat(5),
      body: fc.constantFrom('hi', 'STOP', 'START', 'ok?'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'otherClose' as const,
        'otherRead' as const,
        'otherAssign' as const,
        'otherDelete' as const,
        'otherSend' as const,
      ),
      n: fc.nat(20),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'close' as const,
        'reopen' as const,
        'markRead' as const,
        'markUnread' as const,
        'assignMe' as const,
        'send' as const,
      ),
      n: fc.nat(20),
    }),
  },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('deliver' as const), n: fc.nat(6) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), n: fc.nat(50) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'drop' as const,
        'reconnect' as const,
        'refetch' as const,
        'hold' as const,
        'unhold' as const,
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('fetchNext' as const), n: fc.nat(3) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('release' as const), n: fc.nat(6) }) },
)

type Step = typeof step extends fc.Arbitrary<infer S> ? S : never

async function runSchedule(steps: Step[]) {
  const seed = generateSeed({ seed: 3, conversations: 12 })
  let now = Date.parse('2026-11-30T18:00:00Z')
  const service = createInboxService({
    storage: createMemoryStorage({ clinics: seed.clinics }),
    clock: () => {
      now += 1000
      return new Date(now)
    },
  })
  const net = createServiceTransport(service, dana, { manual: true })
  const client = createInboxClient({
    transport: net.transport,
    storage: memoryStorageAdapter(),
    retry: { baseDelayMs: 1, maxDelayMs: 4 },
    pageSize: 4,
  })
  const qc = client.queryClient
  const quiet = async () => {
    for (let i = 0; i < 200; i++) {
      net.releaseAll()
      net.deliverAll()
      await client.sync()
      await outboxIdle(client, 10)
      await new Promise((r) => setTimeout(r, 1))
      if (net.heldReplies() === 0 && net.heldEvents() === 0 && qc.isFetching() === 0) return
    }
    throw new Error('the client never settled')
  }
  await client.connect()
  await quiet()
  // Lists and threads on screen: observed, as React would.
  const observers = FILTERS.map((filter) => {
    const observer = new InfiniteQueryObserver(qc, { ...client.queries.conversations({ ...filter }) } as never)
    observer.subscribe(() => undefined)
    return observer
  })
  const threadIds = ['cnv_000000', 'cnv_000001', 'cnv_000002']
  for (const id of threadIds)
    new InfiniteQueryObserver(qc, client.queries.messages(id) as never).subscribe(() => undefined)
  await quiet()

  const settled: Promise<unknown>[] = []
  /** Fetches the test asked for (next pages, refetches): each must complete (liveness). */
  const fetches: Promise<unknown>[] = []
  /** Pages the test asked to load: each list call must serve one of them. */
  let requestedPages = 0
  const listCallsBefore = net.calls.listConversations ?? 0
  const serverIds = async () =>
    (await service.listConversations(dana, { status: 'all', limit: 200 })).items.map((c) => c.id)
  net.holdReplies(false)
  for (const [i, s] of steps.entries()) {
    const ids = await serverIds()
    const id = ids[('n' in s ? s.n : 0) % Math.max(1, ids.length)]
    switch (s.kind) {
      case 'inbound':
        await service.receiveInbound({ to: '+14155550100', from: `+1650555010${s.n}`, body: s.body })
        break
      case 'otherClose':
        if (id) await service.close(marcus, id).catch(() => undefined)
        break
      case 'otherRead':
        if (id) await service.markRead(marcus, id).catch(() => undefined)
        break
      case 'otherAssign':
        if (id) await service.assign(marcus, id, 'usr_dana').catch(() => undefined)
        break
      case 'otherDelete':
        if (id) await service.deleteConversation(marcus, id).catch(() => undefined)
        break
      case 'otherSend':
        if (id)
          await service
            .sendMessage(marcus, id, { clientMessageId: `other-${i}`, body: 'from Marcus' })
            .catch(() => undefined)
        break
      case 'close':
      case 'reopen':
      case 'markRead':
      case 'markUnread':
        if (id) settled.push(client.actions[s.kind as 'close'](id).catch(() => undefined))
        break
      case 'assignMe':
        if (id) settled.push(client.actions.assign(id, 'usr_dana').catch(() => undefined))
        break
      case 'send':
        if (id) {
          try {
            client.actions.send(id, { body: `from Dana ${i}` })
          } catch {
            // refused up front (opted out): fine
          }
        }
        break
      case 'deliver':
        for (let k = 0; k <= s.n % 3; k++) net.deliver(s.n)
        break
      case 'duplicate':
        net.duplicate(s.n)
        break
      case 'drop':
        net.drop()
        break
      case 'reconnect':
        net.reconnect()
        break
      case 'refetch':
        for (const observer of observers) requestedPages += observer.getCurrentResult().data?.pages.length ?? 1
        fetches.push(qc.invalidateQueries({ queryKey: ['switchboard'] }).catch(() => undefined))
        break
      case 'fetchNext': {
        const observer = observers[s.n % observers.length]
        if (observer?.getCurrentResult().hasNextPage) {
          requestedPages += 1
          fetches.push(observer.fetchNextPage())
        }
        break
      }
      case 'hold':
        net.holdReplies(true)
        break
      case 'unhold':
        net.holdReplies(false)
        break
      case 'release':
        net.release(s.n)
        break
    }
    await new Promise((r) => setTimeout(r, 0))
  }
  net.holdReplies(false)
  net.reconnect()
  await quiet()
  await Promise.all(settled)
  await quiet()
  // Liveness: every fetch the test asked for completed, and list calls stayed within the pages
  // asked for (a refetch replacing an in-flight next page is the only way to pay one twice).
  const done = await Promise.race([Promise.allSettled(fetches).then(() => true), sleep(5000).then(() => false)])
  expect(done, 'a fetchNextPage or refetch never completed').toBe(true)
  const listCalls = (net.calls.listConversations ?? 0) - listCallsBefore
  expect(listCalls, `${listCalls} list calls for ${requestedPages} pages asked`).toBeLessThanOrEqual(2 * requestedPages)
  stats.listCalls += listCalls
  stats.pages += requestedPages
  stats.maxRatio = Math.max(stats.maxRatio, requestedPages ? listCalls / requestedPages : 0)

  for (const [index, filter] of FILTERS.entries()) {
    const pages = (observers[index]?.getCurrentResult().data as ConversationListData | undefined)?.pages ?? []
    const cached = pages.flatMap((p) => p.items)
    const all = (await service.listConversations(dana, { ...normalizeFilter(filter), limit: 200 })).items
    // Pages load 4 at a time: what is loaded is every row of the server's list up to where the last
    // page ended (its rows may all have left since: closed, say), all of it once the end is reached.
    const complete = observers[index]?.getCurrentResult().hasNextPage === false
    const end = pages.at(-1)?.end
    const truth = complete
      ? all
      : end
        ? all.filter((c) => compareConversations(c, end) <= 0)
        : all.slice(0, cached.length)
    expect(
      cached.map((c: Conversation) => c.id),
      JSON.stringify(filter),
    ).toEqual(truth.map((c) => c.id))
    expect(cached).toEqual(truth)
  }
  for (const id of threadIds) {
    const data = qc.getQueryData<ThreadData>(client.queries.messages(id).queryKey)
    const truth = (await service.listMessages(dana, id, { limit: 200 }).catch(() => null))?.items
    if (!truth) {
      expect(data).toBeUndefined()
      continue
    }
    const thread = flattenThread(data)
    expect(thread.map((m) => m.seq)).toEqual(truth.map((m) => m.seq))
    expect(thread).toEqual(truth)
  }
  client.destroy()
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const stats = { listCalls: 0, pages: 0, maxRatio: 0 }
/** 400 schedules in `npm test`; `PROPERTY_RUNS=1000` (or more) for a longer run. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 400)

describe('realtime correctness', () => {
  it('for any interleaving of replies, events (late, duplicated, lost) and reconnects, cached lists and threads equal the server; every fetch completes', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 40 }), runSchedule), { numRuns: RUNS })
    console.info(
      `${RUNS} schedules: ${stats.listCalls} list calls for ${stats.pages} pages asked (worst schedule ${stats.maxRatio.toFixed(2)} per page)`,
    )
  }, 600_000)
})

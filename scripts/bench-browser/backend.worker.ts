// The bench's backend: the mock backend (the inbox service in memory, answering the HTTP contract
// as the server does) in a Web Worker, so the service's own work never takes a frame from the UI.
// The page reaches it through a `fetch` and a socket stand-in (see transport.ts).
import './workerGlobals'
import { createMockBackend, type MockBackend } from '@switchboard/mock'
import { PERMISSIONS, type ServerEvent } from '@switchboard/protocol'
import { getResponse, HttpHandler } from 'msw'
import type { BackendReply, BackendRequest, FetchReply, SetupOptions, SetupResult } from './protocol'

const BASE = 'http://bench.local/api'
const dana = { clinicId: 'cln_maple', userId: 'usr_dana', permissions: [...PERMISSIONS] }
let backend: MockBackend
/**
 * Replies of every row in one answer, by path, served while `oneReply` is on: kept current by the
 * events (a conversation that changes moves to the top, a new message is appended), as a server
 * with no page limit would answer.
 */
const whole = new Map<string, { items: Array<{ id: string }>; rest: Record<string, unknown> }>()
let oneReply = false
let lastSeq = 0
let now = Date.parse('2026-11-30T18:00:00Z') // Monday 10:00 at the clinic: open, no auto-reply

const post = (message: BackendReply) => (self as unknown as Worker).postMessage(message)

/**
 * Replies to GETs already answered, by URL, while nothing has changed since (any event or write
 * clears them): the service's own work is measured in the server's bench, and here it would take
 * a core of the machine's two from the page under measurement at every mount.
 */
const answered = new Map<string, Awaited<ReturnType<typeof compute>>>()

async function answer(url: string, init: RequestInit) {
  const key = `${oneReply} ${url}`
  if ((init.method ?? 'GET') !== 'GET') {
    answered.clear()
    return compute(url, init)
  }
  const known = answered.get(key)
  if (known) return known
  const reply = await compute(url, init)
  answered.set(key, reply)
  return reply
}

async function compute(url: string, init: RequestInit) {
  const path = new URL(url).pathname
  const all = oneReply && (init.method ?? 'GET') === 'GET' ? whole.get(path) : undefined
  if (all)
    return {
      status: 200,
      headers: { 'content-type': 'application/json', 'switchboard-seq': String(lastSeq) },
      body: JSON.stringify({ ...all.rest, items: all.items }),
    }
  const response = (await getResponse(http(), new Request(url, init))) ?? new Response(null, { status: 404 })
  return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() }
}

/** Every page of a listing joined into one reply, as a server with no page limit would answer. */
async function joined(path: string, next: (page: Record<string, unknown>) => string | null, key: string) {
  const items: unknown[] = []
  let query: string | null = key === 'nextCursor' ? '?status=all&limit=200' : '?limit=200'
  let last: Record<string, unknown> = {}
  while (query !== null) {
    const reply = await answer(`${BASE}${path}${query}`, { headers: { authorization: 'Bearer tok_usr_dana' } })
    last = JSON.parse(reply.body)
    const page = last.items as unknown[]
    // Listing pages come newest first; message pages are oldest first and go back in time.
    if (key === 'nextCursor') items.push(...page)
    else items.unshift(...page)
    query = next(last)
  }
  const { items: _page, ...rest } = last
  return { items: items as Array<{ id: string }>, rest }
}

/** Keeps the one-reply answers current, as the service's own listing would be. */
function follow(event: ServerEvent) {
  if ('seq' in event && typeof event.seq === 'number') lastSeq = event.seq
  if (event.type === 'conversation.updated') {
    const list = whole.get('/api/conversations')
    if (list) list.items = [event.conversation, ...list.items.filter((c) => c.id !== event.conversation.id)]
  } else if (event.type === 'message.created' || event.type === 'message.updated') {
    const thread = whole.get(`/api/conversations/${event.message.conversationId}/messages`)
    if (!thread) return
    const at = thread.items.findIndex((m) => m.id === event.message.id)
    if (at >= 0) thread.items[at] = event.message
    else thread.items.push(event.message)
  }
}

async function setUp(options: SetupOptions): Promise<SetupResult> {
  const started = performance.now()
  backend = createMockBackend({
    seed: { seed: 7, conversations: options.conversations },
    baseUrl: BASE,
    clock: () => {
      now += 1000
      return new Date(now)
    },
  })
  backend.service.subscribe((clinicId, event) => {
    if (clinicId !== 'cln_maple' || event.type === 'typing' || event.type === 'viewing') return
    answered.clear()
    follow(event)
    post({ type: 'event', event, sentAt: performance.timeOrigin + performance.now() })
  })
  const first = await backend.service.listConversations(dana, { status: 'all', limit: 200 })
  // Texts from a blocked number are kept but change no conversation: the bench texts from the others.
  const phones = first.items.filter((c) => !c.contact.blocked).map((c) => c.contact.phone)
  const threads: SetupResult['threads'] = []
  // Conversations staff can text (open, not opted out, not blocked), in list order.
  const textable = first.items.filter((c) => c.status === 'open' && !c.contact.optedOut && !c.contact.blocked)
  for (const [index, size] of options.threads.entries()) {
    const conversation = textable[index] as (typeof textable)[number]
    // Years of history: the client writes, staff answer, in turns of one to three texts.
    for (let i = 0; i < size; i++) {
      const body =
        i % 7 === 3 ? `Thanks! ${'Biscuit is doing much better today, eating well. '.repeat(3)}` : `Text ${i}`
      if (i % 3 === 2)
        await backend.service.sendMessage(dana, conversation.id, { clientMessageId: `bench-${index}-${i}`, body })
      else await backend.service.receiveInbound({ to: '+14155550100', from: conversation.contact.phone, body })
    }
    threads.push({ id: conversation.id, phone: conversation.contact.phone, messages: size })
    whole.set(
      `/api/conversations/${conversation.id}/messages`,
      await joined(
        `/conversations/${conversation.id}/messages`,
        (p) => (p.nextBefore === null ? null : `?limit=200&before=${p.nextBefore}`),
        'nextBefore',
      ),
    )
  }
  whole.set(
    '/api/conversations',
    await joined(
      '/conversations',
      (p) => (p.nextCursor ? `?status=all&limit=200&cursor=${p.nextCursor}` : null),
      'nextCursor',
    ),
  )
  const ids = first.items.map((c) => c.id)
  return { baseUrl: BASE, phones, ids, threads, setupMs: performance.now() - started }
}

let counter = 0
const http = () => backend.handlers.filter((h): h is HttpHandler => h instanceof HttpHandler)
const text = (phone: string, body: string) => backend.simulateInbound(phone, body)

self.onmessage = async (message: MessageEvent<BackendRequest>) => {
  const request = message.data
  try {
    if (request.type === 'setup') post({ type: 'reply', id: request.id, value: await setUp(request.options) })
    else if (request.type === 'fetch') {
      const received = performance.timeOrigin + performance.now()
      const value = await answer(request.url, request.init)
      const reply: FetchReply = { ...value, received, answered: performance.timeOrigin + performance.now() }
      post({ type: 'reply', id: request.id, value: reply })
    } else if (request.type === 'oneReply') {
      oneReply = request.on
      post({ type: 'reply', id: request.id, value: null })
    } else if (request.type === 'text') {
      await text(request.phone, request.body)
      post({ type: 'reply', id: request.id, value: null })
    } else if (request.type === 'burst') {
      // `count` texts spread evenly over `ms`, from the given phones in turn.
      const start = performance.now()
      for (let i = 0; i < request.count; i++) {
        const due = start + (i * request.ms) / request.count
        const wait = due - performance.now()
        if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait))
        await text(request.phones[i % request.phones.length] as string, `${request.prefix} ${i} ${++counter}`)
      }
      post({ type: 'reply', id: request.id, value: performance.now() - start })
    }
  } catch (error) {
    post({ type: 'reply', id: request.id, error: String((error as Error)?.stack ?? error) })
  }
}

// @vitest-environment jsdom
import { isDeepStrictEqual } from 'node:util'
import { createMockBackend, type MockBackend, type MockBackendOptions } from '@switchboard/mock'
import type { Conversation } from '@switchboard/protocol'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  activePresence,
  type ConversationListData,
  createHttpTransport,
  createInboxClient,
  flattenThread,
  type GetToken,
  type InboxClient,
  type IoFactory,
  inboxKeys,
  memoryStorageAdapter,
  type ThreadData,
  VIEWING_TTL,
} from '../index'

const server = setupServer()
let io: IoFactory
let WebSocketTransport: unknown
const clients: InboxClient[] = []
beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' })
  io = (await import('socket.io-client')).io as unknown as IoFactory
  WebSocketTransport = (await import('engine.io-client')).WebSocket
})
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy()
})
afterAll(() => server.close())

function setup(options: MockBackendOptions = {}) {
  const backend: MockBackend = createMockBackend({
    seed: { seed: 4, conversations: 15 },
    clock: () => new Date('2026-11-30T18:00:00Z'),
    ...options,
  })
  server.resetHandlers(...backend.handlers)
  /** A client signed in with `token`, or with the tokens a host's `getToken` hands out. */
  const make = (token: string | GetToken = 'tok_usr_dana') => {
    const client = createInboxClient({
      transport: createHttpTransport({
        baseUrl: backend.baseUrl,
        getToken: typeof token === 'string' ? () => token : token,
        socket: { io, transports: [WebSocketTransport], reconnectionDelay: 20, reconnectionDelayMax: 50 },
      }),
      storage: memoryStorageAdapter(),
    })
    clients.push(client)
    return client
  }
  return { backend, make }
}

const until = async (check: () => boolean, ms = 4000) => {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}

const dana = { clinicId: 'cln_maple', userId: 'usr_dana', permissions: ['messaging' as const] }

async function openInbox(client: InboxClient) {
  await client.connect()
  await until(
    () =>
      client.store.getState().connection.status === 'connected' && client.store.getState().connection.lastSeq !== null,
  )
  await client.queryClient.fetchInfiniteQuery(client.queries.conversations({ status: 'all' }) as never)
  await client.queryClient.fetchQuery(client.queries.unread())
  const list = () =>
    (
      client.queryClient.getQueryData<ConversationListData>(client.queries.conversations({ status: 'all' }).queryKey)
        ?.pages ?? []
    ).flatMap((p) => p.items)
  return list
}

async function serverList(backend: MockBackend): Promise<Conversation[]> {
  return (await backend.service.listConversations(dana, { status: 'all', limit: 200 })).items
}

describe('realtime over socket.io (MSW mock)', () => {
  it('a session the server ends shows as expired at once, and no event reaches the cache after', async () => {
    const { backend, make } = setup()
    const token = backend.createToken('usr_dana', ['messaging'])
    const client = make(token)
    const list = await openInbox(client)
    backend.expireToken(token)
    await until(() => client.store.getState().connection.error?.code === 'unauthorized')
    await until(() => client.store.getState().connection.status === 'disconnected')
    expect(client.store.getState().connection.error?.message).toBe('Your session has expired; sign in again.')
    const before = list()
    await backend.simulateInbound(before[0]?.contact.phone ?? '+16505550177', 'Private: the lab results')
    await new Promise((r) => setTimeout(r, 150))
    expect(list()).toEqual(before)
    expect(backend.socketCount()).toBe(0)
  })

  it('a host that renews its tokens carries on after the server ends a session', async () => {
    const { backend, make } = setup()
    const first = backend.createToken('usr_dana', ['messaging'])
    const renewed = backend.createToken('usr_dana', ['messaging'])
    const client = make(({ forceRefresh }) => (forceRefresh ? renewed : first))
    const list = await openInbox(client)
    const seen: string[] = []
    client.store.subscribe((state) => seen.push(`${state.connection.status}:${state.connection.error?.code ?? ''}`))
    backend.expireToken(first)
    await until(() => seen.includes('reconnecting:unauthorized') && seen.at(-1) === 'connected:')
    expect(client.store.getState().connection.error).toBeNull()
    const { conversationId } = await backend.simulateInbound('+16505550177', 'Still there?')
    await until(() => list()[0]?.id === conversationId)
  })

  it('an inbound text moves its conversation to the top, fills the open thread and the badge', async () => {
    const { backend, make } = setup()
    const client = make()
    const list = await openInbox(client)
    const target = list().at(-1) as Conversation
    await client.queryClient.fetchInfiniteQuery(client.queries.messages(target.id) as never)
    await backend.simulateInbound(target.contact.phone, 'Is Biscuit ready?')
    await until(() => list()[0]?.id === target.id)
    const thread = flattenThread(
      client.queryClient.getQueryData<ThreadData>(client.queries.messages(target.id).queryKey),
    )
    expect(thread.at(-1)?.body).toBe('Is Biscuit ready?')
    expect(client.queryClient.getQueryData(inboxKeys.unread())).toEqual(await backend.service.unreadTotals(dana))
  })

  it('after a dropped socket, catches up on what it missed and ends equal to the server', async () => {
    const { backend, make } = setup()
    const client = make()
    const list = await openInbox(client)
    backend.dropSockets()
    await until(() => client.store.getState().connection.status !== 'connected')
    // Changes while the client cannot hear them.
    await backend.simulateInbound('+16505550177', 'Missed me?')
    const ids = list().map((c) => c.id)
    await backend.service.close({ ...dana, userId: 'usr_marcus' }, ids[0] as string)
    await until(() => client.store.getState().connection.status === 'connected')
    const truth = await serverList(backend)
    await until(() => isDeepStrictEqual(list(), truth))
    expect(list()).toEqual(truth)
  })

  it('when the missed events are gone (410), refetches what is cached instead', async () => {
    const { backend, make } = setup({ eventRetention: 3 })
    const client = make()
    const list = await openInbox(client)
    client.disconnect()
    for (let i = 0; i < 5; i++) await backend.simulateInbound(`+1650555017${i}`, `text ${i}`)
    await client.connect()
    const truth = await serverList(backend)
    await until(() => isDeepStrictEqual(list(), truth))
    expect(client.store.getState().connection.lastSeq).toBe(
      (await backend.service.eventsAfter(dana, { after: Number.MAX_SAFE_INTEGER })).lastSeq,
    )
  })

  it('shows who else is typing, and the connection state', async () => {
    const { make } = setup()
    const danaClient = make()
    const marcusClient = make('tok_usr_marcus')
    await openInbox(danaClient)
    await openInbox(marcusClient)
    marcusClient.actions.setTyping('cnv_000001', true)
    await until(() => (danaClient.store.getState().typing.cnv_000001 ?? []).length > 0)
    expect(danaClient.store.getState().typing.cnv_000001?.[0]).toMatchObject({
      userId: 'usr_marcus',
      name: 'Marcus Bell',
    })
    marcusClient.actions.setViewing('cnv_000001')
    await until(() => (danaClient.store.getState().viewing.cnv_000001 ?? []).length > 0)
    expect(activePresence(danaClient.store.getState().viewing.cnv_000001, VIEWING_TTL)).toMatchObject([
      { userId: 'usr_marcus' },
    ])
    marcusClient.actions.setViewing('cnv_000002')
    await until(() => (danaClient.store.getState().viewing.cnv_000001 ?? []).length === 0)
    expect(danaClient.store.getState().viewing.cnv_000002?.[0]?.userId).toBe('usr_marcus')
    marcusClient.destroy()
    await until(() => (danaClient.store.getState().viewing.cnv_000002 ?? []).length === 0)
    danaClient.disconnect()
    expect(danaClient.store.getState().connection.status).toBe('disconnected')
  })

  it('someone opening a conversation learns at once who already has it open, not at the next heartbeat', async () => {
    const { make } = setup()
    const danaClient = make()
    const marcusClient = make('tok_usr_marcus')
    await openInbox(danaClient)
    await openInbox(marcusClient)
    danaClient.actions.setViewing('cnv_000003')
    // Marcus was not listening for Dana's announcement… (nothing of cnv_000003 is shown to him yet)
    await new Promise((r) => setTimeout(r, 50))
    marcusClient.store.setState({ viewing: {} })
    marcusClient.actions.setViewing('cnv_000003')
    // …and learns she is there as soon as he opens it: she answers the newcomer (well within the 20 s heartbeat).
    await until(() => (marcusClient.store.getState().viewing.cnv_000003 ?? []).length > 0, 2000)
    expect(marcusClient.store.getState().viewing.cnv_000003).toMatchObject([
      { userId: 'usr_dana', name: 'Dana Whitfield' },
    ])
    expect(danaClient.store.getState().viewing.cnv_000003).toMatchObject([{ userId: 'usr_marcus' }])
  })

  it('a socket refused for a bad token ends disconnected with unauthorized', async () => {
    const { backend, make } = setup()
    const client = make()
    await client.connect()
    await until(() => client.store.getState().connection.status === 'connected')
    client.disconnect()
    backend.expireToken('tok_usr_dana')
    const again = make()
    await again.connect().catch(() => undefined)
    expect(again.store.getState().connection.error?.code).toBe('unauthorized')
  })
})

describe('only the badge on screen', () => {
  it('a text after the socket is up reaches the unread totals', async () => {
    const { backend, make } = setup()
    const client = make()
    const totals = await client.queryClient.fetchQuery(client.queries.unread())
    await client.connect()
    await until(() => client.store.getState().connection.status === 'connected')
    await backend.simulateInbound('+16505550177', 'Is Biscuit ready?')
    await until(
      () => client.queryClient.getQueryData<{ messages: number }>(inboxKeys.unread())?.messages === totals.messages + 1,
    )
  })
})

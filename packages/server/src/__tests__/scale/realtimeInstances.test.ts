import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  type ConversationListData,
  createHttpTransport,
  createInboxClient,
  type InboxClient,
  type IoFactory,
  memoryStorageAdapter,
} from '@switchboard/core'
import { io, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type StartedPostgres, type StartedRedis, startPostgres, startRedis } from '../../../../../scripts/services.mjs'
import { loadConfig, type StartedServer, startFromConfig } from '../../index'
import { startSwitchableProxy } from './switchableProxy'

// Two instances on one PostgreSQL and one Redis, and a staff member's client behind a proxy
// that sends it to one instance or the other.
let postgres: StartedPostgres
let redis: StartedRedis
let a: StartedServer
let b: StartedServer
let proxy: Awaited<ReturnType<typeof startSwitchableProxy>>
const dirs: string[] = []
const clients: InboxClient[] = []
const sockets: Socket[] = []

const portOf = (server: StartedServer) => Number(new URL(server.url).port)
const api = (server: StartedServer) => `${server.url}/api/sms`
const until = async (check: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}
const signIn = async (server: StartedServer, userId = 'usr_dana') => {
  const response = await fetch(`${api(server)}/auth/dev-sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clinicId: 'cln_maple', userId }),
  })
  return (await response.json()).token as string
}
const call = async (server: StartedServer, token: string, path: string, body?: unknown) => {
  const response = await fetch(`${api(server)}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return response.json()
}

beforeAll(async () => {
  ;[postgres, redis] = await Promise.all([startPostgres(), startRedis()])
  const url = await postgres.database()
  const files = mkdtempSync(join(tmpdir(), 'switchboard-realtime-'))
  dirs.push(files)
  const start = () =>
    startFromConfig(
      loadConfig({ PORT: '0', DATABASE_URL: url, REDIS_URL: redis.url, FILES_DIR: files, SEED_CONVERSATIONS: '10' }),
      { log: () => undefined },
    )
  ;[a, b] = await Promise.all([start(), start()])
  proxy = await startSwitchableProxy(portOf(a))
})
afterAll(async () => {
  for (const client of clients) client.destroy()
  for (const socket of sockets) socket.disconnect()
  await proxy?.close()
  await Promise.all([a?.stop(), b?.stop()])
  await Promise.all([redis?.stop(), postgres?.stop()])
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** Dana's inbox client, through the proxy; its cached list of every conversation. */
async function openInbox() {
  const token = await signIn(a)
  const client = createInboxClient({
    transport: createHttpTransport({
      baseUrl: `http://127.0.0.1:${proxy.port}/api/sms`,
      getToken: () => token,
      socket: {
        io: io as unknown as IoFactory,
        reconnectionDelay: 20,
        reconnectionDelayMax: 50,
      },
    }),
    storage: memoryStorageAdapter(),
  })
  clients.push(client)
  await client.connect()
  await until(() => client.store.getState().connection.status === 'connected')
  const query = client.queries.conversations({ status: 'all' })
  await client.queryClient.fetchInfiniteQuery(query as never)
  const list = () =>
    (client.queryClient.getQueryData<ConversationListData>(query.queryKey)?.pages ?? []).flatMap((p) => p.items)
  return { client, list, token }
}

describe('two instances, one PostgreSQL, one Redis', () => {
  it('a message sent through one instance reaches a client connected to the other, at once', async () => {
    const { list, token } = await openInbox()
    const [first] = list()
    await call(b, token, `/conversations/${first?.id}/messages`, { body: 'Sent through B', clientMessageId: 'rt-1' })
    await until(() => list()[0]?.lastMessage?.body.startsWith('Sent through B') ?? false)
  })

  it('typing and viewing on one instance show to staff on the other', async () => {
    const { client, list } = await openInbox()
    const conversationId = list()[1]?.id as string
    const marcus = io(b.url, { auth: { token: await signIn(b, 'usr_marcus') }, transports: ['websocket'] })
    sockets.push(marcus)
    await new Promise<void>((resolve) => marcus.once('connect', () => resolve()))
    marcus.emit('typing', { conversationId, typing: true })
    await until(() => (client.store.getState().typing[conversationId] ?? []).some((t) => t.userId === 'usr_marcus'))
    marcus.emit('viewing', { conversationId, viewing: true })
    await until(() => (client.store.getState().viewing[conversationId] ?? []).some((v) => v.userId === 'usr_marcus'))
    // Gone from B: gone from Dana's view on A.
    marcus.disconnect()
    await until(() => !(client.store.getState().viewing[conversationId] ?? []).some((v) => v.userId === 'usr_marcus'))
  })

  it('a client moved to the other instance catches up on what it missed, nothing lost', async () => {
    const { client, list, token } = await openInbox()
    // No instance reachable for a while; meanwhile texts arrive and staff answer, on both.
    proxy.to(null)
    await until(() => client.store.getState().connection.status !== 'connected')
    const [one, two] = list()
    await call(a, token, `/conversations/${one?.id}/messages`, {
      body: 'While away, through A',
      clientMessageId: 'rt-2',
    })
    await call(b, token, `/conversations/${two?.id}/messages`, {
      body: 'While away, through B',
      clientMessageId: 'rt-3',
    })
    proxy.to(portOf(b))
    await until(() => client.store.getState().connection.status === 'connected')
    // Equal to the server's list (read again each time: the simulated network reports deliveries).
    let truth: unknown[] = []
    for (let i = 0; i < 200; i++) {
      truth = (await call(b, token, '/conversations?status=all&limit=200')).items
      if (JSON.stringify(list()) === JSON.stringify(truth)) break
      await new Promise((r) => setTimeout(r, 50))
    }
    expect(list()).toEqual(truth)
    expect(list().map((c) => c.lastMessage?.body.split('\n')[0])).toEqual(
      expect.arrayContaining(['While away, through A', 'While away, through B']),
    )
  })
})

// @vitest-environment jsdom
import type { ServerEvent } from '@switchboard/protocol'
import { setupServer } from 'msw/node'
import type { Socket } from 'socket.io-client'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createMockBackend } from '../index'

const backend = createMockBackend({ seed: { conversations: 5 }, clock: () => new Date('2026-11-30T18:00:00Z') })
const server = setupServer(...backend.handlers)
let io: typeof import('socket.io-client').io
let WebSocketTransport: typeof import('engine.io-client').WebSocket
const sockets: Socket[] = []

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' })
  // engine.io-client keeps the WebSocket it finds when first imported: import it after MSW patched it.
  io = (await import('socket.io-client')).io
  WebSocketTransport = (await import('engine.io-client')).WebSocket
})
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect()
})
afterAll(() => server.close())

function connect(token: string): Socket {
  const socket = io('ws://localhost', { transports: [WebSocketTransport], auth: { token }, reconnection: false })
  sockets.push(socket)
  return socket
}

const connected = (socket: Socket) =>
  new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', (error) => reject(error))
  })

function nextEvents(socket: Socket, count: number): Promise<ServerEvent[]> {
  const received: ServerEvent[] = []
  return new Promise((resolve) => {
    socket.on('event', (event: ServerEvent) => {
      received.push(event)
      if (received.length === count) resolve(received)
    })
  })
}

describe('socket.io over MSW', () => {
  it('pushes every committed event, in seq order, to staff of the clinic', async () => {
    const socket = connect('tok_usr_marcus')
    await connected(socket)
    const events = nextEvents(socket, 3)
    await backend.simulateInbound('+16505550177', 'Hi there')
    const got = await events
    expect(got.map((e) => e.type)).toEqual(['message.created', 'conversation.updated', 'unread.updated'])
    const seqs = got.map((e) => ('seq' in e ? e.seq : 0))
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
  })

  it('refuses a bad token with connect_error', async () => {
    const socket = connect('tok_forged')
    await expect(connected(socket)).rejects.toThrow(/unauthorized/)
  })

  it('relays typing to the other staff, not back to the typist', async () => {
    const dana = connect('tok_usr_dana')
    const marcus = connect('tok_usr_marcus')
    await Promise.all([connected(dana), connected(marcus)])
    const seenByMarcus = nextEvents(marcus, 1)
    const seenByDana: ServerEvent[] = []
    dana.on('event', (e: ServerEvent) => seenByDana.push(e))
    dana.emit('typing', { conversationId: 'cnv_000001', typing: true })
    expect(await seenByMarcus).toEqual([
      { type: 'typing', conversationId: 'cnv_000001', userId: 'usr_dana', name: 'Dana Whitfield', typing: true },
    ])
    expect(seenByDana).toEqual([])
  })

  it('dropSockets closes every socket, as a network drop would', async () => {
    const socket = connect('tok_usr_dana')
    await connected(socket)
    expect(backend.socketCount()).toBeGreaterThan(0)
    const closed = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)))
    backend.dropSockets()
    expect(await closed).toBe('transport close')
    expect(backend.socketCount()).toBe(0)
  })

  it.each([
    // Long enough to connect on a loaded machine; the listeners are in place before it connects.
    ['expires by itself', (_token: string) => undefined, 1000],
    ['is revoked', (token: string) => backend.expireToken(token), 0],
  ])('a session that %s is told and cut off: no message reaches it afterwards', async (_, end, wait) => {
    const token = backend.createToken('usr_marcus', ['messaging'], { expiresInMs: wait || 60_000 })
    const socket = connect(token)
    const received: ServerEvent[] = []
    socket.on('event', (e: ServerEvent) => received.push(e))
    const told = new Promise<unknown>((resolve) => socket.once('session_expired', resolve))
    const cut = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)))
    await connected(socket)
    end(token)
    expect(await told).toEqual({ code: 'unauthorized', message: 'Your session has expired; sign in again.' })
    expect(await cut).toBe('io server disconnect')
    await backend.simulateInbound('+16505550177', 'Private: the biopsy results')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(received).toEqual([])
    // Connecting again with the ended session is refused.
    const again = connect(token)
    await expect(connected(again)).rejects.toThrow(/unauthorized/)
  })
})

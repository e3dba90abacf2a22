import { SEQ_HEADER } from '@switchboard/protocol'
import { io, type Socket } from 'socket.io-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTokens } from '../index'
import { SECRET, startServer } from './serverHarness'

type Running = Awaited<ReturnType<typeof startServer>>
let running: Running
beforeEach(async () => {
  running = await startServer()
})
afterEach(async () => {
  await running.stop()
})

const call = async (path: string, init: RequestInit & { token?: string | null } = {}) => {
  const { token, ...rest } = init
  const headers = new Headers(rest.headers)
  if (token) headers.set('authorization', `Bearer ${token}`)
  const response = await fetch(`${running.api}${path}`, { ...rest, headers })
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null }
}
const waitFor = async (check: () => boolean, ms = 3000) => {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('HTTP', () => {
  it('refuses calls without a valid session, each with a code and a reason', async () => {
    const expired = await createTokens({ secret: SECRET, clock: () => new Date(Date.now() - 9 * 3600_000) }).issue({
      clinicId: 'cln_maple',
      userId: 'usr_dana',
      permissions: ['messaging'],
    })
    const forged = await createTokens({ secret: `${SECRET}-other` }).issue({
      clinicId: 'cln_maple',
      userId: 'usr_dana',
      permissions: ['messaging'],
    })
    for (const token of [null, 'not-a-jwt', expired.token, forged.token]) {
      const { status, body } = await call('/conversations', { token })
      expect(status).toBe(401)
      expect(body.error.code).toBe('unauthorized')
      expect(body.error.message.length).toBeGreaterThan(10)
    }
    expect((await call('/conversations', { token: expired.token })).body.error.message).toMatch(/expired/)
  })

  it('checks permissions and keeps clinics apart', async () => {
    const dana = await running.tokenFor('usr_dana')
    const sam = await running.tokenFor('usr_sam')
    const grace = await running.tokenFor('usr_harbour_admin', 'cln_harbour')
    expect((await call('/conversations', { token: sam })).status).toBe(403)
    const { body, headers } = await call('/conversations?status=all', { token: dana })
    expect(headers.get(SEQ_HEADER)).toMatch(/^\d+$/)
    const id = body.items[0].id as string
    const other = await call(`/conversations/${id}`, { token: grace })
    expect(other.status).toBe(404)
    expect(other.body.error.code).toBe('not_found')
    expect((await call(`/conversations/${id}/read`, { method: 'POST', token: grace })).status).toBe(404)
    expect(
      (await call('/conversations?status=all', { token: grace })).body.items.map((c: { id: string }) => c.id),
    ).not.toContain(id)
  })

  it('lets the allowed origins read the seq header (CORS), and no one else', async () => {
    const preflight = await fetch(`${running.api}/conversations`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'GET' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization')
    const dana = await running.tokenFor('usr_dana')
    const allowed = await call('/unread', { token: dana, headers: { origin: 'http://localhost:3000' } })
    expect(allowed.headers.get('access-control-expose-headers')).toBe(SEQ_HEADER)
    const other = await call('/unread', { token: dana, headers: { origin: 'https://evil.example' } })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('signs seeded staff in for development, and limits the attempts', async () => {
    const staff = await call('/auth/staff')
    expect(staff.body.some((s: { id: string }) => s.id === 'usr_sam')).toBe(true)
    const signIn = (userId: string) =>
      call('/auth/dev-sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ clinicId: 'cln_maple', userId }),
      })
    const ok = await signIn('usr_priya')
    expect(ok.status).toBe(200)
    expect((await call('/me', { token: ok.body.token })).body.user.id).toBe('usr_priya')
    expect((await signIn('usr_nobody')).status).toBe(401)
    let last = 0
    for (let i = 0; i < 10; i++) last = (await signIn('usr_dana')).status
    expect(last).toBe(429)
  })
})

describe('send limit', () => {
  it('refuses a staff user past the texts a minute allows, with when to try again; others still send', async () => {
    await running.stop()
    running = await startServer({ sendsPerMinute: 3 })
    const [dana, priya] = [await running.tokenFor('usr_dana'), await running.tokenFor('usr_priya')]
    const { body } = await call('/conversations?status=open', { token: dana })
    const id = body.items[0].id as string
    const reply = (token: string, n: number) =>
      call(`/conversations/${id}/messages`, {
        method: 'POST',
        token,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ body: `Reply ${n}`, clientMessageId: `limit-${token.slice(-6)}-${n}` }),
      })
    for (let n = 0; n < 3; n++) expect((await reply(dana, n)).status).toBe(201)
    const refused = await reply(dana, 3)
    expect(refused.status).toBe(429)
    expect(refused.body.error.code).toBe('rate_limited')
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await reply(priya, 0)).status).toBe(201)
    expect((await call(`/conversations/${id}/read`, { method: 'POST', token: dana })).status).toBe(200)
  })
})

describe('sockets', () => {
  const connect = (token: string | null) => {
    const socket: Socket = io(running.url, {
      auth: token ? { token } : {},
      transports: ['websocket'],
      reconnection: false,
    })
    const events: Array<{ type: string }> = []
    const state = {
      error: null as null | { data?: { code?: string } },
      connected: false,
      expired: false,
      closed: false,
    }
    socket.on('event', (e) => events.push(e))
    // Recorded, not polled: a socket can connect and be closed between two looks at `connected`.
    socket.on('connect', () => {
      state.connected = true
    })
    socket.on('connect_error', (e) => {
      state.error = e as never
    })
    socket.on('session_expired', () => {
      state.expired = true
    })
    socket.on('disconnect', () => {
      state.closed = true
    })
    return { socket, events, state }
  }

  it('refuses a socket without a session or without SMS access', async () => {
    const none = connect(null)
    const sam = connect(await running.tokenFor('usr_sam'))
    await waitFor(() => none.state.error !== null && sam.state.error !== null)
    expect(none.state.error?.data?.code).toBe('unauthorized')
    expect(sam.state.error?.data?.code).toBe('forbidden')
    none.socket.close()
    sam.socket.close()
  })

  it("sends a clinic's events to its own staff only, and relays typing to the others", async () => {
    const dana = connect(await running.tokenFor('usr_dana'))
    const marcus = connect(await running.tokenFor('usr_marcus'))
    const grace = connect(await running.tokenFor('usr_harbour_admin', 'cln_harbour'))
    await waitFor(() => dana.socket.connected && marcus.socket.connected && grace.socket.connected)
    await running.service.receiveInbound({ to: '+14155550100', from: '+16505550182', body: 'Is Luna ready?' })
    await waitFor(() => dana.events.some((e) => e.type === 'message.created'))
    const [conversation] = (
      await running.service.listConversations(
        { clinicId: 'cln_maple', userId: 'usr_dana', permissions: ['messaging'] },
        { status: 'all' },
      )
    ).items
    dana.socket.emit('typing', { conversationId: conversation?.id, typing: true })
    await waitFor(() => marcus.events.some((e) => e.type === 'typing'))
    await new Promise((r) => setTimeout(r, 100))
    expect(dana.events.some((e) => e.type === 'typing')).toBe(false)
    expect(grace.events).toEqual([])
    for (const s of [dana, marcus, grace]) s.socket.close()
  })

  it('tells a socket its session expired and closes it', async () => {
    // Long enough to connect on a busy machine (2 cores running every test project at once).
    const shortLived = await createTokens({ secret: SECRET, ttlSeconds: 3 }).issue({
      clinicId: 'cln_maple',
      userId: 'usr_dana',
      permissions: ['messaging'],
    })
    const dana = connect(shortLived.token)
    await waitFor(() => dana.state.connected, 2500)
    await waitFor(() => dana.state.expired && dana.state.closed, 6000)
    await running.service.receiveInbound({ to: '+14155550100', from: '+16505550183', body: 'private details' })
    await new Promise((r) => setTimeout(r, 100))
    expect(dana.events).toEqual([])
    dana.socket.close()
  })

  it('closes sockets and answers the requests in flight on shutdown', async () => {
    await running.stop()
    running = await startServer({ slowMs: 300 })
    const dana = connect(await running.tokenFor('usr_dana'))
    await waitFor(() => dana.socket.connected)
    const token = await running.tokenFor('usr_dana')
    const inFlight = call('/conversations?status=all', { token })
    await new Promise((r) => setTimeout(r, 100))
    const stopping = running.server.close()
    expect((await inFlight).status).toBe(200)
    await stopping
    expect(dana.state.closed).toBe(true)
    await expect(fetch(`${running.api}/me`)).rejects.toThrow()
    running.stop = async () => running.storage.close()
  })
})

import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { api, BASE, MARCUS, SAM, useMockBackend } from './harness'

const mock = useMockBackend()

/** One lead conversation to act on. */
async function lead(body?: string) {
  const { json } = await api('POST', '/conversations', { body: { phone: '(650) 555-0177', ...(body ? { body } : {}) } })
  return json.conversation.id as string
}

/**
 * Each route of the contract: a success, a validation error and a permission error. Cases that
 * need no validation (plain reads) check the 403 and the 404 instead.
 */
describe('routing', () => {
  it('finds each route by method and path: parameters decoded, a trailing slash and letter case as MSW read them', async () => {
    const id = await lead()
    expect((await api('GET', `/conversations/${id}`)).json.id).toBe(id)
    expect((await api('GET', `/conversations/${id}/`)).json.id).toBe(id)
    expect((await api('GET', `/Conversations/${id}/Messages`)).status).toBe(200)
    // `:phone` comes decoded: '+' and spaces written as %2B and %20.
    const blocked = await api('POST', `/contacts/${encodeURIComponent('+1 650 555 0177')}/block`)
    expect(blocked.status).toBe(200)
    // The first route in the table wins: /attachments/library is not /attachments/:id.
    expect((await api('GET', '/attachments/library')).status).toBe(200)
    // A method a path does not have, and a path with one segment too many, are the coded 404.
    expect((await api('PUT', '/team')).json.error.code).toBe('not_found')
    expect((await api('GET', `/conversations/${id}/messages/more`)).json.error.code).toBe('not_found')
  })

  it("a host's own handler, put first, answers instead of the contract's route", async () => {
    mock.server.use(http.get(`${BASE}/team`, () => HttpResponse.json({ items: [], stubbed: true })))
    expect((await api('GET', '/team')).json).toEqual({ items: [], stubbed: true })
    expect((await api('GET', '/inboxes')).status).toBe(200)
  })
})

describe('HTTP contract', () => {
  it('GET /me: the user, clinic and limits; answers without messaging too; 401 without a token', async () => {
    const me = await api('GET', '/me')
    expect(me.status).toBe(200)
    expect(me.json).toMatchObject({ user: { id: 'usr_dana' }, clinic: { smsNumber: '+14155550100', mode: 'two-way' } })
    expect((await api('GET', '/me', { token: SAM })).json.user.permissions).toEqual([])
    const anonymous = await api('GET', '/me', { token: null })
    expect(anonymous).toMatchObject({ status: 401, json: { error: { code: 'unauthorized' } } })
  })

  it('every reply carries the event-log position it reflects (switchboard-seq); a change its own last event', async () => {
    const head = async () => (await api('GET', '/events?after=0')).json.lastSeq as number
    const list = await api('GET', '/conversations?status=all')
    expect(list.seq).toBe(await head())
    const id = list.json.items[0].id
    const closed = await api('PATCH', `/conversations/${id}`, { body: { status: 'closed' } })
    expect(closed.seq).toBe(await head())
    expect(closed.seq).toBeGreaterThan(list.seq!)
    const { json: log } = await api('GET', `/events?after=${list.seq}`)
    const snapshot = log.events.find((e: { type: string }) => e.type === 'conversation.updated')
    expect(snapshot.conversation).toEqual(closed.json)
    expect((await api('DELETE', `/conversations/${id}`)).seq).toBe(await head())
    expect((await api('GET', '/team')).seq).toBe(await head())
    expect((await api('GET', '/conversations/cnv_nope')).seq).toBeNull() // errors are not stamped
  })

  it('an expired session answers 401 unauthorized with a readable message', async () => {
    mock.backend.expireToken('tok_usr_dana')
    const expired = await api('GET', '/conversations')
    expect(expired.status).toBe(401)
    expect(expired.json.error).toEqual({ code: 'unauthorized', message: 'Your session has expired; sign in again.' })
    expect((await api('GET', '/me', { token: 'tok_forged' })).status).toBe(401)
  })

  it('GET /conversations: filtered, paged; 422 on a bad filter; 403 without messaging', async () => {
    const first = await api('GET', '/conversations?status=all&limit=10')
    expect(first.status).toBe(200)
    expect(first.json.items).toHaveLength(10)
    const second = await api('GET', `/conversations?status=all&limit=10&cursor=${first.json.nextCursor}`)
    expect(second.json.items[0].id).not.toBe(first.json.items[0].id)
    const unread = await api('GET', '/conversations?status=unread&contactType=leads')
    expect(unread.json.items.every((c: any) => c.client === null && (c.unreadCount > 0 || c.markedUnread))).toBe(true)
    expect((await api('GET', '/conversations?status=nope')).json.error.code).toBe('validation_failed')
    expect((await api('GET', '/conversations?limit=1000')).status).toBe(422)
    expect((await api('GET', '/conversations', { token: SAM })).json.error.code).toBe('forbidden')
  })

  it('POST /conversations: 201 when created, 200 with the open one; 422 invalid phone; 409 opted out', async () => {
    const created = await api('POST', '/conversations', { body: { phone: '6505550177', body: 'Hello' } })
    expect(created.status).toBe(201)
    expect(created.json.message.body).toBe('Hello\n\nReply STOP to opt out.')
    const again = await api('POST', '/conversations', { body: { phone: '+16505550177' } })
    expect(again).toMatchObject({
      status: 200,
      json: { created: false, conversation: { id: created.json.conversation.id } },
    })
    const invalid = await api('POST', '/conversations', { body: { phone: '12' } })
    expect(invalid).toMatchObject({ status: 422, json: { error: { code: 'invalid_phone' } } })
    expect((await api('POST', '/conversations', { body: '{not json' })).json.error.code).toBe('validation_failed')
    await mock.backend.simulateInbound('+16505550177', 'STOP')
    const refused = await api('POST', '/conversations', { body: { phone: '6505550177', body: 'Hi' } })
    expect(refused).toMatchObject({ status: 409, json: { error: { code: 'recipient_opted_out' } } })
    expect((await api('POST', '/conversations', { token: SAM, body: { phone: '6505550177' } })).status).toBe(403)
  })

  it('GET, PATCH, DELETE /conversations/:id', async () => {
    const id = await lead()
    expect((await api('GET', `/conversations/${id}`)).json.id).toBe(id)
    expect((await api('GET', '/conversations/cnv_nope')).status).toBe(404)
    const closed = await api('PATCH', `/conversations/${id}`, {
      body: { status: 'closed', assigneeId: 'usr_marcus', inboxId: 'inb_front' },
    })
    expect(closed.json).toMatchObject({ status: 'closed', assigneeId: 'usr_marcus', inboxId: 'inb_front' })
    expect((await api('PATCH', `/conversations/${id}`, { body: { status: 'archived' } })).status).toBe(422)
    expect((await api('PATCH', `/conversations/${id}`, { body: {} })).status).toBe(422)
    expect((await api('PATCH', `/conversations/${id}`, { token: SAM, body: { status: 'open' } })).status).toBe(403)
    expect((await api('DELETE', `/conversations/${id}`, { token: MARCUS })).json.error.code).toBe('forbidden')
    expect((await api('DELETE', `/conversations/${id}`)).status).toBe(204)
    expect((await api('GET', `/conversations/${id}`)).status).toBe(404)
  })

  it('POST /conversations/:id/read and /unread', async () => {
    await mock.backend.simulateInbound('+16505550177', 'hi')
    const id = (await api('GET', '/conversations?q=6505550177')).json.items[0].id
    expect((await api('POST', `/conversations/${id}/read`)).json).toMatchObject({ unreadCount: 0, markedUnread: false })
    expect((await api('POST', `/conversations/${id}/unread`)).json.markedUnread).toBe(true)
    expect((await api('POST', '/conversations/cnv_nope/read')).status).toBe(404)
    expect((await api('POST', `/conversations/${id}/unread`, { token: SAM })).status).toBe(403)
  })

  it('POST /conversations/:id/client: existing or new client; 422 and 403', async () => {
    const id = await lead()
    const client = mock.backend.service
    const existing = (await api('GET', '/clients?q=')).json[0]
    const linked = await api('POST', `/conversations/${id}/client`, { body: { clientId: existing.id } })
    expect(linked.json.client.id).toBe(existing.id)
    const other = await api('POST', '/conversations', { body: { phone: '6505550178' } })
    const created = await api('POST', `/conversations/${other.json.conversation.id}/client`, {
      body: { newClient: { firstName: 'Ana', lastName: 'Silva' } },
    })
    expect(created.json.client).toMatchObject({ firstName: 'Ana', lastName: 'Silva' })
    expect((await api('POST', `/conversations/${id}/client`, { body: { clientId: 'x', newClient: {} } })).status).toBe(
      422,
    )
    const forbidden = await api('POST', `/conversations/${id}/client`, {
      token: MARCUS,
      body: { newClient: { firstName: 'A', lastName: 'B' } },
    })
    expect(forbidden.status).toBe(403)
    expect(client).toBeDefined()
  })

  it('GET and POST /conversations/:id/messages: history pages and idempotent sends', async () => {
    const id = await lead()
    const body = { clientMessageId: 'c1', body: 'First' }
    const sent = await api('POST', `/conversations/${id}/messages`, { token: MARCUS, body })
    expect(sent.status).toBe(201)
    expect(sent.json).toMatchObject({ clientMessageId: 'c1', author: { name: 'Marcus Bell' }, status: 'sending' })
    const repeat = await api('POST', `/conversations/${id}/messages`, { token: MARCUS, body })
    expect(repeat.json.id).toBe(sent.json.id)
    for (let i = 2; i <= 5; i++)
      await api('POST', `/conversations/${id}/messages`, { body: { clientMessageId: `c${i}`, body: `#${i}` } })
    const newest = await api('GET', `/conversations/${id}/messages?limit=2`)
    expect(newest.json.items.map((m: any) => m.seq)).toEqual([4, 5])
    const older = await api('GET', `/conversations/${id}/messages?limit=2&before=${newest.json.nextBefore}`)
    expect(older.json.items.map((m: any) => m.seq)).toEqual([2, 3])
    expect((await api('POST', `/conversations/${id}/messages`, { body: { clientMessageId: 'x' } })).status).toBe(422)
    expect((await api('GET', `/conversations/${id}/messages?before=abc`)).status).toBe(422)
    expect((await api('POST', `/conversations/${id}/messages`, { token: SAM, body })).status).toBe(403)
    mock.backend.gateway.failNext('30003', 'Unreachable')
    const failed = await api('POST', `/conversations/${id}/messages`, {
      body: { clientMessageId: 'f1', body: 'Again?' },
    })
    const resend = (clientMessageId: string) =>
      api('POST', `/conversations/${id}/messages/${failed.json.id}/resend`, { body: { clientMessageId } })
    const again = await resend('f2')
    expect(again.status).toBe(201)
    expect(again.json).toMatchObject({ clientMessageId: 'f2', body: failed.json.body })
    expect((await resend('f3')).json.error.code).toBe('conflict')
    await api('POST', '/contacts/6505550177/block')
    const blocked = await api('POST', `/conversations/${id}/messages`, { body: { clientMessageId: 'c9', body: 'x' } })
    expect(blocked).toMatchObject({ status: 409, json: { error: { code: 'recipient_blocked' } } })
  })

  it('POST /attachments (multipart) and GET /attachments/library; files are served safely', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4])
    const upload = (data: Uint8Array, name: string, token = 'tok_usr_dana') => {
      const form = new FormData()
      form.set('file', new Blob([data as Uint8Array<ArrayBuffer>], { type: 'image/png' }), name)
      return fetch('http://localhost/api/attachments', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      })
    }
    const ok = await upload(png, 'x-ray.png')
    expect(ok.status).toBe(201)
    const attachment = await ok.json()
    expect(attachment).toMatchObject({
      name: 'x-ray.png',
      contentType: 'image/png',
      url: expect.stringMatching(
        new RegExp(`^http://localhost/api/files/${attachment.id}\\?c=cln_maple&exp=\\d+&sig=[0-9a-f]{64}$`),
      ),
    })
    const file = await fetch(attachment.url)
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(png)
    expect(file.headers.get('x-content-type-options')).toBe('nosniff')
    const svg = await upload(new TextEncoder().encode('<svg/>'), 'a.svg')
    expect(svg.status).toBe(415)
    expect((await svg.json()).error.code).toBe('attachment_type_not_allowed')
    expect((await upload(png, 'a.png', 'tok_usr_sam')).status).toBe(403)
    const notMultipart = await api('POST', '/attachments', { body: { file: 'x' } })
    expect(notMultipart).toMatchObject({ status: 422, json: { error: { code: 'validation_failed' } } })
    const library = await api('GET', '/attachments/library')
    expect(library.json.map((a: any) => a.name)).toContain('Dental aftercare.pdf')
    const pdf = await fetch(library.json.find((a: any) => a.contentType === 'application/pdf').url)
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment;/)
    expect((await api('GET', '/attachments/library', { token: SAM })).status).toBe(403)
  })

  it('/clients: search, create, read, edit, history', async () => {
    const created = await api('POST', '/clients', {
      body: { firstName: 'Ana', lastName: 'Silva', phones: ['6505550177'] },
    })
    expect(created.status).toBe(201)
    const id = created.json.id
    expect((await api('GET', '/clients?q=silva')).json.map((c: any) => c.id)).toContain(id)
    expect((await api('GET', `/clients/${id}`)).json.phones).toEqual(['+16505550177'])
    expect((await api('PATCH', `/clients/${id}`, { body: { lastName: 'Souza' } })).json.lastName).toBe('Souza')
    await mock.backend.simulateInbound('+16505550177', 'Hi from Ana')
    const history = (await api('GET', `/clients/${id}/messages`)).json
    expect(history.items.map((m: any) => m.body)).toEqual(['Hi from Ana'])
    expect(history.nextBefore).toBeNull()
    expect((await api('GET', `/clients/${id}/messages?before=damaged`)).status).toBe(422)
    expect((await api('POST', '/clients', { body: { firstName: '' } })).status).toBe(422)
    expect((await api('PATCH', `/clients/${id}`, { body: { email: 'nope' } })).status).toBe(422)
    expect((await api('POST', '/clients', { token: MARCUS, body: { firstName: 'A', lastName: 'B' } })).status).toBe(403)
    expect((await api('GET', '/clients?q=a', { token: SAM })).status).toBe(403)
    expect((await api('GET', '/clients/cli_nope')).status).toBe(404)
  })

  it('/contacts: block, unblock, opted-out list, consent', async () => {
    expect((await api('POST', '/contacts/%2B16505550177/block')).json).toMatchObject({
      phone: '+16505550177',
      blocked: true,
    })
    expect((await api('POST', '/contacts/6505550177/unblock')).json.blocked).toBe(false)
    expect((await api('POST', '/contacts/abc/block')).json.error.code).toBe('invalid_phone')
    expect((await api('POST', '/contacts/6505550177/block', { token: MARCUS })).status).toBe(403)
    await mock.backend.simulateInbound('+16505550177', 'STOP')
    const optedOut = await api('GET', '/contacts?optedOut=true')
    expect(optedOut.json.map((c: any) => c.phone)).toContain('+16505550177')
    expect((await api('GET', '/contacts?optedOut=maybe')).status).toBe(422)
    const consent = await api('POST', '/contacts/6505550178/consent', {
      body: { status: 'granted', method: 'verbal', scope: 'marketing' },
    })
    expect(consent.json.consent[0]).toMatchObject({ method: 'verbal', recordedBy: 'usr_dana' })
    expect((await api('POST', '/contacts/6505550178/consent', { body: { status: 'granted' } })).status).toBe(422)
    expect((await api('GET', '/contacts', { token: SAM })).status).toBe(403)
  })

  it('/inboxes, /team, /templates, /unread', async () => {
    expect((await api('GET', '/inboxes')).json.map((i: any) => i.name)).toEqual(['Front desk', 'Billing', 'Surgery'])
    expect((await api('POST', '/inboxes', { body: { name: 'Pharmacy' } })).status).toBe(201)
    expect((await api('POST', '/inboxes', { body: { name: 'pharmacy' } })).status).toBe(409)
    expect((await api('POST', '/inboxes', { body: { name: '' } })).status).toBe(422)
    expect((await api('POST', '/inboxes', { token: MARCUS, body: { name: 'X' } })).status).toBe(403)
    expect((await api('GET', '/team')).json).toHaveLength(6)
    expect((await api('GET', '/templates')).json.length).toBeGreaterThan(3)
    const unread = await api('GET', '/unread')
    expect(unread.json.conversations).toBeGreaterThan(0)
    for (const path of ['/inboxes', '/team', '/templates', '/unread'])
      expect((await api('GET', path, { token: SAM })).status).toBe(403)
  })

  it('/settings and /metrics', async () => {
    const settings = (await api('GET', '/settings')).json
    const changed = { ...settings, optOutFooter: 'Text STOP to end.' }
    expect((await api('PUT', '/settings', { body: changed })).json.optOutFooter).toBe('Text STOP to end.')
    expect(
      (await api('PUT', '/settings', { body: { ...changed, businessHours: { ...changed.businessHours, weekly: [] } } }))
        .status,
    ).toBe(422)
    expect((await api('PUT', '/settings', { token: MARCUS, body: changed })).status).toBe(403)
    const metrics = await api('GET', '/metrics?from=2026-10-01T00:00:00Z&to=2026-12-01T00:00:00Z')
    expect(metrics.json.totals.received).toBeGreaterThan(0)
    expect((await api('GET', '/metrics?from=yesterday')).status).toBe(422)
    expect(
      (await api('GET', '/metrics?from=2026-10-01T00:00:00Z&to=2026-12-01T00:00:00Z', { token: SAM })).status,
    ).toBe(403)
  })

  it('GET /events: missed events after a seq; 422 without one; 403 without messaging', async () => {
    await mock.backend.simulateInbound('+16505550177', 'hi')
    const events = await api('GET', '/events?after=0')
    expect(events.json.events.map((e: any) => e.type)).toEqual([
      'message.created',
      'conversation.updated',
      'unread.updated',
    ])
    expect((await api('GET', `/events?after=${events.json.lastSeq}`)).json.events).toEqual([])
    expect((await api('GET', '/events')).status).toBe(422)
    expect((await api('GET', '/events?after=0', { token: SAM })).status).toBe(403)
  })
})

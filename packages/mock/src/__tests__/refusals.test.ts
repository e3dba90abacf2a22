import { describe, expect, it } from 'vitest'
import { api, BASE, MARCUS, SAM, useMockBackend } from './harness'

const mock = useMockBackend()

/** Everything a write could change: both clinics' tables and logs, files, texts and e-mails sent. */
function state() {
  const b = mock.backend
  return {
    clinics: b.storage.clinicIds().map((id) => b.storage.dump(id)),
    files: b.files.size(),
    texts: b.gateway.sent.length,
    mails: b.mailer.sent.length,
  }
}

/** A lead, an opted-out contact, a blocked one and an upload, made before each refusal. */
async function fixtures() {
  const lead = (await api('POST', '/conversations', { body: { phone: '6505550177' } })).json.conversation.id as string
  const optedOut = (await mock.backend.simulateInbound('+16505550178', 'STOP')).conversationId
  const blocked = (await mock.backend.simulateInbound('+16505550179', 'spam')).conversationId
  await api('POST', '/contacts/6505550179/block')
  const form = new FormData()
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4])
  form.set('file', new Blob([png], { type: 'image/png' }), 'x.png')
  const upload = await fetch(`${BASE}/attachments`, {
    method: 'POST',
    headers: { authorization: 'Bearer tok_usr_dana' },
    body: form,
  }).then((r) => r.json())
  const client = (await api('GET', '/clients?q=')).json[0].id as string
  await api('POST', `/conversations/${lead}/messages`, { body: { clientMessageId: 'used', body: 'first' } })
  return { lead, optedOut, blocked, upload: upload.id as string, client }
}
type Fixtures = Awaited<ReturnType<typeof fixtures>>

function multipart(name: string, bytes: Uint8Array, token = 'tok_usr_dana') {
  const form = new FormData()
  form.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), name)
  return fetch(`${BASE}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  }).then(async (r) => ({ status: r.status, json: await r.json() }))
}

const long = (n: number) => 'x'.repeat(n)

/** [what, call, expected code]: one refusal of every write route, each kind of reason. */
const refusals: Array<[string, (f: Fixtures) => Promise<{ status: number; json: any }>, string]> = [
  [
    'start: invalid number',
    () => api('POST', '/conversations', { body: { phone: '12', body: 'hi' } }),
    'invalid_phone',
  ],
  [
    'start: the clinic’s number',
    () => api('POST', '/conversations', { body: { phone: '4155550100' } }),
    'invalid_phone',
  ],
  [
    'start: opted out',
    () => api('POST', '/conversations', { body: { phone: '6505550178', body: 'hi' } }),
    'recipient_opted_out',
  ],
  [
    'start: new number, unknown attachment',
    () => api('POST', '/conversations', { body: { phone: '6505550190', body: 'hi', attachmentIds: ['att_x'] } }),
    'not_found',
  ],
  [
    'start: new number, eleven attachments',
    (f) => api('POST', '/conversations', { body: { phone: '6505550190', attachmentIds: Array(11).fill(f.upload) } }),
    'validation_failed',
  ],
  [
    'start: no messaging',
    () => api('POST', '/conversations', { token: SAM, body: { phone: '6505550190' } }),
    'forbidden',
  ],
  ['start: not JSON', () => api('POST', '/conversations', { body: '{"phone":' }), 'validation_failed'],
  [
    'patch: bad status',
    (f) => api('PATCH', `/conversations/${f.lead}`, { body: { status: 'archived' } }),
    'validation_failed',
  ],
  [
    'patch: good status, unknown inbox',
    (f) =>
      api('PATCH', `/conversations/${f.lead}`, {
        body: { status: 'closed', assigneeId: 'usr_marcus', inboxId: 'inb_x' },
      }),
    'not_found',
  ],
  [
    'patch: unknown assignee',
    (f) => api('PATCH', `/conversations/${f.lead}`, { body: { assigneeId: 'usr_x' } }),
    'not_found',
  ],
  [
    'patch: assignee without messaging',
    (f) => api('PATCH', `/conversations/${f.lead}`, { body: { assigneeId: 'usr_sam' } }),
    'validation_failed',
  ],
  [
    'patch: unknown field',
    (f) => api('PATCH', `/conversations/${f.lead}`, { body: { status: 'closed', unreadCount: 0 } }),
    'validation_failed',
  ],
  [
    'patch: unknown conversation',
    () => api('PATCH', '/conversations/cnv_x', { body: { status: 'closed' } }),
    'not_found',
  ],
  ['delete: no delete permission', (f) => api('DELETE', `/conversations/${f.lead}`, { token: MARCUS }), 'forbidden'],
  ['delete: unknown conversation', () => api('DELETE', '/conversations/cnv_x'), 'not_found'],
  ['read: unknown conversation', () => api('POST', '/conversations/cnv_x/read'), 'not_found'],
  ['unread: no messaging', (f) => api('POST', `/conversations/${f.lead}/unread`, { token: SAM }), 'forbidden'],
  [
    'assign to client: unknown client',
    (f) => api('POST', `/conversations/${f.lead}/client`, { body: { clientId: 'cli_x' } }),
    'not_found',
  ],
  [
    'assign to client: new client without clients.edit',
    (f) =>
      api('POST', `/conversations/${f.lead}/client`, {
        token: MARCUS,
        body: { newClient: { firstName: 'A', lastName: 'B' } },
      }),
    'forbidden',
  ],
  [
    'assign to client: name with a line break',
    (f) =>
      api('POST', `/conversations/${f.lead}/client`, { body: { newClient: { firstName: 'A\r\nB', lastName: 'C' } } }),
    'validation_failed',
  ],
  [
    'send: opted out',
    (f) => api('POST', `/conversations/${f.optedOut}/messages`, { body: { clientMessageId: 'n1', body: 'hi' } }),
    'recipient_opted_out',
  ],
  [
    'send: blocked',
    (f) => api('POST', `/conversations/${f.blocked}/messages`, { body: { clientMessageId: 'n2', body: 'hi' } }),
    'recipient_blocked',
  ],
  [
    'send: unknown attachment',
    (f) =>
      api('POST', `/conversations/${f.lead}/messages`, { body: { clientMessageId: 'n3', attachmentIds: ['att_x'] } }),
    'not_found',
  ],
  [
    'send: too long',
    (f) => api('POST', `/conversations/${f.lead}/messages`, { body: { clientMessageId: 'n4', body: long(1601) } }),
    'validation_failed',
  ],
  [
    'send: id used in another conversation',
    (f) => api('POST', `/conversations/${f.optedOut}/messages`, { body: { clientMessageId: 'used', body: 'x' } }),
    'conflict',
  ],
  [
    'send: unknown conversation',
    () => api('POST', '/conversations/cnv_x/messages', { body: { clientMessageId: 'n5', body: 'x' } }),
    'not_found',
  ],
  [
    'upload: SVG',
    () => multipart('a.png', new TextEncoder().encode('<svg onload="alert(1)"/>')),
    'attachment_type_not_allowed',
  ],
  ['upload: empty', () => multipart('a.png', new Uint8Array()), 'validation_failed'],
  [
    'upload: no messaging',
    () => multipart('a.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'tok_usr_sam'),
    'forbidden',
  ],
  ['upload: not multipart', () => api('POST', '/attachments', { body: { file: 'x' } }), 'validation_failed'],
  [
    'create client: no clients.edit',
    () => api('POST', '/clients', { token: MARCUS, body: { firstName: 'A', lastName: 'B' } }),
    'forbidden',
  ],
  [
    'create client: clinic’s number',
    () => api('POST', '/clients', { body: { firstName: 'A', lastName: 'B', phones: ['4155550100', '6505550191'] } }),
    'invalid_phone',
  ],
  [
    'create client: a name of 101 characters',
    () => api('POST', '/clients', { body: { firstName: long(101), lastName: 'B' } }),
    'validation_failed',
  ],
  [
    'edit client: bad e-mail',
    (f) => api('PATCH', `/clients/${f.client}`, { body: { firstName: 'Ok', email: 'not-an-email' } }),
    'validation_failed',
  ],
  [
    'edit client: second number invalid',
    (f) => api('PATCH', `/clients/${f.client}`, { body: { phones: ['6505550192', '12'] } }),
    'invalid_phone',
  ],
  ['edit client: unknown', () => api('PATCH', '/clients/cli_x', { body: { firstName: 'A' } }), 'not_found'],
  ['block: no block permission', () => api('POST', '/contacts/6505550177/block', { token: MARCUS }), 'forbidden'],
  ['block: invalid number', () => api('POST', '/contacts/12/block'), 'invalid_phone'],
  ['unblock: invalid number', () => api('POST', '/contacts/abc/unblock'), 'invalid_phone'],
  [
    'consent: unknown method',
    () =>
      api('POST', '/contacts/6505550177/consent', {
        body: { status: 'granted', scope: 'marketing', method: 'telepathy' },
      }),
    'validation_failed',
  ],
  [
    'consent: note with controls',
    () =>
      api('POST', '/contacts/6505550177/consent', {
        body: { status: 'granted', scope: 'marketing', method: 'verbal', note: 'ok\u202E' },
      }),
    'validation_failed',
  ],
  ['inbox: duplicate name', () => api('POST', '/inboxes', { body: { name: 'front DESK' } }), 'conflict'],
  ['inbox: two lines', () => api('POST', '/inboxes', { body: { name: 'Front\nDesk 2' } }), 'validation_failed'],
  ['inbox: no permission', () => api('POST', '/inboxes', { token: MARCUS, body: { name: 'Mine' } }), 'forbidden'],
  [
    'settings: a 1 MB auto-reply',
    async () => {
      const settings = (await api('GET', '/settings')).json
      return api('PUT', '/settings', { body: { ...settings, autoReply: { enabled: true, text: long(1_000_000) } } })
    },
    'validation_failed',
  ],
  [
    'settings: two recipients in one',
    async () => {
      const settings = (await api('GET', '/settings')).json
      return api('PUT', '/settings', {
        body: { ...settings, afterHoursAlert: { enabled: true, recipients: ['a@b.example,c@d.example'] } },
      })
    },
    'validation_failed',
  ],
  [
    'settings: no permission',
    async () => {
      const settings = (await api('GET', '/settings')).json
      return api('PUT', '/settings', { token: MARCUS, body: settings })
    },
    'forbidden',
  ],
]

describe('a refused write changes nothing', () => {
  it.each(refusals)('%s', async (_, call, code) => {
    const f = await fixtures()
    const before = state()
    const { status, json } = await call(f)
    expect(json?.error?.code, JSON.stringify(json)).toBe(code)
    expect(status).toBeGreaterThanOrEqual(400)
    expect(status).toBeLessThan(500)
    expect(json.error.message.length).toBeGreaterThan(10)
    expect(state()).toEqual(before)
  })
})

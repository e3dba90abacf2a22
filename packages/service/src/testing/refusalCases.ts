/** A reply of the HTTP contract, read as JSON. */
export interface Answer {
  status: number
  // biome-ignore lint/suspicious/noExplicitAny: the JSON of any route, read field by field by the checks
  json: any
}

/** What a refusal case may call: the API as a staff user, an upload, and what the fixtures made. */
export interface RefusalContext {
  /** Calls the API; `token` defaults to the admin's (every permission). */
  api(method: string, path: string, options?: { token?: string; body?: unknown }): Promise<Answer>
  /** Uploads `bytes` as a multipart file named `name`. */
  upload(name: string, bytes: Uint8Array, token?: string): Promise<Answer>
  tokens: { admin: string; messaging: string; noSms: string }
  /** A lead's conversation with one text sent, an opted-out one, a blocked one; an upload; a client. */
  lead: string
  optedOut: string
  blocked: string
  uploadId: string
  clientId: string
}

const long = (n: number) => 'x'.repeat(n)
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4])

/** Phones the fixtures text from; no seeded clinic has them. */
export const FIXTURE_PHONES = { lead: '6505550177', optedOut: '6505550178', blocked: '6505550179' }

/** The PNG the fixtures upload. */
export const FIXTURE_PNG = PNG

const settingsWith = async (c: RefusalContext, change: Record<string, unknown>, token?: string) => {
  const settings = (await c.api('GET', '/settings')).json
  return c.api('PUT', '/settings', { ...(token ? { token } : {}), body: { ...settings, ...change } })
}

/** [what, call, expected code]: one refusal of every write route, each kind of reason. */
export const REFUSALS: Array<[string, (c: RefusalContext) => Promise<Answer>, string]> = [
  [
    'start: invalid number',
    (c) => c.api('POST', '/conversations', { body: { phone: '12', body: 'hi' } }),
    'invalid_phone',
  ],
  [
    'start: the clinic’s number',
    (c) => c.api('POST', '/conversations', { body: { phone: '4155550100' } }),
    'invalid_phone',
  ],
  [
    'start: opted out',
    (c) => c.api('POST', '/conversations', { body: { phone: FIXTURE_PHONES.optedOut, body: 'hi' } }),
    'recipient_opted_out',
  ],
  [
    'start: new number, unknown attachment',
    (c) => c.api('POST', '/conversations', { body: { phone: '6505550190', body: 'hi', attachmentIds: ['att_x'] } }),
    'not_found',
  ],
  [
    'start: new number, eleven attachments',
    (c) =>
      c.api('POST', '/conversations', { body: { phone: '6505550190', attachmentIds: Array(11).fill(c.uploadId) } }),
    'validation_failed',
  ],
  [
    'start: no messaging',
    (c) => c.api('POST', '/conversations', { token: c.tokens.noSms, body: { phone: '6505550190' } }),
    'forbidden',
  ],
  ['start: not JSON', (c) => c.api('POST', '/conversations', { body: '{"phone":' }), 'validation_failed'],
  [
    'patch: bad status',
    (c) => c.api('PATCH', `/conversations/${c.lead}`, { body: { status: 'archived' } }),
    'validation_failed',
  ],
  [
    'patch: good status, unknown inbox',
    (c) =>
      c.api('PATCH', `/conversations/${c.lead}`, {
        body: { status: 'closed', assigneeId: 'usr_marcus', inboxId: 'inb_x' },
      }),
    'not_found',
  ],
  [
    'patch: unknown assignee',
    (c) => c.api('PATCH', `/conversations/${c.lead}`, { body: { assigneeId: 'usr_x' } }),
    'not_found',
  ],
  [
    'patch: assignee without messaging',
    (c) => c.api('PATCH', `/conversations/${c.lead}`, { body: { assigneeId: 'usr_sam' } }),
    'validation_failed',
  ],
  [
    'patch: unknown field',
    (c) => c.api('PATCH', `/conversations/${c.lead}`, { body: { status: 'closed', unreadCount: 0 } }),
    'validation_failed',
  ],
  [
    'patch: unknown conversation',
    (c) => c.api('PATCH', '/conversations/cnv_x', { body: { status: 'closed' } }),
    'not_found',
  ],
  [
    'delete: no delete permission',
    (c) => c.api('DELETE', `/conversations/${c.lead}`, { token: c.tokens.messaging }),
    'forbidden',
  ],
  ['delete: unknown conversation', (c) => c.api('DELETE', '/conversations/cnv_x'), 'not_found'],
  ['read: unknown conversation', (c) => c.api('POST', '/conversations/cnv_x/read'), 'not_found'],
  [
    'unread: no messaging',
    (c) => c.api('POST', `/conversations/${c.lead}/unread`, { token: c.tokens.noSms }),
    'forbidden',
  ],
  [
    'assign to client: unknown client',
    (c) => c.api('POST', `/conversations/${c.lead}/client`, { body: { clientId: 'cli_x' } }),
    'not_found',
  ],
  [
    'assign to client: new client without clients.edit',
    (c) =>
      c.api('POST', `/conversations/${c.lead}/client`, {
        token: c.tokens.messaging,
        body: { newClient: { firstName: 'A', lastName: 'B' } },
      }),
    'forbidden',
  ],
  [
    'assign to client: name with a line break',
    (c) =>
      c.api('POST', `/conversations/${c.lead}/client`, { body: { newClient: { firstName: 'A\r\nB', lastName: 'C' } } }),
    'validation_failed',
  ],
  [
    'send: opted out',
    (c) => c.api('POST', `/conversations/${c.optedOut}/messages`, { body: { clientMessageId: 'n1', body: 'hi' } }),
    'recipient_opted_out',
  ],
  [
    'send: blocked',
    (c) => c.api('POST', `/conversations/${c.blocked}/messages`, { body: { clientMessageId: 'n2', body: 'hi' } }),
    'recipient_blocked',
  ],
  [
    'send: unknown attachment',
    (c) =>
      c.api('POST', `/conversations/${c.lead}/messages`, { body: { clientMessageId: 'n3', attachmentIds: ['att_x'] } }),
    'not_found',
  ],
  [
    'send: too long',
    (c) => c.api('POST', `/conversations/${c.lead}/messages`, { body: { clientMessageId: 'n4', body: long(1601) } }),
    'validation_failed',
  ],
  [
    'send: id used in another conversation',
    (c) => c.api('POST', `/conversations/${c.optedOut}/messages`, { body: { clientMessageId: 'used', body: 'x' } }),
    'conflict',
  ],
  [
    'send: unknown conversation',
    (c) => c.api('POST', '/conversations/cnv_x/messages', { body: { clientMessageId: 'n5', body: 'x' } }),
    'not_found',
  ],
  [
    'upload: SVG',
    (c) => c.upload('a.png', new TextEncoder().encode('<svg onload="alert(1)"/>')),
    'attachment_type_not_allowed',
  ],
  ['upload: empty', (c) => c.upload('a.png', new Uint8Array()), 'validation_failed'],
  ['upload: no messaging', (c) => c.upload('a.png', PNG, c.tokens.noSms), 'forbidden'],
  ['upload: not multipart', (c) => c.api('POST', '/attachments', { body: { file: 'x' } }), 'validation_failed'],
  [
    'create client: no clients.edit',
    (c) => c.api('POST', '/clients', { token: c.tokens.messaging, body: { firstName: 'A', lastName: 'B' } }),
    'forbidden',
  ],
  [
    'create client: clinic’s number',
    (c) => c.api('POST', '/clients', { body: { firstName: 'A', lastName: 'B', phones: ['4155550100', '6505550191'] } }),
    'invalid_phone',
  ],
  [
    'create client: a name of 101 characters',
    (c) => c.api('POST', '/clients', { body: { firstName: long(101), lastName: 'B' } }),
    'validation_failed',
  ],
  [
    'edit client: bad e-mail',
    (c) => c.api('PATCH', `/clients/${c.clientId}`, { body: { firstName: 'Ok', email: 'not-an-email' } }),
    'validation_failed',
  ],
  [
    'edit client: second number invalid',
    (c) => c.api('PATCH', `/clients/${c.clientId}`, { body: { phones: ['6505550192', '12'] } }),
    'invalid_phone',
  ],
  ['edit client: unknown', (c) => c.api('PATCH', '/clients/cli_x', { body: { firstName: 'A' } }), 'not_found'],
  [
    'block: no block permission',
    (c) => c.api('POST', `/contacts/${FIXTURE_PHONES.lead}/block`, { token: c.tokens.messaging }),
    'forbidden',
  ],
  ['block: invalid number', (c) => c.api('POST', '/contacts/12/block'), 'invalid_phone'],
  ['block: the clinic’s number', (c) => c.api('POST', '/contacts/4155550100/block'), 'invalid_phone'],
  ['unblock: invalid number', (c) => c.api('POST', '/contacts/abc/unblock'), 'invalid_phone'],
  [
    'consent: unknown method',
    (c) =>
      c.api('POST', `/contacts/${FIXTURE_PHONES.lead}/consent`, {
        body: { status: 'granted', scope: 'marketing', method: 'telepathy' },
      }),
    'validation_failed',
  ],
  [
    'consent: note with controls',
    (c) =>
      c.api('POST', `/contacts/${FIXTURE_PHONES.lead}/consent`, {
        body: { status: 'granted', scope: 'marketing', method: 'verbal', note: 'ok\u202E' },
      }),
    'validation_failed',
  ],
  ['inbox: duplicate name', (c) => c.api('POST', '/inboxes', { body: { name: 'front DESK' } }), 'conflict'],
  ['inbox: two lines', (c) => c.api('POST', '/inboxes', { body: { name: 'Front\nDesk 2' } }), 'validation_failed'],
  [
    'inbox: no permission',
    (c) => c.api('POST', '/inboxes', { token: c.tokens.messaging, body: { name: 'Mine' } }),
    'forbidden',
  ],
  [
    'settings: a 1 MB auto-reply',
    (c) => settingsWith(c, { autoReply: { enabled: true, text: long(1_000_000) } }),
    'validation_failed',
  ],
  [
    'settings: two recipients in one',
    (c) => settingsWith(c, { afterHoursAlert: { enabled: true, recipients: ['a@b.example,c@d.example'] } }),
    'validation_failed',
  ],
  ['settings: no permission', (c) => settingsWith(c, {}, c.tokens.messaging), 'forbidden'],
]

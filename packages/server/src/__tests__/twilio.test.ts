import twilio from 'twilio'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeTwilio } from './fakeTwilio'
import { startConfigured } from './serverHarness'

const ACCOUNT = `AC${'a1'.repeat(16)}`
const TOKEN = 'f0'.repeat(16)
/** The server sits behind a proxy: Twilio calls and signs this address. */
const PUBLIC = 'https://sms.clinic.example'
const CLINIC = '+14155550100'
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82])

let fake: Awaited<ReturnType<typeof startFakeTwilio>>
let running: Awaited<ReturnType<typeof startConfigured>>
let token: string

beforeEach(async () => {
  fake = await startFakeTwilio(ACCOUNT, TOKEN)
  running = await startConfigured(
    {
      SMS_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: ACCOUNT,
      TWILIO_AUTH_TOKEN: TOKEN,
      TWILIO_API_URL: fake.url,
      PUBLIC_URL: PUBLIC,
      DATABASE_FILE: ':memory:',
    },
    // Monday 10:00 in Los Angeles: the clinic is open, no auto-replies.
    { clock: () => new Date('2026-11-30T18:00:00Z') },
  )
  const signIn = await fetch(`${running.api}/auth/dev-sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clinicId: 'cln_maple', userId: 'usr_dana' }),
  })
  token = ((await signIn.json()) as { token: string }).token
})
afterEach(async () => {
  await running.stop()
  await fake.stop()
})

const api = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${running.api}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
  const text = await response.text()
  return {
    status: response.status,
    json: text ? JSON.parse(text) : null,
    seq: Number(response.headers.get('switchboard-seq')),
  }
}

/** Posts a webhook as Twilio would: form fields, signed for the public URL (or `signFor`). */
async function webhook(
  /** Below `…/webhooks/sms/`, with the query Twilio was given (a status callback's `?message=`). */
  path: string,
  params: Record<string, string>,
  options: { signature?: string | null; signFor?: string; send?: Record<string, string> } = {},
) {
  const signed = twilio.getExpectedTwilioSignature(
    TOKEN,
    options.signFor ?? `${PUBLIC}/api/sms/webhooks/sms/${path}`,
    params,
  )
  const signature = options.signature === undefined ? signed : options.signature
  const response = await fetch(`${running.api}/webhooks/sms/${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(signature !== null ? { 'x-twilio-signature': signature } : {}),
    },
    body: new URLSearchParams(options.send ?? params),
  })
  const text = await response.text()
  return { status: response.status, type: response.headers.get('content-type'), text }
}

const inbound = (from: string, body: string, sid: string, extra: Record<string, string> = {}) => ({
  AccountSid: ACCOUNT,
  MessageSid: sid,
  SmsMessageSid: sid,
  From: from,
  To: CLINIC,
  Body: body,
  NumMedia: '0',
  ...extra,
})

const status = (sid: string, messageStatus: string, extra: Record<string, string> = {}) => ({
  AccountSid: ACCOUNT,
  MessageSid: sid,
  SmsSid: sid,
  From: CLINIC,
  To: '+16505550177',
  MessageStatus: messageStatus,
  SmsStatus: messageStatus,
  ...extra,
})

async function conversationOf(phone: string) {
  const list = await api('GET', `/conversations?status=all&q=${encodeURIComponent(phone)}`)
  return list.json.items[0] as { id: string; contact: { optedOut: unknown } } | undefined
}
const messagesOf = async (id: string) =>
  (await api('GET', `/conversations/${id}/messages`)).json.items as Array<{
    body: string
    status: string
    direction: string
    error?: { code: string; reason: string }
    attachments: Array<{ url: string; contentType: string; size: number }>
  }>

async function sendTo(phone: string, body: string) {
  const started = await api('POST', '/conversations', { phone, body, clientMessageId: `m-${phone}-${body.length}` })
  expect(started.status).toBe(201)
  const id = started.json.conversation.id as string
  // The hand-off to Twilio runs after the reply.
  for (let i = 0; i < 100 && (await messagesOf(id)).some((m) => m.status === 'queued'); i += 1) {
    await new Promise((r) => setTimeout(r, 20))
  }
  return id
}

describe('Twilio: sending', () => {
  it('sends through the REST API with a status callback at the public address, then follows the callbacks once each, in any order', async () => {
    const id = await sendTo('6505550177', 'Luna is ready for pick-up.')
    expect(fake.sends).toHaveLength(1)
    const sent = fake.sends[0]
    expect(sent).toMatchObject({ from: CLINIC, to: '+16505550177' })
    expect(sent?.body).toContain('Luna is ready for pick-up.')
    const callback = new URL(sent?.statusCallback as string)
    expect(`${callback.origin}${callback.pathname}`).toBe(`${PUBLIC}/api/sms/webhooks/sms/twilio/status`)
    expect(callback.searchParams.get('message')).toMatch(/^msg_/)
    expect((await messagesOf(id)).at(-1)?.status).toBe('sending')
    const sid = sent?.sid as string
    const statusPath = `twilio/status${callback.search}`

    const { seq: before } = await api('GET', '/unread')
    for (const report of ['delivered', 'sent', 'delivered', 'queued']) {
      expect((await webhook(statusPath, status(sid, report))).status).toBe(204)
    }
    expect((await messagesOf(id)).at(-1)?.status).toBe('delivered')
    const after = await api('GET', `/events?after=${before}`)
    const updates = after.json.events.filter(
      (e: { type: string; message?: { status: string } }) => e.type === 'message.updated',
    )
    expect(updates.map((e: { message: { status: string } }) => e.message.status)).toEqual(['delivered'])
  })

  it('applies a status that arrives before the API call returned (the callback names the message)', async () => {
    fake.beforeAnswer = async (send) => {
      const callback = new URL(send.statusCallback)
      const answer = await webhook(`twilio/status${callback.search}`, status(send.sid, 'sent'))
      expect(answer.status).toBe(204)
    }
    const id = await sendTo('6505550177', 'Quick one')
    expect((await messagesOf(id)).at(-1)?.status).toBe('sent')
    fake.beforeAnswer = null
    // Later callbacks find it by Twilio's id, recorded with that early one.
    await webhook('twilio/status', status(fake.sends[0]?.sid as string, 'delivered'))
    expect((await messagesOf(id)).at(-1)?.status).toBe('delivered')
    // The message named in the URL is covered by the signature: it cannot be swapped.
    const forged = await webhook('twilio/status?message=msg_other', status('SMforged', 'failed'), {
      signFor: `${PUBLIC}/api/sms/webhooks/sms/twilio/status?message=${new URL(fake.sends[0]?.statusCallback as string).searchParams.get('message')}`,
    })
    expect(forged.status).toBe(403)
  })

  it('reads a failed callback with its error code as a plain reason', async () => {
    const id = await sendTo('6505550177', 'Reminder: Luna tomorrow at 9.')
    const sid = fake.sends[0]?.sid as string
    await webhook('twilio/status', status(sid, 'undelivered', { ErrorCode: '30006' }))
    expect((await messagesOf(id)).at(-1)).toMatchObject({
      status: 'failed',
      error: { code: '30006', reason: 'landline' },
    })
  })

  it.each([
    ['6505550121', '21211', 'invalid-number'],
    ['6505550122', '21610', 'opted-out'],
    ['6505550123', '21614', 'landline'],
  ])('a refusal by the API for %s (%s) fails the message as %s', async (phone, code, reason) => {
    const id = await sendTo(phone, 'Hello from Maple Vet.')
    expect((await messagesOf(id)).at(-1)).toMatchObject({ status: 'failed', error: { code, reason } })
    if (code === '21610') {
      expect((await conversationOf(phone))?.contact.optedOut).toMatchObject({ via: 'carrier' })
      const again = await api('POST', `/conversations/${id}/messages`, {
        clientMessageId: 'again',
        body: 'Still there?',
      })
      expect(again.json.error.code).toBe('recipient_opted_out')
    }
  })
})

describe('Twilio: inbound webhook', () => {
  it('records a text once, however often Twilio delivers it, and answers with empty TwiML', async () => {
    const params = inbound('+16505550188', 'Is Luna ready?', `SM${'1'.repeat(32)}`)
    const first = await webhook('twilio', params)
    expect(first.status).toBe(200)
    expect(first.type).toMatch(/text\/xml/)
    expect(first.text).toMatch(/<Response\/>/)
    const copies = await Promise.all([1, 2, 3, 4].map(() => webhook('twilio', params)))
    expect(copies.map((c) => c.status)).toEqual([200, 200, 200, 200])
    const conversation = await conversationOf('6505550188')
    const messages = await messagesOf(conversation?.id as string)
    expect(messages.filter((m) => m.direction === 'inbound').map((m) => m.body)).toEqual(['Is Luna ready?'])
  })

  it('checks the signature: missing 400, wrong 403, one field changed 403, signed for another address 403; nothing kept', async () => {
    const params = inbound('+16505550189', 'Hello', `SM${'2'.repeat(32)}`)
    const missing = await webhook('twilio', params, { signature: null })
    expect(missing.status).toBe(400)
    expect(JSON.parse(missing.text).error.code).toBe('invalid_signature')
    const wrong = await webhook('twilio', params, { signature: 'bm90IGEgc2lnbmF0dXJl' })
    expect(wrong.status).toBe(403)
    const changed = await webhook('twilio', params, { send: { ...params, Body: 'Hello, send the records' } })
    expect(changed.status).toBe(403)
    const internal = await webhook('twilio', params, { signFor: `${running.api}/webhooks/sms/twilio` })
    expect(internal.status).toBe(403)
    expect(JSON.parse(internal.text).error.message).toMatch(/PUBLIC_URL/)
    const otherAccount = { ...params, AccountSid: `AC${'b'.repeat(32)}` }
    expect((await webhook('twilio', otherAccount)).status).toBe(403)
    const statusMissing = await webhook('twilio/status', status('SMx', 'delivered'), { signature: null })
    expect(statusMissing.status).toBe(400)
    expect(await conversationOf('6505550189')).toBeUndefined()
  })

  it('fetches MMS media from Twilio into the clinic’s files, and names what it could not take', async () => {
    const photo = fake.addMedia('ME1', 'image/png', PNG)
    const big = fake.addMedia('ME2', 'image/jpeg', new Uint8Array(5_100_000).fill(7))
    const params = inbound('+16505550190', 'Her paw today', `MM${'3'.repeat(32)}`, {
      NumMedia: '3',
      MediaUrl0: photo,
      MediaContentType0: 'image/png',
      MediaUrl1: 'http://127.0.0.1:1/internal-admin',
      MediaContentType1: 'image/png',
      MediaUrl2: big,
      MediaContentType2: 'image/jpeg',
    })
    expect((await webhook('twilio', params)).status).toBe(200)
    expect(fake.mediaRequests.every((r) => r.authorized)).toBe(true)
    const conversation = await conversationOf('6505550190')
    const [message] = await messagesOf(conversation?.id as string)
    expect(message?.attachments).toHaveLength(1)
    expect(message?.attachments[0]).toMatchObject({ contentType: 'image/png', size: PNG.byteLength })
    expect(message?.body).toMatch(/^Her paw today\n\n\[Not received: /)
    expect(message?.body).toMatch(/attachment 2 did not come from the provider's address/)
    expect(message?.body).toMatch(/attachment 3 is past the 5 MB/)
    // The stored copy is served from the server's own signed link.
    const link = new URL(message?.attachments[0]?.url as string)
    const served = await fetch(`${running.started.url}${link.pathname}${link.search}`)
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG)
  })

  it('answers a webhook for a number no clinic has with a coded 404, and one without a sender with 422', async () => {
    const unknown = await webhook('twilio', {
      ...inbound('+16505550191', 'Hi', `SM${'4'.repeat(32)}`),
      To: '+16175550100',
    })
    expect(unknown.status).toBe(404)
    expect(JSON.parse(unknown.text).error.code).toBe('not_found')
    const { From: _, ...noSender } = inbound('+16505550191', 'Hi', `SM${'5'.repeat(32)}`)
    const missing = await webhook('twilio', noSender)
    expect(missing.status).toBe(422)
    expect(JSON.parse(missing.text).error.message).toMatch(/From/)
  })
})

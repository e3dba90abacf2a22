import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A text as the fake Twilio API received it. */
export interface FakeTwilioSend {
  to: string
  from: string
  body: string
  mediaUrls: string[]
  statusCallback: string
  sid: string
}

/** Numbers the fake refuses, with Twilio's codes, as its API does. */
const REFUSED: Record<string, { code: number; message: string }> = {
  '+16505550121': { code: 21211, message: "The 'To' number +16505550121 is not a valid phone number." },
  '+16505550122': { code: 21610, message: 'Attempt to send to unsubscribed recipient' },
  '+16505550123': { code: 21614, message: "'To' number is not a valid mobile number" },
}

const read = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = ''
    request.on('data', (chunk) => {
      text += chunk
    })
    request.on('end', () => resolve(text))
  })

/**
 * Twilio's REST API as far as the server uses it, on 127.0.0.1: `Messages.json` (Basic auth with
 * the account's SID and token; refuses three numbers with Twilio's codes) and MMS media under
 * `…/Media/:id`, answered by a redirect to `/cdn/:id` like Twilio's own.
 */
export async function startFakeTwilio(accountSid: string, authToken: string) {
  const sends: FakeTwilioSend[] = []
  const media = new Map<string, { type: string; data: Uint8Array }>()
  const mediaRequests: Array<{ path: string; authorized: boolean }> = []
  let counter = 0
  /** Runs before the fake answers a send (a test posts a status callback there, as Twilio may). */
  let beforeAnswer: ((send: FakeTwilioSend) => Promise<void>) | null = null
  const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake')
    const json = (status: number, value: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end(JSON.stringify(value))
    }
    const authorized = request.headers.authorization === expected
    if (url.pathname === `/2010-04-01/Accounts/${accountSid}/Messages.json` && request.method === 'POST') {
      if (!authorized) return json(401, { code: 20003, message: 'Authenticate', status: 401 })
      const form = new URLSearchParams(await read(request))
      const to = form.get('To') ?? ''
      const refused = REFUSED[to]
      if (refused)
        return json(400, { ...refused, more_info: `https://www.twilio.com/docs/errors/${refused.code}`, status: 400 })
      counter += 1
      const sid = `SM${counter.toString(16).padStart(32, '0')}`
      const send = {
        to,
        from: form.get('From') ?? '',
        body: form.get('Body') ?? '',
        mediaUrls: form.getAll('MediaUrl'),
        statusCallback: form.get('StatusCallback') ?? '',
        sid,
      }
      sends.push(send)
      await beforeAnswer?.(send)
      return json(201, {
        sid,
        account_sid: accountSid,
        to,
        from: form.get('From'),
        body: form.get('Body'),
        status: 'queued',
      })
    }
    const mediaPath = url.pathname.match(/^\/2010-04-01\/Accounts\/[^/]+\/Messages\/[^/]+\/Media\/([^/]+)$/)
    if (mediaPath) {
      mediaRequests.push({ path: url.pathname, authorized })
      if (!authorized) return json(401, { code: 20003, message: 'Authenticate', status: 401 })
      if (!media.has(mediaPath[1] as string)) return json(404, { code: 20404, message: 'Not found', status: 404 })
      response.writeHead(307, { location: `/cdn/${mediaPath[1]}` })
      return response.end()
    }
    const cdn = url.pathname.match(/^\/cdn\/([^/]+)$/)
    const item = cdn ? media.get(cdn[1] as string) : undefined
    if (item) {
      response.writeHead(200, { 'content-type': item.type, 'content-length': String(item.data.byteLength) })
      return response.end(item.data)
    }
    return json(404, { code: 20404, message: 'Not found', status: 404 })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    sends,
    mediaRequests,
    set beforeAnswer(hook: ((send: FakeTwilioSend) => Promise<void>) | null) {
      beforeAnswer = hook
    },
    /** Serves `data` as an MMS item and gives its URL, as an inbound webhook would carry it. */
    addMedia(id: string, type: string, data: Uint8Array) {
      media.set(id, { type, data })
      return `${url}/2010-04-01/Accounts/${accountSid}/Messages/MM${'0'.repeat(32)}/Media/${id}`
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

import * as fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Answer, FIXTURE_PHONES, FIXTURE_PNG, REFUSALS, type RefusalContext } from './refusalCases'

/** A backend serving the HTTP contract, seeded with `generateSeed`'s clinics, fresh for each test. */
export interface HttpBackendUnderTest {
  /** The contract's base URL, e.g. `http://127.0.0.1:4000/api/sms`. */
  api: string
  /** Sessions of the main clinic's seeded staff: Dana (every permission), Marcus (messaging only), Sam (no SMS). */
  tokens: { admin: string; messaging: string; noSms: string }
  /** A phone texts the main clinic (as its provider's webhook would); resolves once the service took it. */
  inbound(from: string, body: string): Promise<{ conversationId: string }>
  /**
   * Everything a write could change, compared before and after each refused call: both clinics'
   * data and event logs, stored files, texts handed to the provider, e-mails sent. Wait here for
   * anything the backend still has in flight (delivery reports).
   */
  state(): Promise<unknown>
  stop?(): Promise<void>
}

const ROUTES: Array<[method: string, path: string]> = [
  ['GET', '/conversations'],
  ['POST', '/conversations'],
  ['GET', '/conversations/:id'],
  ['PATCH', '/conversations/:id'],
  ['DELETE', '/conversations/:id'],
  ['POST', '/conversations/:id/read'],
  ['POST', '/conversations/:id/unread'],
  ['POST', '/conversations/:id/client'],
  ['GET', '/conversations/:id/messages'],
  ['POST', '/conversations/:id/messages'],
  ['POST', '/attachments'],
  ['GET', '/clients'],
  ['POST', '/clients'],
  ['GET', '/clients/:id'],
  ['PATCH', '/clients/:id'],
  ['GET', '/clients/:id/messages'],
  ['POST', '/contacts/:id/block'],
  ['POST', '/contacts/:id/unblock'],
  ['GET', '/contacts'],
  ['POST', '/contacts/:id/consent'],
  ['POST', '/inboxes'],
  ['PUT', '/settings'],
  ['GET', '/metrics'],
  ['GET', '/events'],
  ['GET', '/files/:id'],
  ['POST', '/nowhere/:id'],
]

/** Path segments a careless integrator or an attacker sends, already or not percent-encoded. */
const segment = fc.oneof(
  fc.constantFrom('%', '%E0%A4%A', '%ZZ', '%00', '%0d%0a', '..', '%2e%2e%2f', '%2F', 'cnv_1%00', '%F0%9F', '+'),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
  fc.string({ minLength: 201, maxLength: 260 }).map((s) => encodeURIComponent(s).slice(0, 1000)),
  fc.string({ unit: 'binary', maxLength: 8 }).map(encodeURIComponent),
)
const query = fc.oneof(
  fc.constant(''),
  fc.constantFrom(
    '?limit=abc',
    '?limit=-1',
    '?limit=1e9',
    '?after=',
    '?after=-5',
    '?cursor=%%%',
    '?before=1.5',
    '?from=x&to=y',
    '?status[]=open',
    '?optedOut=maybe',
    '?q=%E0%A4%A',
    '?status=open&status=closed',
  ),
  fc
    .dictionary(
      fc.constantFrom('limit', 'cursor', 'status', 'q', 'after', 'before', 'from', 'to', 'optedOut'),
      fc.string({ maxLength: 20 }),
    )
    .map((d) => `?${new URLSearchParams(d)}`),
)
const body = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('{', 'null', '[]', '"text"', '{"body":', '\u0000', '1e999', '{"__proto__":{"x":1}}'),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc
    .record(
      {
        phone: fc.oneof(fc.string(), fc.integer()),
        body: fc.oneof(fc.string(), fc.constant(null)),
        clientMessageId: fc.oneof(fc.string(), fc.integer()),
        attachmentIds: fc.oneof(fc.array(fc.string()), fc.string()),
        status: fc.string(),
        name: fc.oneof(fc.string(), fc.constant({})),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
)

/** Reads a reply: JSON, or the raw text when it is not (which the checks then refuse). */
async function answer(response: Response): Promise<Answer> {
  const text = await response.text()
  try {
    return { status: response.status, json: text ? JSON.parse(text) : null }
  } catch {
    return { status: response.status, json: { unparsed: text.slice(0, 200) } }
  }
}

/** A coded refusal: 4xx, a code, a readable message. */
function expectCoded(reply: Answer, what: string) {
  expect(reply.status, what).toBeGreaterThanOrEqual(400)
  expect(reply.status, what).toBeLessThan(500)
  expect(typeof reply.json?.error?.code, what).toBe('string')
  expect(String(reply.json?.error?.message).length, what).toBeGreaterThan(10)
}

/**
 * The hardening every backend of the HTTP contract must show (the mock and the reference server
 * both run it): a refused write changes nothing, whatever the reason, and anything malformed (path,
 * query or body) gets a coded 4xx, never a 500. `start` builds a fresh backend for each test.
 */
export function httpContractHardening(name: string, start: () => Promise<HttpBackendUnderTest>): void {
  describe(`${name}: the HTTP contract under hostile input`, () => {
    let backend: HttpBackendUnderTest
    beforeEach(async () => {
      backend = await start()
    })
    afterEach(async () => {
      await backend.stop?.()
    })

    const api: RefusalContext['api'] = async (method, path, options = {}) => {
      const headers: Record<string, string> = { authorization: `Bearer ${options.token ?? backend.tokens.admin}` }
      if (options.body !== undefined) headers['content-type'] = 'application/json'
      const raw = options.body
      return answer(
        await fetch(`${backend.api}${path}`, {
          method,
          headers,
          ...(raw !== undefined ? { body: typeof raw === 'string' ? raw : JSON.stringify(raw) } : {}),
        }),
      )
    }
    const upload: RefusalContext['upload'] = async (fileName, bytes, token) => {
      const form = new FormData()
      form.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), fileName)
      return answer(
        await fetch(`${backend.api}/attachments`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token ?? backend.tokens.admin}` },
          body: form,
        }),
      )
    }

    /** A lead, an opted-out contact, a blocked one and an upload, made before each refusal. */
    async function fixtures(): Promise<RefusalContext> {
      const started = await api('POST', '/conversations', { body: { phone: FIXTURE_PHONES.lead } })
      expect(started.status, JSON.stringify(started.json)).toBe(201)
      const optedOut = (await backend.inbound(`+1${FIXTURE_PHONES.optedOut}`, 'STOP')).conversationId
      const blocked = (await backend.inbound(`+1${FIXTURE_PHONES.blocked}`, 'spam')).conversationId
      expect((await api('POST', `/contacts/${FIXTURE_PHONES.blocked}/block`)).status).toBeLessThan(300)
      const uploaded = await upload('x.png', FIXTURE_PNG)
      const clients = await api('GET', '/clients?q=')
      const lead = started.json.conversation.id as string
      const sent = await api('POST', `/conversations/${lead}/messages`, {
        body: { clientMessageId: 'used', body: 'first' },
      })
      expect(sent.status, JSON.stringify(sent.json)).toBeLessThan(300)
      return {
        api,
        upload,
        tokens: backend.tokens,
        lead,
        optedOut,
        blocked,
        uploadId: uploaded.json.id as string,
        clientId: clients.json[0].id as string,
      }
    }

    it.each(REFUSALS)('a refused write changes nothing: %s', async (_, call, code) => {
      const context = await fixtures()
      const before = await backend.state()
      const reply = await call(context)
      expect(reply.json?.error?.code, JSON.stringify(reply.json).slice(0, 300)).toBe(code)
      expectCoded(reply, code)
      expect(await backend.state()).toEqual(before)
    })

    it('answers anything malformed on every route with a coded 4xx, never a 500', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...ROUTES),
          segment,
          query,
          body,
          async ([method, path], id, search, payload) => {
            const url = `${backend.api}${path.replace(':id', id)}${search}`
            const reply = await answer(
              await fetch(url, {
                method,
                headers: { authorization: `Bearer ${backend.tokens.admin}`, 'content-type': 'application/json' },
                ...(payload !== undefined && method !== 'GET' ? { body: payload } : {}),
              }),
            )
            const what = `${method} ${url} → ${reply.status} ${JSON.stringify(reply.json).slice(0, 200)}`
            expect(reply.status, what).toBeLessThan(500)
            if (reply.status >= 400) expectCoded(reply, what)
          },
        ),
        { numRuns: 400 },
      )
    }, 60_000)

    it.each([
      ['GET', '/conversations/%E0%A4%A', 'validation_failed', 422],
      ['POST', '/contacts/100%25/block', 'invalid_phone', 422],
      ['GET', `/conversations/${'x'.repeat(300)}`, 'validation_failed', 422],
      ['GET', '/conversations/cnv%0d%0aSet-Cookie:x', 'validation_failed', 422],
      ['GET', '/conversations?status=sideways', 'validation_failed', 422],
      ['POST', '/conversations', 'validation_failed', 422, 'phone=1', 'text/plain'],
      ['POST', '/attachments', 'validation_failed', 422, '{}', 'application/json'],
      ['GET', '/no-such-route', 'not_found', 404],
      ['DELETE', '/settings', 'not_found', 404],
    ])('%s %s → %s', async (method, path, code, status, payload?: string, type?: string) => {
      const reply = await answer(
        await fetch(`${backend.api}${path}`, {
          method,
          headers: { authorization: `Bearer ${backend.tokens.admin}`, ...(type ? { 'content-type': type } : {}) },
          ...(payload ? { body: payload } : {}),
        }),
      )
      expect([reply.status, reply.json?.error?.code]).toEqual([status, code])
      expectCoded(reply, path)
    })
  })
}

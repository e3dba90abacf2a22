import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BASE, useMockBackend } from './harness'

useMockBackend()

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

describe('malformed requests', () => {
  it('every route answers anything malformed with a coded 4xx, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        segment,
        query,
        body,
        async ([method, path], id, search, payload) => {
          const url = `${BASE}${path.replace(':id', id)}${search}`
          const response = await fetch(url, {
            method,
            headers: { authorization: 'Bearer tok_usr_dana', 'content-type': 'application/json' },
            ...(payload !== undefined && method !== 'GET' ? { body: payload } : {}),
          })
          const text = await response.text()
          expect(response.status, `${method} ${url} → ${text.slice(0, 200)}`).toBeLessThan(500)
          if (response.status >= 400) {
            const json = JSON.parse(text)
            expect(typeof json.error.code).toBe('string')
            expect(json.error.message.length).toBeGreaterThan(5)
          }
        },
      ),
      { numRuns: 400 },
    )
  })

  it.each([
    ['GET', '/conversations/%E0%A4%A', 'validation_failed', 422],
    ['POST', '/contacts/100%25/block', 'invalid_phone', 422],
    ['GET', `/conversations/${'x'.repeat(300)}`, 'validation_failed', 422],
    ['GET', '/conversations/cnv%0d%0aSet-Cookie:x', 'validation_failed', 422],
    ['GET', '/no-such-route', 'not_found', 404],
    ['DELETE', '/settings', 'not_found', 404],
  ])('%s %s → %s', async (method, path, code, status) => {
    const response = await fetch(`${BASE}${path}`, { method, headers: { authorization: 'Bearer tok_usr_dana' } })
    expect(response.status).toBe(status)
    expect((await response.json()).error.code).toBe(code)
  })
})

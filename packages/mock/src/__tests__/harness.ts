import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { createMockBackend, type MockBackendOptions } from '../index'

export const BASE = 'http://localhost/api'

/** One mock backend and MSW server per test file; `backend` is rebuilt before each test. */
export function useMockBackend(overrides: MockBackendOptions = {}) {
  /** Monday 10:00 in Los Angeles: the clinic is open, so no auto-replies unless a test moves the clock. */
  const options: MockBackendOptions = {
    seed: { seed: 1, conversations: 40 },
    clock: () => new Date('2026-11-30T18:00:00Z'),
    ...overrides,
  }
  const state = { backend: createMockBackend(options) }
  const server = setupServer()
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => {
    state.backend = createMockBackend(options)
    server.resetHandlers(...state.backend.handlers)
  })
  afterAll(() => server.close())
  server.use(...state.backend.handlers)
  return {
    get backend() {
      return state.backend
    },
    server,
  }
}

/** Calls the mock API as a staff user (Dana, every permission, by default). */
export async function api(
  method: string,
  path: string,
  { token = 'tok_usr_dana', body }: { token?: string | null; body?: unknown } = {},
): Promise<{ status: number; json: any; seq: number | null }> {
  const headers: Record<string, string> = {}
  if (token) headers.authorization = `Bearer ${token}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  })
  const text = await response.text()
  const seq = response.headers.get('switchboard-seq')
  return { status: response.status, json: text ? JSON.parse(text) : null, seq: seq === null ? null : Number(seq) }
}

/** Marcus: `messaging` only. */
export const MARCUS = 'tok_usr_marcus'
/** Sam: no SMS access. */
export const SAM = 'tok_usr_sam'

import { createMockBackend, type MockBackend, type MockBackendOptions } from '@switchboard/mock'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import {
  createHttpTransport,
  createInboxClient,
  type InboxClient,
  memoryStorageAdapter,
  type StorageAdapter,
} from '../index'

/** Monday 10:00 in Los Angeles: the seeded clinic is open. */
export const OPEN = () => new Date('2026-11-30T18:00:00Z')

/** An MSW server for the file; `use(backend)` swaps the backend behind it. */
export function useMsw() {
  const server = setupServer()
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  return {
    server,
    backend(options: MockBackendOptions = {}): MockBackend {
      const backend = createMockBackend({ seed: { seed: 1, conversations: 30 }, clock: OPEN, ...options })
      server.use(...backend.handlers)
      return backend
    },
  }
}

/** A client over the HTTP transport, signed in with `token`, without realtime. */
export function httpClient(
  backend: MockBackend,
  {
    token = 'tok_usr_dana',
    storage = memoryStorageAdapter() as StorageAdapter,
    retry = { baseDelayMs: 5, maxDelayMs: 20 },
  } = {},
): InboxClient {
  const current = token
  return createInboxClient({
    transport: createHttpTransport({ baseUrl: backend.baseUrl, getToken: () => current, timeoutMs: 2000 }),
    storage,
    retry,
    realtime: false,
  })
}

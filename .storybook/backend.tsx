import { createHttpTransport, createInboxClient, type InboxClient, memoryStorageAdapter } from '@switchboard/core'
import { createMockBackend, type MockBackend, type MockBackendOptions } from '@switchboard/mock'
import { type SetupWorker, setupWorker } from 'msw/browser'

/** What a story asks of its backend, as `parameters.backend`. */
export interface BackendParameters extends Omit<MockBackendOptions, 'baseUrl'> {
  /** The staff user's token (`tok_usr_dana`: every permission; `tok_usr_marcus`: messaging; `tok_usr_sam`: none). */
  token?: string
  /** Open the socket. Default true. */
  realtime?: boolean
  /** Prepares data before the story renders; its result is passed to the story as `loaded.prepared`. */
  setup?: (backend: MockBackend, client: InboxClient) => Promise<unknown> | unknown
}

let worker: SetupWorker | null = null
let started: Promise<unknown> | null = null

/**
 * A fresh mock backend and inbox client for each story, served by one MSW service worker.
 * Fixed clock (Monday 10:00 at the clinic) so stories look the same every time.
 */
export async function loadBackend(parameters: BackendParameters = {}) {
  worker ??= setupWorker()
  started ??= worker.start({
    serviceWorker: { url: './mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: true,
  })
  await started
  const { token = 'tok_usr_dana', realtime = true, setup, ...options } = parameters
  const backend = createMockBackend({
    seed: { seed: 7, conversations: 40 },
    clock: () => new Date('2026-11-30T18:00:00Z'),
    latency: [40, 160],
    autoDeliverAfterMs: 1500,
    ...options,
    baseUrl: '/api',
  })
  worker.resetHandlers(...backend.handlers)
  const client = createInboxClient({
    transport: createHttpTransport({ baseUrl: '/api', getToken: () => token }),
    storage: memoryStorageAdapter(),
    realtime,
  })
  const prepared = setup ? await setup(backend, client) : undefined
  return { backend, client, prepared }
}

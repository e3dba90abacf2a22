import { createHttpTransport, createInboxClient, type InboxClient, memoryStorageAdapter } from '@switchboard/core'
import { createMockBackend, type MockBackend, type MockBackendOptions } from '@switchboard/mock'
import { render, waitFor, within } from '@testing-library/react'
import { setupServer } from 'msw/node'
import type { ReactNode } from 'react'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { InboxProvider, type InboxProviderProps } from '../index'

/** One MSW server per file. */
export function startMsw() {
  const server = setupServer()
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  return server
}

/** A mock backend at Monday 10:00 clinic time, a client for `token`, and a render helper. */
export function setup(
  server: ReturnType<typeof startMsw>,
  options: MockBackendOptions & { token?: string; pageSize?: number } = {},
) {
  const backend: MockBackend = createMockBackend({
    seed: { seed: 5, conversations: 25 },
    clock: () => new Date('2026-11-30T18:00:00Z'),
    ...options,
  })
  server.use(...backend.handlers)
  const client: InboxClient = createInboxClient({
    transport: createHttpTransport({ baseUrl: backend.baseUrl, getToken: () => options.token ?? 'tok_usr_dana' }),
    storage: memoryStorageAdapter(),
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    realtime: false,
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
  })
  const view = (ui: ReactNode, props: Omit<InboxProviderProps, 'client' | 'children'> = {}) =>
    render(
      // English as in the US unless a test says otherwise: dates and times read the same on every machine.
      <InboxProvider client={client} locale="en-US" {...props}>
        {ui}
      </InboxProvider>,
    )
  return { backend, client, view }
}

export const dana = {
  clinicId: 'cln_maple',
  userId: 'usr_dana',
  permissions: ['messaging' as const, 'messaging.block' as const, 'messaging.delete' as const],
}

/**
 * A virtualized list's rows once its first paint is over: it draws the rows in view first (one
 * here, where nothing has a height), the rows beyond it a frame later. Waits for `atLeast` of them.
 */
export async function findRows(scope: HTMLElement, atLeast = 3, role = 'option'): Promise<HTMLElement[]> {
  await waitFor(() => {
    if (within(scope).queryAllByRole(role).length < atLeast) throw new Error(`fewer than ${atLeast} rows drawn`)
  })
  return within(scope).getAllByRole(role)
}

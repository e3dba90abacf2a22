import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query'
import { render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { InboxProvider, UnreadBadge } from '../index'
import { setup, startMsw } from './harness'

const server = startMsw()

function HostWidget() {
  const qc = useQueryClient()
  return <output aria-label="host cache">{qc === hostCache ? 'host' : 'other'}</output>
}
const hostCache = new QueryClient()

describe('InboxProvider', () => {
  it('leaves the host its own TanStack Query cache and keeps the client connected while mounted', async () => {
    const { client } = setup(server)
    const view = render(
      <QueryClientProvider client={hostCache}>
        <InboxProvider client={client}>
          <UnreadBadge />
          <HostWidget />
        </InboxProvider>
      </QueryClientProvider>,
    )
    expect(screen.getByRole('status', { name: 'host cache' })).toHaveTextContent('host')
    expect(hostCache.getQueryCache().getAll()).toHaveLength(0) // Switchboard's data is in its own cache
    await waitFor(() => expect(client.queryClient.getQueryData(client.queries.me().queryKey)).toBeDefined())
    view.unmount()
    expect(client.store.getState().connection.status).not.toBe('connected')
  })
})

// @vitest-environment node
import { createInboxClient, memoryStorageAdapter } from '@switchboard/core'
import { createMockBackend, createServiceTransport } from '@switchboard/mock'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Composer, ConversationList, Inbox, InboxProvider, Thread, UnreadBadge } from '../index'

describe('server rendering', () => {
  it('renders every component on the server without touching window or document', () => {
    expect(typeof window).toBe('undefined')
    const client = createInboxClient({ transport: {} as never, storage: memoryStorageAdapter(), realtime: false })
    const html = renderToString(
      <InboxProvider client={client}>
        <UnreadBadge />
        <Inbox />
        <ConversationList />
        <Thread conversationId="cnv_1" />
        <Composer conversationId="cnv_1" />
      </InboxProvider>,
    )
    expect(html).toContain('sb-inbox')
    // The inbox waits for its first replies (none come here): its section only, marked busy.
    expect(html).toContain('aria-busy="true"')
    expect(html).toContain('Loading conversations')
    client.destroy()
  })

  it("renders the inbox's panes on the server when the host fetched its first replies there", async () => {
    const backend = createMockBackend({
      seed: { seed: 5, conversations: 5 },
      clock: () => new Date('2026-11-30T18:00:00Z'),
    })
    const { transport } = createServiceTransport(backend.service, {
      clinicId: 'cln_maple',
      userId: 'usr_dana',
      permissions: ['messaging'],
    })
    const client = createInboxClient({ transport, storage: memoryStorageAdapter(), realtime: false })
    await client.queryClient.prefetchQuery(client.queries.me())
    await client.queryClient.prefetchInfiniteQuery(
      client.queries.conversations(client.store.getState().filter) as never,
    )
    const html = renderToString(
      <InboxProvider client={client} locale="en-US">
        <Inbox />
      </InboxProvider>,
    )
    expect(html).not.toContain('aria-busy="true"')
    expect(html).toContain('sb-inbox__header')
    expect(html).toContain('Texting from <bdi>(415) 555-0100</bdi>')
    expect(html).toContain('aria-label="Conversations"')
    client.destroy()
  })
})

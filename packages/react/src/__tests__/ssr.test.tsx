// @vitest-environment node
import { createInboxClient, memoryStorageAdapter } from '@switchboard/core'
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
    expect(html).toContain('Loading conversations')
    client.destroy()
  })
})

import type { Meta, StoryObj } from '@storybook/react-vite'
import type { InboxClient } from '@switchboard/core'
import type { MockBackend } from '@switchboard/mock'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { type ThreadViewRow, useMessageBubble, useThreadView } from '../index'

/**
 * A vendor's own thread: a compact call-log look, drawn from `useThreadView` and
 * `useMessageBubble` alone, none of Switchboard's markup or styles. Every behaviour comes with the
 * hooks: marked read on opening, the "New messages" divider, older pages, jump to latest, new
 * texts and failed sends announced once, retry.
 */
function LogLine({ row, onRetry, onDiscard }: { row: ThreadViewRow; onRetry: () => void; onDiscard: () => void }) {
  const message = useMessageBubble(
    row.item.kind === 'message'
      ? { message: row.item.message, group: row.group }
      : { pending: row.item.entry, group: row.group, onRetry, onDiscard },
  )
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '5.5em 1fr', gap: 8, padding: '2px 12px' }}>
      <span style={{ color: '#555', fontVariantNumeric: 'tabular-nums' }}>{message.showMeta ? message.time : ''}</span>
      <span>
        <strong>{message.direction === 'inbound' ? '← ' : '→ '}</strong>
        {message.showSender && message.sender && <em>{message.sender}: </em>}
        {message.body}
        {message.attachments.map((a) => (
          <span key={a.id}> [{a.name}]</span>
        ))}
        {message.status && message.showMeta && <small style={{ color: '#555' }}> · {message.status}</small>}
        {message.failure && (
          <span style={{ color: '#a00' }}>
            {' '}
            {message.failure}{' '}
            {message.canRetry && (
              <button type="button" onClick={message.retry}>
                Send again
              </button>
            )}
          </span>
        )}
      </span>
    </div>
  )
}

function CallLogThread({ conversationId }: { conversationId: string }) {
  const view = useThreadView(conversationId)
  if (!view.ready) return <p role="status">Loading…</p>
  return (
    <div
      style={{
        position: 'relative',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        font: '13px/1.5 monospace',
      }}
    >
      <div {...view.getScrollerProps()} style={{ ...view.getScrollerProps().style, flex: 1 }}>
        <div style={{ position: 'relative', height: view.totalSize }}>
          <div
            style={{
              position: 'absolute',
              top: 0,
              insetInline: 0,
              height: view.headSize,
              display: 'grid',
              placeItems: 'end center',
            }}
          >
            {view.hasOlder ? (
              <button type="button" onClick={view.loadOlder}>
                Earlier texts
              </button>
            ) : (
              <span>— start —</span>
            )}
          </div>
          {view.rows.map((row) => (
            <div key={row.key} {...view.getRowProps(row)}>
              {row.firstUnread && <hr aria-label="Unread from here" style={{ borderColor: 'crimson' }} />}
              <LogLine row={row} onRetry={() => view.retry(row.key)} onDiscard={() => view.discard(row.key)} />
            </div>
          ))}
        </div>
      </div>
      {view.newBelow > 0 && (
        <button type="button" style={{ position: 'absolute', bottom: 8, right: 8 }} onClick={view.jumpToLatest}>
          {view.newBelow} new ↓
        </button>
      )}
      <div
        aria-live="polite"
        style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)' }}
      >
        {view.announcement}
      </div>
    </div>
  )
}

const meta: Meta<typeof CallLogThread> = {
  title: 'Recipes/Custom thread from useThreadView',
  component: CallLogThread,
  parameters: {
    height: 480,
    backend: {
      setup: async (b: MockBackend) => {
        const staff = { clinicId: 'cln_maple', userId: 'usr_priya', permissions: ['messaging' as const] }
        const { conversationId } = await b.simulateInbound('+16505550177', 'Hi, is Biscuit ready for pick-up?')
        await b.service.sendMessage(staff, conversationId, { clientMessageId: 'c1', body: 'Yes, any time before 6pm.' })
        await b.simulateInbound('+16505550177', 'Great, on my way')
        await b.simulateInbound('+16505550177', 'Can I pay by card at the desk?')
        return conversationId
      },
    },
  },
  render: (_args, { loaded }) => <CallLogThread conversationId={loaded.prepared as string} />,
}
export default meta
type Story = StoryObj<typeof CallLogThread>

export const CallLog: Story = {
  play: async ({ canvasElement, loaded }) => {
    const backend = loaded.backend as MockBackend
    const client = loaded.client as InboxClient
    const id = loaded.prepared as string
    const canvas = within(canvasElement)
    const log = await canvas.findByRole('log', { name: /Messages with/ })
    // The divider stands before the two texts that were unread; opening marked them read.
    await expect(within(log).getByRole('separator', { name: 'Unread from here' })).toBeInTheDocument()
    await waitFor(async () => {
      const conversation = await backend.service.getConversation(
        { clinicId: 'cln_maple', userId: 'usr_dana', permissions: ['messaging'] },
        id,
      )
      await expect(conversation.unreadCount).toBe(0)
    })
    // A new text is shown and announced once.
    await backend.simulateInbound('+16505550177', 'Actually running 10 min late')
    await expect(await within(log).findByText(/running 10 min late/)).toBeInTheDocument()
    await waitFor(() => expect(canvas.getByText(/New text from .*running 10 min late/)).toBeInTheDocument())
    // A refused send: the reason, announced once, and sent again from the vendor's own button.
    backend.failNext({ method: 'POST', path: '/conversations/:id/messages', status: 422 })
    client.actions.send(id, { body: 'See you soon' })
    await userEvent.click(await within(log).findByRole('button', { name: 'Send again' }))
    await waitFor(() => expect(within(log).queryByRole('button', { name: 'Send again' })).toBeNull())
    await expect(within(log).getByText(/See you soon/)).toBeInTheDocument()
  },
}

import type { Meta, StoryObj } from '@storybook/react-vite'
import type { InboxClient } from '@switchboard/core'
import type { MockBackend } from '@switchboard/mock'
import { expect, screen, userEvent, waitFor, within } from 'storybook/test'
import type { BackendParameters } from '../../../../.storybook/backend'
import { Inbox, InboxProvider, useInboxClient } from '../index'

const meta: Meta<typeof Inbox> = {
  title: 'Inbox/Inbox',
  component: Inbox,
}
export default meta
type Story = StoryObj<typeof Inbox>

const backend = (parameters: BackendParameters) => ({ backend: parameters })

/** A conversation with a lead, opened: the id comes back from `setup` as `loaded.prepared`. */
const withConversation = (
  make: (backend: MockBackend, client: InboxClient) => Promise<string>,
  rest: BackendParameters = {},
) => ({
  ...backend({ ...rest, setup: async (b, c) => make(b, c) }),
})

/** In Spanish (the toolbar's Language): strings, dates and plural forms. */
export const Spanish: Story = {
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const list = await canvas.findByRole('listbox', { name: 'Conversaciones' })
    const [first] = await within(list).findAllByRole('option')
    await userEvent.click(first as HTMLElement)
    const box = await canvas.findByRole('textbox', { name: 'Mensaje' })
    await userEvent.type(box, 'Gracias')
    await expect(canvas.getByText(/^1 SMS · quedan \d+ caracteres$/)).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Enviar' })).toBeVisible()
  },
}

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const list = await canvas.findByRole('listbox', { name: 'Conversations' })
    const [first] = await within(list).findAllByRole('option')
    await userEvent.click(first as HTMLElement)
    const box = await canvas.findByRole('textbox', { name: 'Message' })
    await userEvent.type(box, 'Thanks, see you soon!{Enter}')
    await waitFor(() =>
      expect(within(canvas.getByRole('log')).getAllByText(/Thanks, see you soon!/).length).toBeGreaterThan(0),
    )
  },
}

export const Dark: Story = { globals: { theme: 'dark' } }

export const VendorBrand: Story = { globals: { theme: 'brand' } }

export const Loading: Story = { parameters: backend({ latency: 60_000, realtime: false }) }

export const LoadError: Story = {
  parameters: backend({
    realtime: false,
    setup: (b) => b.failNext({ method: 'GET', path: '/conversations', status: 500, times: 10 }),
  }),
  play: async ({ canvasElement }) => {
    // A 500 is retried three times (1 s, 2 s, 4 s) before the list says so.
    await expect(await within(canvasElement).findByRole('alert', {}, { timeout: 15_000 })).toHaveTextContent(
      'Could not load',
    )
  },
}

export const Empty: Story = { parameters: backend({ seed: { seed: 7, conversations: 0 } }) }

export const NoPermission: Story = {
  parameters: backend({ token: 'tok_usr_sam' }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(
      'You do not have access to the SMS inbox',
    )
  },
}

export const Offline: Story = {
  parameters: backend({
    realtime: false,
    setup: (_b, c) =>
      c.store.setState((s) => ({
        connection: {
          ...s.connection,
          status: 'disconnected',
          error: { code: 'network_error', message: 'offline' } as never,
        },
      })),
  }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/You are offline/)).toBeInTheDocument()
  },
}

/** The live connection dropped; the client is trying again (texts you send wait in the outbox). */
export const Reconnecting: Story = {
  parameters: backend({
    realtime: false,
    setup: (_b, c) =>
      c.store.setState((s) => ({ connection: { ...s.connection, status: 'reconnecting', error: null } })),
  }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Reconnecting…')).toBeInTheDocument()
  },
}

/** The server drops the socket: the banner says "Reconnecting…" until the client is back. */
export const ReconnectsAfterADrop: Story = {
  play: async ({ canvasElement, loaded }) => {
    const b = loaded.backend as MockBackend
    const canvas = within(canvasElement)
    await waitFor(() => expect(b.socketCount()).toBe(1), { timeout: 5000 })
    b.dropSockets()
    await expect(await canvas.findByText('Reconnecting…')).toBeInTheDocument()
    await waitFor(() => expect(canvas.queryByText('Reconnecting…')).toBeNull(), { timeout: 10_000 })
    await waitFor(() => expect(b.socketCount()).toBe(1))
  },
}

/**
 * The session expired while the inbox was open: the server tells the live connection and cuts it
 * (no message reaches the page after), and the banner says why.
 */
export const SessionExpired: Story = {
  play: async ({ canvasElement, loaded }) => {
    const b = loaded.backend as MockBackend
    await waitFor(() => expect(b.socketCount()).toBe(1), { timeout: 5000 })
    b.expireToken('tok_usr_dana')
    await expect(
      await within(canvasElement).findByText(/Your session has expired/, {}, { timeout: 10_000 }),
    ).toBeInTheDocument()
  },
}

const hostCss = `
.host-inbox { block-size: 100%; font: 14px/1.4 Georgia, serif; }
.host-inbox .sb-inbox__body { display: grid; grid-template-columns: 300px 1fr; block-size: 100%; }
.host-inbox .sb-inbox__list, .host-inbox .sb-inbox__thread { display: flex; flex-direction: column; min-block-size: 0; }
.host-inbox .sb-list, .host-inbox .sb-thread, .host-inbox .sb-thread__scroll { flex: 1; min-block-size: 0; }
.host-inbox .sb-thread { display: flex; flex-direction: column; position: relative; }
.host-inbox .sb-inbox__client { display: none; }
.host-row { padding: 8px 12px; border-block-end: 1px solid #ccc; cursor: pointer; box-sizing: border-box; }
[aria-selected="true"] > .host-row { background: #fff3c4; }
.host-inbox .sb-avatar { display: none; }
.host-message { display: flex; flex-direction: column; align-items: flex-start; }
.host-message.sb-message--outbound { align-items: flex-end; }
.host-message .sb-message__bubble { border: 1px solid #999; padding: 4px 8px; }
`

/**
 * Unstyled mode: none of styles.css applies (no \`sb-root\`); the host brings its own CSS over the
 * \`sb-*\` classes and its \`classNames\` (here a serif, bordered look).
 */
export const Unstyled: Story = {
  parameters: {
    unstyled: true,
    classNames: { inbox: 'host-inbox', row: 'host-row', message: 'host-message' },
  },
  render: () => (
    <>
      <style>{hostCss}</style>
      <Inbox />
    </>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const list = await canvas.findByRole('listbox', { name: 'Conversations' })
    await expect(canvasElement.querySelector('.sb-root')).toBeNull()
    const [first] = await within(list).findAllByRole('option')
    await expect(first?.querySelector('.sb-row')).toHaveClass('sb-row', 'host-row')
    await userEvent.click(first as HTMLElement)
    const log = await canvas.findByRole('log')
    const bubble = await waitFor(() => {
      const found = log.querySelector('.host-message .sb-message__bubble')
      if (!found) throw new Error('no message yet')
      return found
    })
    // The host's look, not the shipped one: no bubble colour, the host's border.
    await expect(getComputedStyle(bubble).backgroundColor).toBe('rgba(0, 0, 0, 0)')
    await expect(getComputedStyle(bubble).borderTopStyle).toBe('solid')
  },
}

export const LongThread: Story = {
  parameters: withConversation(async (b) => {
    let id = ''
    for (let i = 0; i < 60; i++) {
      const m = await b.simulateInbound(
        '+16505550177',
        i % 7 === 0 ? `Message ${i}: ${'a long one with lots of words '.repeat(6)}` : `Message ${i} 🐾`,
      )
      id = m.conversationId
      if (i % 3 === 0)
        await b.service.sendMessage({ clinicId: 'cln_maple', userId: 'usr_priya', permissions: ['messaging'] }, id, {
          clientMessageId: `r${i}`,
          body: `Reply ${i}`,
        })
    }
    return id
  }),
  render: (_args, { loaded }) => <Inbox selectedId={loaded.prepared as string} />,
}

export const FailedMessages: Story = {
  parameters: withConversation(async (b, c) => {
    const { conversationId } = await b.simulateInbound('+16505550177', 'Can you text me the invoice?')
    const staff = { clinicId: 'cln_maple', userId: 'usr_priya', permissions: ['messaging' as const] }
    const sent = await b.service.sendMessage(staff, conversationId, { clientMessageId: 'f1', body: 'Here you go!' })
    await b.simulateDeliveryStatus(sent.id, 'failed', '30006')
    b.failNext({ method: 'POST', path: '/conversations/:id/messages', status: 422 })
    c.actions.send(conversationId, { body: 'This one will be refused' })
    return conversationId
  }),
  render: (_args, { loaded }) => <Inbox selectedId={loaded.prepared as string} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('This number is a landline and cannot receive texts.')).toBeInTheDocument()
    await expect(await canvas.findByRole('button', { name: 'Retry' })).toBeInTheDocument()
  },
}

/** Marcus is typing a reply and Priya has the conversation open: the thread header says so. */
export const OthersAtTheConversation: Story = {
  parameters: withConversation(async (b, c) => {
    const { conversationId } = await b.simulateInbound('+16505550177', 'Is Luna ready to go home?')
    // Signals stamped ahead so the story holds still (live ones go stale after 6 s and 45 s).
    const at = Date.now() + 3_600_000
    c.store.setState({
      typing: { [conversationId]: [{ userId: 'usr_marcus', name: 'Marcus Lee', at }] },
      viewing: { [conversationId]: [{ userId: 'usr_priya', name: 'Priya Shah', at }] },
    })
    return conversationId
  }),
  render: (_args, { loaded }) => <Inbox selectedId={loaded.prepared as string} />,
  play: async ({ canvasElement }) => {
    const status = await within(canvasElement).findByText('Marcus Lee typing…')
    await expect(status.closest('[role="status"]')).toHaveTextContent('Marcus Lee typing… · Priya Shah viewing')
  },
}

/** A client wrote "please stop texting me": not a keyword, so staff are asked to record it or not. */
export const PossibleOptOut: Story = {
  parameters: withConversation(
    async (b) => (await b.simulateInbound('+16505550177', 'Please stop texting me, I moved away')).conversationId,
  ),
  render: (_args, { loaded }) => <Inbox selectedId={loaded.prepared as string} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const region = await canvas.findByRole('region', { name: 'Possible opt-out request' })
    await expect(within(region).getByRole('button', { name: 'Record opt-out' })).toBeEnabled()
    await expect(within(region).getByRole('button', { name: 'Not an opt-out' })).toBeEnabled()
  },
}

export const OptedOut: Story = {
  parameters: withConversation(async (b) => (await b.simulateInbound('+16505550177', 'STOP')).conversationId),
  render: (_args, { loaded }) => <Inbox selectedId={loaded.prepared as string} />,
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/opted out of texts/)).toBeInTheDocument()
  },
}

export const Blocked: Story = {
  parameters: withConversation(async (b) => {
    const m = await b.simulateInbound('+16505550177', 'You won a prize!! Claim now http://spam.example')
    await b.service.block(
      { clinicId: 'cln_maple', userId: 'usr_dana', permissions: ['messaging', 'messaging.block'] },
      '+16505550177',
    )
    return m.conversationId
  }),
  render: (_args, { loaded }) => <Inbox selectedId={loaded.prepared as string} />,
}

export const Lead: Story = {
  parameters: withConversation(
    async (b) =>
      (await b.simulateInbound('+16505550177', 'Hi, do you take new patients? We have two cats 🐱🐱')).conversationId,
  ),
  render: (_args, { loaded }) => <Inbox selectedId={loaded.prepared as string} />,
}

export const OneWayMode: Story = {
  parameters: withConversation(
    async (b) => (await b.simulateInbound('+16505550177', 'Can I reply here?')).conversationId,
    {
      clinic: { mode: 'one-way' },
    },
  ),
  render: (_args, { loaded }) => <Inbox selectedId={loaded.prepared as string} />,
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/one-way texting/)).toBeInTheDocument()
  },
}

export const Mobile: Story = {
  globals: { viewport: { value: 'mobile1' } },
  parameters: { viewport: { defaultViewport: 'mobile1' } },
}

/**
 * The Inbox in a host's 700 px side pane on a wide screen: it lays out by its own width
 * (container queries), so one pane shows at a time with a back button — not three squeezed columns.
 */
export const InAHostSidePane: Story = {
  render: () => (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 700px', height: '100%' }}>
      <div style={{ padding: 24, background: '#eef1f5', font: '14px system-ui' }}>The host’s own page</div>
      <Inbox />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const list = await canvas.findByRole('listbox', { name: 'Conversations' })
    const [first] = await within(list).findAllByRole('option')
    await userEvent.click(first as HTMLElement)
    await canvas.findByRole('log')
    // One pane: the list gives way to the thread, and the back button returns to it.
    await waitFor(() => expect(list).not.toBeVisible())
    await userEvent.click(canvas.getByRole('button', { name: 'Back to conversations' }))
    await expect(await canvas.findByRole('listbox', { name: 'Conversations' })).toBeVisible()
  },
}

/** Two panes (900 px): the client panel opens as a sheet from the header's "Client details". */
export const ClientSheet: Story = {
  render: () => (
    <div style={{ width: 900, height: '100%' }}>
      <Inbox />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const list = await canvas.findByRole('listbox', { name: 'Conversations' })
    const [first] = await within(list).findAllByRole('option')
    await userEvent.click(first as HTMLElement)
    await canvas.findByRole('log')
    await expect(canvasElement.querySelector('.sb-inbox__client')).not.toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Client details' }))
    const sheet = await screen.findByRole('dialog', { name: 'Client details' })
    await expect(within(sheet).getByRole('region', { name: 'Client details' })).toBeVisible()
  },
}

/** The "+" opens the new conversation dialog; a conversation started there opens in the inbox. */
export const NewConversation: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'New conversation' }))
    const dialog = await screen.findByRole('dialog', { name: 'New conversation' })
    await userEvent.click(within(dialog).getByRole('radio', { name: 'A phone number' }))
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Phone number' }), '650 555 0142')
    await userEvent.type(within(dialog).getByRole('textbox', { name: /First message/ }), 'Hello from the clinic')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Start conversation' }))
    await expect(await canvas.findByRole('log', { name: 'Messages with (650) 555-0142' })).toBeVisible()
  },
}

/** New texts arrive every few seconds (simulated inbound), as at a busy front desk. */
export const LiveInbound: Story = {
  tags: ['!test'],
  parameters: backend({
    setup: (b) => {
      const texts = [
        'Running 5 min late!',
        'Is Luna ready?',
        'Thank you!! 🙏',
        'Can I get a refill?',
        'Here is the photo',
      ]
      let n = 0
      const timer = setInterval(() => {
        void b.simulateInbound(`+1650555${String(100 + (n % 4)).padStart(4, '0')}`, texts[n % texts.length] as string)
        n += 1
        if (n > 40) clearInterval(timer)
      }, 4000)
    },
  }),
}

/** Reading older messages while a new text arrives: the view stays put and offers a jump. */
export const NewTextWhileScrolledUp: Story = {
  ...LongThread,
  play: async ({ canvasElement, loaded }) => {
    const log = await within(canvasElement).findByRole('log')
    await waitFor(() => expect(log.scrollHeight).toBeGreaterThan(log.clientHeight))
    // Up from the bottom, but not to the top (that would load older history).
    log.scrollTop = 200
    log.dispatchEvent(new Event('scroll'))
    await new Promise((r) => setTimeout(r, 100))
    await (loaded.backend as MockBackend).simulateInbound('+16505550177', 'Are you still there?')
    const jump = await within(canvasElement).findByRole('button', { name: 'Jump to latest' }, { timeout: 10_000 })
    await userEvent.click(jump)
    await waitFor(() => expect(log.scrollHeight - log.scrollTop - log.clientHeight).toBeLessThan(40))
  },
}

/** Translated strings, a locale for dates and numbers, and right-to-left layout (logical properties). */
export const TranslatedRightToLeft: Story = {
  render: () => (
    <div dir="rtl" lang="ar" style={{ height: '100%' }}>
      <InboxProvider
        client={useInboxClient()}
        locale="ar-EG"
        strings={{
          inbox: 'صندوق الرسائل',
          conversations: 'المحادثات',
          search: 'ابحث بالاسم أو الرقم',
          send: 'إرسال',
          message: 'الرسالة',
          noConversationSelected: 'اختر محادثة لقراءتها.',
          smsNumber: 'الإرسال من {number}',
        }}
      >
        <Inbox />
      </InboxProvider>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('listbox', { name: 'المحادثات' })).toBeInTheDocument()
    await expect(canvas.getByRole('searchbox', { name: 'ابحث بالاسم أو الرقم' })).toBeInTheDocument()
    // The selected row's bar is on its start side: the right in right-to-left text.
    const [first] = within(canvas.getByRole('listbox')).getAllByRole('option')
    await userEvent.click(first as HTMLElement)
    const row = first?.querySelector('.sb-row') as HTMLElement
    await waitFor(() => expect(getComputedStyle(row).borderRightColor).not.toBe(getComputedStyle(row).borderLeftColor))
    await expect(getComputedStyle(row).borderRightWidth).toBe('3px')
    // Icons that point (the submenu's chevron) point the other way.
    await userEvent.click(await canvas.findByRole('button', { name: 'Conversation actions' }))
    const chevron = (
      await within(canvasElement.ownerDocument.body).findByRole('menuitem', { name: /Assign to/ })
    ).querySelector('svg')
    await expect(getComputedStyle(chevron as Element).transform).toBe('matrix(-1, 0, 0, 1, 0, 0)')
    await userEvent.keyboard('{Escape}')
  },
}

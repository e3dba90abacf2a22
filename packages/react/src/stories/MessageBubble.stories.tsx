import type { Meta, StoryObj } from '@storybook/react-vite'
import type { OutboxEntry } from '@switchboard/core'
import type { MockBackend } from '@switchboard/mock'
import type { Message } from '@switchboard/protocol'
import { expect, fn, userEvent, within } from 'storybook/test'
import { MessageBubble } from '../index'

/** A message as the server sends it; each story changes what it is about. */
const message = (over: Partial<Message>): Message => ({
  id: 'msg_1',
  conversationId: 'cnv_1',
  seq: 1,
  direction: 'inbound',
  origin: 'client',
  body: 'Is Biscuit ready for pick-up? 🐶',
  attachments: [],
  status: 'received',
  createdAt: '2026-11-30T17:42:00Z',
  updatedAt: '2026-11-30T17:42:00Z',
  ...over,
})

/** A text a staff member sent. */
const fromStaff = (over: Partial<Message>): Message =>
  message({
    direction: 'outbound',
    origin: 'staff',
    author: { id: 'usr_priya', name: 'Priya Natarajan' },
    body: 'Yes! Any time before 6pm.',
    status: 'delivered',
    ...over,
  })

const pending = (over: Partial<OutboxEntry>): OutboxEntry => ({
  clientMessageId: 'c1',
  conversationId: 'cnv_1',
  body: 'Yes! Any time before 6pm.',
  attachments: [],
  status: 'sending',
  createdAt: '2026-11-30T17:43:00Z',
  attempts: 1,
  nextAttemptAt: 0,
  error: null,
  ...over,
})

const meta: Meta<typeof MessageBubble> = {
  title: 'Parts/MessageBubble',
  component: MessageBubble,
  parameters: { height: 'auto', padded: true, backend: { realtime: false } },
  render: (args) => (
    <div style={{ display: 'flex', flexDirection: 'column', maxWidth: 560, padding: 16 }}>
      <MessageBubble {...args} />
    </div>
  ),
}
export default meta
type Story = StoryObj<typeof MessageBubble>

export const Inbound: Story = { args: { message: message({}) } }

export const Delivered: Story = {
  args: {
    message: fromStaff({}),
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Priya Natarajan')).toBeInTheDocument()
    await expect(within(canvasElement).getByText('Delivered')).toBeInTheDocument()
  },
}

export const FailedByCarrier: Story = {
  args: {
    message: fromStaff({
      body: 'Your invoice is ready.',
      status: 'failed',
      error: { code: '30006', reason: 'landline', message: 'This number is a landline and cannot receive texts.' },
    }),
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText(/landline/)).toBeInTheDocument()
    // A failure from history is no alert: the thread announces one once, when it happens.
    await expect(within(canvasElement).queryByRole('alert')).toBeNull()
  },
}

export const Campaign: Story = {
  args: {
    message: message({
      direction: 'outbound',
      origin: 'campaign',
      campaign: { id: 'cmp_1', name: 'Appointment Reminders' },
      body: 'Reminder: Luna has an appointment Tue Dec 2 at 10:30am. Reply C to confirm.',
      status: 'delivered',
    }),
  },
}

export const AutoReply: Story = {
  args: {
    message: message({
      direction: 'outbound',
      origin: 'auto-reply',
      body: 'Thanks for your text! We are closed now and will reply when we open at 8am.',
      status: 'sent',
    }),
  },
}

/** A photo and a PDF from a client, as the server keeps them: its own files, behind signed links. */
export const WithAttachments: Story = {
  parameters: {
    backend: {
      realtime: false,
      setup: (b: MockBackend) =>
        b.simulateInbound('+16505550177', 'Here is the photo of the rash, and the lab form', [
          { name: 'IMG_2041.jpg', contentType: 'image/png' },
          { name: 'Lab results.pdf', contentType: 'application/pdf' },
        ]),
    },
  },
  render: (_args, { loaded }) => (
    <div style={{ display: 'flex', flexDirection: 'column', maxWidth: 560, padding: 16 }}>
      <MessageBubble message={loaded.prepared as Message} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const image = within(canvasElement).getByRole('img', { name: 'IMG_2041.jpg' })
    await expect(image).toHaveAttribute('src', expect.stringMatching(/\/api\/files\/att_.*\?c=cln_maple&exp=\d+&sig=/))
    const pdf = within(canvasElement).getByRole('link', { name: /Lab results\.pdf/ })
    await expect(pdf).toHaveAttribute('rel', 'noopener noreferrer')
    await expect(pdf).toHaveTextContent('PDF file')
  },
}

/**
 * What a hostile payload would look like if it reached the widget: script and data links,
 * a link to another site, an SVG, a filename disguised with U+202E. None becomes a link or an
 * image; each says why, by its real name and type.
 */
export const HostileAttachments: Story = {
  args: {
    message: message({
      body: 'Your invoice: https://evil.example/\u202Emoc.knab',
      attachments: [
        { id: 'a1', name: 'photo.png', contentType: 'image/png', size: 9, url: 'javascript:alert(1)' },
        { id: 'a2', name: 'x.png', contentType: 'image/png', size: 9, url: 'data:image/svg+xml,<svg onload=alert(1)>' },
        { id: 'a3', name: 'far.png', contentType: 'image/png', size: 9, url: 'https://evil.example/far.png' },
        { id: 'a4', name: 'logo.svg', contentType: 'image/svg+xml', size: 9, url: '/api/files/a4' },
        {
          id: 'a5',
          name: 'invoice\u202Efdp.exe',
          contentType: 'application/octet-stream',
          size: 9,
          url: '/api/files/a5',
        },
      ],
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    // Nothing drawn from a stranger: no picture, and no SVG but the widget's own hidden icons.
    await expect(canvasElement.querySelector('img, svg:not(.sb-icon)')).toBeNull()
    for (const link of canvasElement.querySelectorAll('a')) {
      await expect(link.getAttribute('href')).toMatch(/^(\/api\/files\/|https:\/\/evil\.example\/moc\.knab)/)
    }
    await expect(canvas.getAllByText('cannot be shown: its link is not from this inbox')).toHaveLength(3)
    await expect(canvas.getByRole('link', { name: /invoice fdp\.exe/ })).toHaveTextContent('EXE file')
    await expect(canvasElement.textContent).not.toContain('\u202E')
  },
}

export const Sending: Story = { args: { pending: pending({}) } }

export const Retrying: Story = {
  args: {
    pending: pending({
      status: 'queued',
      attempts: 2,
      error: { code: 'network_error', message: 'No connection.', retryable: true },
    }),
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Waiting for the connection…')).toBeInTheDocument()
  },
}

export const RefusedCanRetry: Story = {
  args: {
    pending: pending({
      status: 'failed',
      error: { code: 'rate_limited', message: 'Too many texts at once. Try again in a minute.', retryable: false },
    }),
    onRetry: fn(),
    onDiscard: fn(),
  },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Retry' }))
    await expect(args.onRetry).toHaveBeenCalled()
  },
}

export const RefusedOptedOut: Story = {
  args: {
    pending: pending({
      status: 'failed',
      error: {
        code: 'recipient_opted_out',
        message: 'This contact opted out of texts. They can opt back in by texting START.',
        retryable: false,
      },
    }),
    onRetry: fn(),
    onDiscard: fn(),
  },
  play: async ({ canvasElement, args }) => {
    await expect(within(canvasElement).queryByRole('button', { name: 'Retry' })).toBeNull()
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Discard' }))
    await expect(args.onDiscard).toHaveBeenCalled()
  },
}

import type { Meta, StoryObj } from '@storybook/react-vite'
import type { OutboxEntry } from '@switchboard/core'
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
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('landline')
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

export const WithAttachments: Story = {
  args: {
    message: message({
      body: 'Here is the photo of the rash',
      attachments: [
        {
          id: 'att_1',
          name: 'IMG_2041.jpg',
          contentType: 'image/jpeg',
          size: 1200,
          url: 'data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==',
        },
        { id: 'att_2', name: 'Lab results.pdf', contentType: 'application/pdf', size: 52_000, url: '/files/att_2' },
      ],
    }),
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('img', { name: 'IMG_2041.jpg' })).toBeInTheDocument()
    await expect(within(canvasElement).getByRole('link', { name: /Lab results\.pdf/ })).toHaveAttribute(
      'rel',
      'noopener noreferrer',
    )
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

import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { UnreadBadge } from '../index'

const meta: Meta<typeof UnreadBadge> = {
  title: 'Inbox/UnreadBadge',
  component: UnreadBadge,
  parameters: { height: 'auto', padded: true, backend: { realtime: false } },
  render: (args) => (
    <nav aria-label="Practice menu" style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
      <span>Messages</span>
      <UnreadBadge {...args} />
    </nav>
  ),
}
export default meta
type Story = StoryObj<typeof UnreadBadge>

/** Unread conversations of the whole clinic, for the host's navigation. */
export const WithUnread: Story = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('status', { name: /unread/ })).toBeVisible()
  },
}

/** Without the messaging permission the badge draws nothing. */
export const NoPermission: Story = {
  parameters: { backend: { token: 'tok_usr_sam', realtime: false } },
  play: async ({ canvasElement }) => {
    await new Promise((resolve) => setTimeout(resolve, 500))
    await expect(within(canvasElement).queryByRole('status')).toBeNull()
  },
}

/** A text arrives while the host shows only its navigation (no inbox on screen): the number goes up and the badge pulses once. */
export const NewTextPulses: Story = {
  parameters: { backend: { realtime: true } },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement)
    const badge = await canvas.findByRole('status', { name: /unread texts/ })
    const before = Number.parseInt(badge.getAttribute('aria-label') ?? '', 10)
    const { backend } = loaded as { backend: { simulateInbound(phone: string, body: string): Promise<unknown> } }
    await backend.simulateInbound('+16505550177', 'Is Biscuit ready for pick-up?')
    await waitFor(() => expect(canvas.getByRole('status')).toHaveAccessibleName(`${before + 1} unread texts`), {
      timeout: 8000,
    })
    await expect(canvas.getByRole('status')).toHaveAttribute('data-pulse')
  },
}

/** Counting conversations instead of texts (`count="conversations"`). */
export const Conversations: Story = {
  args: { count: 'conversations' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('status', { name: /unread conversations?$/ })).toBeVisible()
  },
}

import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'
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

/** Counting conversations instead of texts (`count="conversations"`). */
export const Conversations: Story = {
  args: { count: 'conversations' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('status', { name: /unread conversations?$/ })).toBeVisible()
  },
}

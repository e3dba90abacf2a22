import type { Meta, StoryObj } from '@storybook/react-vite'
import { useQuery } from '@tanstack/react-query'
import { expect, screen, userEvent, within } from 'storybook/test'
import { ConversationMenu, UnreadBadge, useInboxClient } from '../index'

function MenuForFirst() {
  const client = useInboxClient()
  const { data } = useQuery(client.queries.conversation('cnv_000001'), client.queryClient)
  return data ? (
    <div style={{ display: 'flex', gap: 16, alignItems: 'center' }}>
      <span>
        Badge: <UnreadBadge />
      </span>
      <ConversationMenu conversation={data} />
    </div>
  ) : null
}

const meta: Meta = {
  title: 'Inbox/ConversationMenu',
  parameters: { padded: true, height: 480 },
  render: () => <MenuForFirst />,
}
export default meta
type Story = StoryObj

export const AllPermissions: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Conversation actions' }))
    await expect(await screen.findByRole('menuitem', { name: 'Delete conversation' })).toBeInTheDocument()
    await expect(screen.getByRole('menuitem', { name: 'Block contact' })).toBeInTheDocument()
    await userEvent.keyboard('{Escape}')
  },
}

export const MessagingOnly: Story = {
  parameters: { backend: { token: 'tok_usr_marcus' } },
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Conversation actions' }))
    await expect(await screen.findByRole('menuitem', { name: 'Mark as unread' })).toBeInTheDocument()
    await expect(screen.queryByRole('menuitem', { name: 'Delete conversation' })).toBeNull()
    await userEvent.keyboard('{Escape}')
  },
}

export const ConfirmDelete: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Conversation actions' }))
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Delete conversation' }))
    await expect(await screen.findByRole('alertdialog', { name: 'Delete this conversation?' })).toBeInTheDocument()
  },
}

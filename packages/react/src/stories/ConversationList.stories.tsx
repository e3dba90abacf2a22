import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { ConversationFilters, ConversationList } from '../index'

const meta: Meta<typeof ConversationList> = {
  title: 'Inbox/ConversationList',
  component: ConversationList,
  parameters: { height: 640 },
  render: (args) => (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', maxWidth: 360 }}>
      <ConversationFilters />
      <ConversationList {...args} />
    </div>
  ),
}
export default meta
type Story = StoryObj<typeof ConversationList>

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole('listbox', { name: 'Conversations' })
    list.focus()
    await userEvent.keyboard('{ArrowDown}{Enter}')
    const options = within(list).getAllByRole('option')
    await expect(options[1]).toHaveAttribute('aria-selected', 'true')
  },
}

export const LeadsOnly: Story = { args: { filter: { status: 'all', contactType: 'leads' } } }

export const UnreadAssignedToMe: Story = { args: { filter: { status: 'unread', assignee: 'me' } } }

export const HundredThousandConversations: Story = {
  tags: ['!test'],
  parameters: { backend: { seed: { seed: 7, conversations: 100_000 } } },
}

export const Empty: Story = { parameters: { backend: { seed: { seed: 7, conversations: 0 } } } }

import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { ConversationFilters, ConversationList, useInboxState } from '../index'

const selectFilter = (s: { filter: object }) => s.filter

/** The filters with the store's filter printed, as a vendor wiring its own list would see it. */
function FiltersWithState() {
  const filter = useInboxState(selectFilter)
  return (
    <div style={{ maxWidth: 360 }}>
      <ConversationFilters />
      <output
        aria-label="Current filter"
        style={{ display: 'block', fontSize: 12, padding: '0 16px', fontFamily: 'monospace' }}
      >
        {JSON.stringify(filter)}
      </output>
      <div style={{ height: 320, display: 'flex', flexDirection: 'column' }}>
        <ConversationList />
      </div>
    </div>
  )
}

const meta: Meta = {
  title: 'Inbox/ConversationFilters',
  parameters: { padded: true, height: 640 },
  render: () => <FiltersWithState />,
}
export default meta
type Story = StoryObj

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.selectOptions(await canvas.findByRole('combobox', { name: 'Status' }), 'unread')
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Assignment' }), 'unassigned')
    await canvas.findByRole('option', { name: 'Front desk' })
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Inbox' }), 'Front desk')
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search by name or phone' }), 'luna')
    await waitFor(() =>
      expect(canvas.getByLabelText('Current filter')).toHaveTextContent(
        '{"status":"unread","contactType":"all","assignee":"unassigned","inbox":"inb_front","q":"luna"}',
      ),
    )
  },
}

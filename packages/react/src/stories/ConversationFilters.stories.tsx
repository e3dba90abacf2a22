import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { ConversationFilters, ConversationList, useInboxState } from '../index'

const selectFilter = (s: { filter: object }) => s.filter
const selectReset = (s: { resetFilter(): void }) => s.resetFilter

/** The filters with the store's filter printed, as a vendor wiring its own list would see it. */
function FiltersWithState() {
  const filter = useInboxState(selectFilter)
  const resetFilter = useInboxState(selectReset)
  return (
    <div style={{ maxWidth: 360 }}>
      <ConversationFilters />
      <button type="button" onClick={resetFilter} style={{ margin: '0 16px 8px' }}>
        Reset filters (from the host)
      </button>
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

/** The host resets the filters: the search box empties and stays empty (it no longer types the old text back). */
export const ResetByTheHost: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const box = canvas.getByRole('searchbox', { name: 'Search by name or phone' })
    await userEvent.type(box, 'luna')
    await waitFor(() => expect(canvas.getByLabelText('Current filter')).toHaveTextContent('"q":"luna"'))
    await userEvent.click(canvas.getByRole('button', { name: 'Reset filters (from the host)' }))
    await expect(box).toHaveValue('')
    await new Promise((r) => setTimeout(r, 400))
    await expect(canvas.getByLabelText('Current filter')).toHaveTextContent('"q":""')
    await expect(box).toHaveValue('')
  },
}

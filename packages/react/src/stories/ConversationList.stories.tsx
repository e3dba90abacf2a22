import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, screen, userEvent, waitFor, within } from 'storybook/test'
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
    // Rows of even height, whatever marks, assignee or unread count they carry.
    const heights = new Set(options.map((o) => Math.round(o.getBoundingClientRect().height)))
    await expect([...heights]).toHaveLength(1)
  },
}

const activeOption = (list: HTMLElement) => {
  const id = list.getAttribute('aria-activedescendant')
  return id ? list.ownerDocument.getElementById(id) : null
}
const positionOf = (list: HTMLElement) => Number(activeOption(list)?.getAttribute('aria-posinset'))

/** A row's "⋯" menu (Mark as unread / read, Close / Reopen), opened from the keyboard with the ContextMenu key. */
export const RowMenu: Story = {
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole('listbox', { name: 'Conversations' })
    const [first] = await within(list).findAllByRole('option')
    await userEvent.hover(first as HTMLElement)
    list.focus()
    await userEvent.keyboard('{Home}{ContextMenu}')
    const menu = await screen.findByRole('menu', { name: /^Actions for / })
    await expect(within(menu).getByRole('menuitem', { name: 'Close conversation' })).toBeVisible()
    // Closed, the keyboard is back on the list.
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(list).toHaveFocus())
  },
}

/** The listbox keyboard model: a view at a time, the ends, and a name found by typing. */
export const Keyboard: Story = {
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole('listbox', { name: 'Conversations' })
    await within(list).findAllByRole('option')
    list.focus()
    // A view at a time: as many rows as fit, by the rows' own height.
    const rowHeight = (within(list).getAllByRole('option')[0] as HTMLElement).getBoundingClientRect().height
    const inView = Math.floor(list.clientHeight / rowHeight)
    await userEvent.keyboard('{PageDown}')
    await expect(positionOf(list)).toBe(inView)
    await userEvent.keyboard('{PageUp}')
    await expect(positionOf(list)).toBe(1)
    await userEvent.keyboard('{End}')
    await waitFor(() => expect(activeOption(list)).toBeVisible())
    const size = Number(activeOption(list)?.getAttribute('aria-setsize'))
    if (size > 0) await expect(positionOf(list)).toBe(size)
    await userEvent.keyboard('{Home}')
    await waitFor(() => expect(positionOf(list)).toBe(1))
    const names = within(list)
      .getAllByRole('option')
      .map((o) => o.querySelector('.sb-row__name')?.textContent ?? '')
    const wanted = names.find((n, i) => i > 2 && /^[A-Za-z]{3}/.test(n)) as string
    await userEvent.keyboard(wanted.slice(0, 3))
    await expect(activeOption(list)?.querySelector('.sb-row__name')).toHaveTextContent(wanted)
    await userEvent.keyboard('{Enter}')
    await expect(activeOption(list)).toHaveAttribute('aria-selected', 'true')
  },
}

export const LeadsOnly: Story = { args: { filter: { status: 'all', contactType: 'leads' } } }

export const UnreadAssignedToMe: Story = { args: { filter: { status: 'unread', assignee: 'me' } } }

export const HundredThousandConversations: Story = {
  tags: ['!test'],
  parameters: { backend: { seed: { seed: 7, conversations: 100_000 } } },
}

export const Empty: Story = { parameters: { backend: { seed: { seed: 7, conversations: 0 } } } }

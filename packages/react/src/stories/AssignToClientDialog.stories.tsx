import type { Meta, StoryObj } from '@storybook/react-vite'
import type { MockBackend } from '@switchboard/mock'
import { expect, screen, userEvent, waitFor, within } from 'storybook/test'
import type { BackendParameters } from '../../../../.storybook/backend'
import { AssignToClientDialog, useConversation } from '../index'

const editor = {
  clinicId: 'cln_maple',
  userId: 'usr_dana',
  permissions: ['messaging' as const, 'clients.edit' as const],
}
const LEAD = '+16505550188'

/** A lead texting the clinic, and Zelda Quenby (with Pickles the cat) to find. */
async function aLead(b: MockBackend) {
  await b.service.createClient(editor, {
    firstName: 'Zelda',
    lastName: 'Quenby',
    phones: ['+16505550999'],
    patients: [{ name: 'Pickles', species: 'Cat' }],
  })
  return (await b.simulateInbound(LEAD, 'Hi, this is my new number')).conversationId
}
const lead = (rest: BackendParameters = {}): { backend: BackendParameters } => ({
  backend: { realtime: false, setup: aLead, ...rest },
})

function OpenDialog({ conversationId }: { conversationId: string }) {
  const { data } = useConversation(conversationId)
  return data ? <AssignToClientDialog conversation={data} defaultOpen /> : null
}

const meta: Meta<typeof AssignToClientDialog> = {
  title: 'Clients/AssignToClientDialog',
  component: AssignToClientDialog,
  parameters: { height: 720 },
  render: (_args, { loaded }) => <OpenDialog conversationId={loaded.prepared as string} />,
}
export default meta
type Story = StoryObj<typeof AssignToClientDialog>

const dialog = () => screen.findByRole('dialog', { name: 'Assign (650) 555-0188 to a client' })
const searchFor = async (text: string) => {
  const d = await dialog()
  await userEvent.type(within(d).getByRole('combobox', { name: 'Search clients' }), text)
  return d
}

/** Opened: the search has focus and says what it searches by. */
export const EmptySearch: Story = {
  parameters: lead(),
  play: async () => {
    const d = await dialog()
    await expect(within(d).getByRole('combobox', { name: 'Search clients' })).toHaveFocus()
    await expect(within(d).getByPlaceholderText('Name, patient name or phone number')).toBeVisible()
  },
}

/** A pet's name and a last name's start: the matches marked, one picked with the keyboard. */
export const Results: Story = {
  parameters: lead(),
  play: async () => {
    const d = await searchFor('pick quen')
    const option = await within(d).findByRole('option', { name: /Zelda Quenby/ })
    await expect(within(option).getByText('Pick', { selector: 'mark' })).toBeVisible()
    await userEvent.keyboard('{ArrowDown}{Enter}')
    await expect(option).toHaveAttribute('aria-selected', 'true')
  },
}

/** Nothing matches: said in place, and "Add client" offered. */
export const NoResults: Story = {
  parameters: lead(),
  play: async () => {
    const d = await searchFor('Maya Okafor')
    await expect(await within(d).findByText('No client matches “Maya Okafor”.')).toBeVisible()
    await expect(within(d).getByRole('button', { name: 'No match? Add a new client' })).toBeVisible()
  },
}

/** "Add client" with the typed name carried over; a bad e-mail and a missing patient name shown in place. */
export const ValidationErrors: Story = {
  parameters: lead(),
  play: async () => {
    const d = await searchFor('Maya Okafor')
    await userEvent.click(await within(d).findByRole('button', { name: 'No match? Add a new client' }))
    await userEvent.type(within(d).getByRole('textbox', { name: /E-mail/ }), 'maya@')
    await userEvent.type(within(d).getByRole('combobox', { name: 'Species' }), 'Dog')
    await userEvent.click(within(d).getByRole('button', { name: 'Add client' }))
    const email = within(d).getByRole('textbox', { name: /E-mail/ })
    await expect(email).toHaveAccessibleDescription('Enter an e-mail address like name@example.com.')
    await expect(email).toHaveFocus()
    await expect(within(d).getByRole('textbox', { name: 'Patient name' })).toHaveAccessibleDescription(
      'This field is required.',
    )
  },
}

/** The server refuses the save: the reason shows in the dialog, the pick is kept. */
export const ServerRefusal: Story = {
  parameters: lead(),
  play: async ({ loaded }) => {
    const d = await searchFor('zelda')
    await userEvent.click(await within(d).findByRole('option', { name: /Zelda Quenby/ }))
    ;(loaded.backend as MockBackend).failNext({ method: 'POST', path: '/conversations/:id/client', status: 503 })
    await userEvent.click(within(d).getByRole('button', { name: 'Save' }))
    await expect(await within(d).findByRole('alert')).toBeVisible()
  },
}

/** Saved: the dialog closes and the conversation belongs to the client. */
export const Saved: Story = {
  parameters: lead(),
  play: async ({ loaded }) => {
    const d = await searchFor('zelda')
    await userEvent.click(await within(d).findByRole('option', { name: /Zelda Quenby/ }))
    await userEvent.click(within(d).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    const backend = loaded.backend as MockBackend
    const conversation = await backend.service.getConversation(editor, loaded.prepared as string)
    await expect(conversation.client?.firstName).toBe('Zelda')
  },
}

/** Without the client editing permission: search and assign only, no "Add client". */
export const NoPermissionToAdd: Story = {
  parameters: lead({ token: 'tok_usr_marcus' }),
  play: async () => {
    const d = await searchFor('zzqx')
    await expect(await within(d).findByText('No client matches “zzqx”.')).toBeVisible()
    await expect(within(d).queryByRole('button', { name: /Add a new client/ })).toBeNull()
  },
}

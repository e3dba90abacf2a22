import type { Meta, StoryObj } from '@storybook/react-vite'
import type { MockBackend } from '@switchboard/mock'
import { expect, screen, userEvent, waitFor, within } from 'storybook/test'
import type { BackendParameters } from '../../../../.storybook/backend'
import { NewConversationDialog } from '../index'

const editor = {
  clinicId: 'cln_maple',
  userId: 'usr_dana',
  permissions: ['messaging' as const, 'clients.edit' as const],
}

/** Zelda Quenby with two mobiles, and Noor Haddad with none. */
async function clients(b: MockBackend) {
  const zelda = await b.service.createClient(editor, {
    firstName: 'Zelda',
    lastName: 'Quenby',
    phones: ['+16505550999', '+16505550998'],
    patients: [{ name: 'Pickles', species: 'Cat' }],
  })
  const noor = await b.service.createClient(editor, { firstName: 'Noor', lastName: 'Haddad' })
  await b.simulateInbound('+16505550177', 'Is Biscuit ready?')
  await b.simulateInbound('+16505550166', 'STOP')
  return { zelda: zelda.id, noor: noor.id }
}
const withClients = (rest: BackendParameters = {}): { backend: BackendParameters } => ({
  backend: { realtime: false, setup: clients, ...rest },
})

const meta: Meta<typeof NewConversationDialog> = {
  title: 'Clients/NewConversationDialog',
  component: NewConversationDialog,
  parameters: { height: 760 },
  render: (args) => <NewConversationDialog {...args} defaultOpen />,
}
export default meta
type Story = StoryObj<typeof NewConversationDialog>

const dialog = () => screen.findByRole('dialog', { name: 'New conversation' })
const typeNumber = async (number: string) => {
  const d = await dialog()
  await userEvent.click(within(d).getByRole('radio', { name: 'A phone number' }))
  await userEvent.type(within(d).getByRole('textbox', { name: 'Phone number' }), number)
  return d
}

/** Opened: searching a client has focus. */
export const EmptySearch: Story = {
  parameters: withClients(),
  play: async () => {
    const d = await dialog()
    await expect(within(d).getByRole('combobox', { name: 'Search clients' })).toHaveFocus()
  },
}

/** A client picked: their numbers to choose from, and a first message with its SMS count. */
export const ClientPicked: Story = {
  parameters: withClients(),
  play: async () => {
    const d = await dialog()
    await userEvent.type(within(d).getByRole('combobox', { name: 'Search clients' }), 'pickles')
    await userEvent.click(await within(d).findByRole('option', { name: /Zelda Quenby/ }))
    await expect(within(d).getByRole('radio', { name: '(650) 555-0999' })).toBeChecked()
    await userEvent.type(within(d).getByRole('textbox', { name: /First message/ }), 'Hi Zelda! Pickles is ready 🐱')
    await expect(within(d).getByText(/Special characters/)).toBeVisible()
  },
}

/** Nothing matches the search. */
export const NoResults: Story = {
  parameters: withClients(),
  play: async () => {
    const d = await dialog()
    await userEvent.type(within(d).getByRole('combobox', { name: 'Search clients' }), 'zzqx')
    await expect(await within(d).findByText('No client matches “zzqx”.')).toBeVisible()
  },
}

/** A number too short: said under the field once it is left. */
export const InvalidNumber: Story = {
  parameters: withClients(),
  play: async () => {
    const d = await typeNumber('555 01')
    await userEvent.tab()
    await expect(within(d).getByRole('textbox', { name: 'Phone number' })).toHaveAccessibleDescription(
      /This number is too short\./,
    )
  },
}

/** A valid number: formatted as it will be texted. */
export const ValidNumber: Story = {
  parameters: withClients(),
  play: async () => {
    const d = await typeNumber('650.555.0142')
    await expect(within(d).getByText('Will text (650) 555-0142')).toBeVisible()
  },
}

/** The number already has an open conversation: that one is opened (the dialog closes). */
export const ExistingOpenConversation: Story = {
  parameters: withClients(),
  args: { onStarted: () => undefined },
  play: async ({ loaded }) => {
    const d = await typeNumber('(650) 555-0177')
    await userEvent.click(within(d).getByRole('button', { name: 'Start conversation' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    const list = await (loaded.backend as MockBackend).service.listConversations(editor, { q: '6505550177' })
    await expect(list.items).toHaveLength(1)
  },
}

/** The server refuses: a first message to a number that texted STOP. */
export const ServerRefusal: Story = {
  parameters: withClients(),
  play: async () => {
    const d = await typeNumber('6505550166')
    await userEvent.type(within(d).getByRole('textbox', { name: /First message/ }), 'Hello again')
    await userEvent.click(within(d).getByRole('button', { name: 'Start conversation' }))
    await expect(await within(d).findByRole('alert')).toHaveTextContent(/opted out/i)
  },
}

/** From a client profile (the seeds' "Send SMS"): the client given, with no number yet, so one is asked for. */
export const FromClientProfileWithoutNumber: Story = {
  parameters: withClients(),
  render: (args, { loaded }) => (
    <NewConversationDialog {...args} defaultClientId={(loaded.prepared as { noor: string }).noor} defaultOpen />
  ),
  play: async () => {
    const d = await dialog()
    await expect(await within(d).findByText('This client has no phone number on record.')).toBeVisible()
    await expect(within(d).getByRole('textbox', { name: 'Phone number' })).toBeVisible()
  },
}

/** Without the client editing permission, a client with no number cannot be given one here. */
export const NoPermissionToAddNumber: Story = {
  parameters: withClients({ token: 'tok_usr_marcus' }),
  render: (args, { loaded }) => (
    <NewConversationDialog {...args} defaultClientId={(loaded.prepared as { noor: string }).noor} defaultOpen />
  ),
  play: async () => {
    const d = await dialog()
    await expect(await within(d).findByText(/adding one needs the client editing permission/)).toBeVisible()
  },
}

/** In Spanish (the toolbar's Language): a typed number checked and its problem said in Spanish. */
export const Spanish: Story = {
  parameters: withClients(),
  globals: { locale: 'es' },
  play: async () => {
    const d = await screen.findByRole('dialog', { name: 'Nueva conversación' })
    await userEvent.click(within(d).getByRole('radio', { name: 'Un número de teléfono' }))
    await userEvent.type(within(d).getByRole('textbox', { name: 'Número de teléfono' }), '555')
    await userEvent.click(within(d).getByRole('button', { name: 'Iniciar conversación' }))
    await expect(await within(d).findByText('Este número es demasiado corto.')).toBeVisible()
  },
}

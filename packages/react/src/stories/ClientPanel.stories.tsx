import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, screen, userEvent, waitFor, within } from 'storybook/test'
import type { BackendParameters } from '../../../../.storybook/backend'
import { ClientPanel } from '../index'

const dana = {
  clinicId: 'cln_maple',
  userId: 'usr_dana',
  permissions: ['messaging' as const, 'messaging.block' as const],
}
const conversation = (setup: BackendParameters['setup']): { backend: BackendParameters } => ({
  backend: { realtime: false, setup },
})

const meta: Meta<typeof ClientPanel> = {
  title: 'Inbox/ClientPanel',
  component: ClientPanel,
  parameters: { height: 480 },
  render: (args, { loaded }) => (
    <div style={{ maxWidth: 320 }}>
      <ClientPanel {...args} conversationId={loaded.prepared as string} />
    </div>
  ),
}
export default meta
type Story = StoryObj<typeof ClientPanel>

/** A matched client: numbers, e-mail, balance, patients, consent. */
export const Client: Story = {
  parameters: conversation(async (b) => {
    const [client] = await b.service.searchClients(dana, { q: '' })
    if (!client) throw new Error('the seed has clients')
    return (await b.service.startConversation(dana, { clientId: client.id })).conversation.id
  }),
  play: async ({ canvasElement }) => {
    const panel = await within(canvasElement).findByRole('region', { name: 'Client details' })
    await expect(await within(panel).findByText('Can receive texts')).toBeInTheDocument()
  },
}

/** A number no client record matches yet. */
export const Lead: Story = {
  parameters: conversation(async (b) => (await b.simulateInbound('+16505550177', 'Hi, new here')).conversationId),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('This number is not matched to a client yet.')).toBeVisible()
  },
}

/** The contact texted STOP: the panel says since when. */
export const OptedOut: Story = {
  parameters: conversation(async (b) => (await b.simulateInbound('+16505550177', 'STOP')).conversationId),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/^Opted out on/)).toBeVisible()
  },
}

/** Staff blocked the number. */
export const Blocked: Story = {
  parameters: conversation(async (b) => {
    const { conversationId } = await b.simulateInbound('+16505550177', 'You won a prize!!')
    await b.service.block(dana, '+16505550177')
    return conversationId
  }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/Blocked/)).toBeVisible()
  },
}

const editor = { ...dana, permissions: [...dana.permissions, 'clients.edit' as const] }
/** Ana Lima (with Mochi the cat) texting from her number. */
const ana = conversation(async (b) => {
  await b.service.createClient(editor, {
    firstName: 'Ana',
    lastName: 'Lima',
    email: 'ana@mail.example',
    phones: ['+16505550121'],
    patients: [{ name: 'Mochi', species: 'Cat' }],
  })
  return (await b.simulateInbound('+16505550121', 'Is Mochi ready?')).conversationId
})

/** Edited in place: a cleared name and a bad number said under their fields. */
export const EditWithErrors: Story = {
  parameters: ana,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Edit client' }))
    await userEvent.clear(canvas.getByRole('textbox', { name: 'First name' }))
    await userEvent.type(canvas.getByRole('textbox', { name: 'Phone 1' }), '99')
    await userEvent.click(canvas.getByRole('button', { name: 'Save changes' }))
    await expect(canvas.getByRole('textbox', { name: 'First name' })).toHaveAccessibleDescription(
      'This field is required.',
    )
  },
}

/** Saved: the new name shows at once. */
export const Edited: Story = {
  parameters: ana,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Edit client' }))
    await userEvent.type(canvas.getByRole('textbox', { name: 'Last name' }), '-Souza')
    await userEvent.click(canvas.getByRole('button', { name: 'Save changes' }))
    await expect(await canvas.findByRole('heading', { name: 'Ana Lima-Souza' })).toBeVisible()
  },
}

/** Without the client editing permission: no "Edit client". */
export const NoPermissionToEdit: Story = {
  parameters: { backend: { ...ana.backend, token: 'tok_usr_marcus' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Mochi')).toBeVisible()
    await expect(within(canvasElement).queryByRole('button', { name: 'Edit client' })).toBeNull()
  },
}

/** "Record consent": withdrawing transactional consent warns that texts stop. */
export const RecordConsent: Story = {
  parameters: ana,
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Record consent' }))
    const dialog = await screen.findByRole('dialog', { name: 'Record consent for (650) 555-0121' })
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Withdrawn' }))
    await expect(within(dialog).getByText(/stops every text to this number/)).toBeVisible()
  },
}

/** A lead: "Assign to client" opens the dialog. */
export const LeadAssign: Story = {
  parameters: conversation(async (b) => (await b.simulateInbound('+16505550188', 'Hi, new here')).conversationId),
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Assign to client' }))
    await expect(await screen.findByRole('dialog', { name: 'Assign (650) 555-0188 to a client' })).toBeVisible()
  },
}

/** With the host's "Open in PMS". */
export const OpenInPms: Story = {
  parameters: ana,
  args: { onOpenClient: () => undefined },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('button', { name: 'Open in PMS' })).toBeVisible()
    await waitFor(() => expect(within(canvasElement).getByText('ana@mail.example')).toBeVisible())
  },
}

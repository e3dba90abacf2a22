import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'
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
  render: (_args, { loaded }) => (
    <div style={{ maxWidth: 300 }}>
      <ClientPanel conversationId={loaded.prepared as string} />
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

import type { Meta, StoryObj } from '@storybook/react-vite'
import type { MockBackend } from '@switchboard/mock'
import { expect, userEvent, within } from 'storybook/test'
import type { BackendParameters } from '../../../../.storybook/backend'
import { ClientHistory } from '../index'

const editor = {
  clinicId: 'cln_maple',
  userId: 'usr_dana',
  permissions: ['messaging' as const, 'clients.edit' as const],
}

/** Ana Lima, with texts from two numbers; the first conversation closed. */
async function ana(b: MockBackend, texts: number) {
  const client = await b.service.createClient(editor, {
    firstName: 'Ana',
    lastName: 'Lima',
    phones: ['+16505550151', '+16505550152'],
  })
  for (let i = 1; i <= texts; i++) {
    const { conversationId } = await b.simulateInbound(i % 2 ? '+16505550151' : '+16505550152', `Text number ${i}`)
    if (i % 3 === 0) {
      await b.service.sendMessage(editor, conversationId, { clientMessageId: `reply-${i}`, body: `Reply to text ${i}` })
    }
    if (i === 1) await b.service.updateConversation(editor, conversationId, { status: 'closed' })
  }
  return client.id
}
/** A clock a minute further on each read (from Monday 9:00 at the clinic), so texts have distinct times. */
function ticking() {
  let n = 0
  return () => new Date(Date.parse('2026-11-30T17:00:00Z') + n++ * 60_000)
}
const history = (texts: number, rest: BackendParameters = {}): { backend: BackendParameters } => ({
  backend: { realtime: false, setup: (b) => ana(b, texts), clock: ticking(), ...rest },
})

const meta: Meta<typeof ClientHistory> = {
  title: 'Clients/ClientHistory',
  component: ClientHistory,
  parameters: { height: 560 },
  render: (args, { loaded }) => (
    <div style={{ height: 520, maxWidth: 560 }}>
      <ClientHistory {...args} clientId={loaded.prepared as string} />
    </div>
  ),
}
export default meta
type Story = StoryObj<typeof ClientHistory>

/** Texts across both numbers, a closed conversation included, newest first. */
export const Default: Story = {
  parameters: history(6),
  play: async ({ canvasElement }) => {
    const region = await within(canvasElement).findByRole('region', { name: 'Text history' })
    await expect(await within(region).findByText('Text number 6')).toBeVisible()
    await expect(within(region).getByText('Text number 1')).toBeInTheDocument()
  },
}

/** More than a page: older texts load from the end of the list. */
export const Paged: Story = {
  parameters: history(60),
  play: async ({ canvasElement }) => {
    const region = await within(canvasElement).findByRole('region', { name: 'Text history' })
    await expect(await within(region).findByText('Text number 60')).toBeVisible()
    region.scrollTop = region.scrollHeight
    const more = within(region).queryByRole('button', { name: 'Load older messages' })
    if (more) await userEvent.click(more)
    await expect(await within(region).findByText('Start of the history', {}, { timeout: 5000 })).toBeInTheDocument()
  },
}

/** No texts with the client yet. */
export const Empty: Story = {
  parameters: history(0),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No texts with this client yet.')).toBeVisible()
  },
}

import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, screen, userEvent, waitFor, within } from 'storybook/test'
import type { BackendParameters } from '../../../../.storybook/backend'
import { Composer } from '../index'

const dana = { clinicId: 'cln_maple', userId: 'usr_dana', permissions: ['messaging' as const] }
const withClient: { backend: BackendParameters } = {
  backend: {
    setup: async (b) => {
      const [client] = await b.service.searchClients(dana, { q: '' })
      if (!client) throw new Error('the seed has clients')
      return (await b.service.startConversation(dana, { clientId: client.id })).conversation.id
    },
  },
}

const meta: Meta<typeof Composer> = {
  title: 'Inbox/Composer',
  component: Composer,
  parameters: { ...withClient, padded: true, height: 560 },
  render: (_args, { loaded }) => (
    <div style={{ marginTop: 380, maxWidth: 640 }}>
      <Composer conversationId={loaded.prepared as string} />
    </div>
  ),
}
export default meta
type Story = StoryObj<typeof Composer>

export const Empty: Story = {}

export const LongUnicodeMessage: Story = {
  play: async ({ canvasElement }) => {
    const box = await within(canvasElement).findByRole('textbox', { name: 'Message' })
    await userEvent.type(box, `Hi! “Biscuit” is ready 🐶 ${'and doing great '.repeat(5)}`)
    await expect(await within(canvasElement).findByText(/Special characters/)).toBeInTheDocument()
  },
}

export const TemplateWithUnknownVariable: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Insert a template' }))
    await userEvent.click(await screen.findByRole('menuitem', { name: /Appointment confirmation/ }))
    const box = within(canvasElement).getByRole('textbox', { name: 'Message' })
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toContain('is booked for'))
    await expect(await within(canvasElement).findByText(/before sending/)).toHaveTextContent('{{appointment.date}}')
    await expect(within(canvasElement).getByRole('button', { name: 'Send' })).toBeDisabled()
  },
}

export const EmojiPicker: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Insert emoji' }))
    const picker = await screen.findByRole('dialog', { name: 'Insert emoji' })
    await waitFor(() => expect(picker.querySelector('.sb-emoji')).toHaveAttribute('data-state', 'ready'), {
      timeout: 10_000,
    })
    await expect(picker.querySelector('em-emoji-picker')).not.toBeNull()
    await userEvent.keyboard('{Escape}')
  },
}

export const LibraryAttachment: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(
      await within(canvasElement).findByRole('button', { name: 'Attach from the document library' }),
    )
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Parking map.png' }))
    await expect(
      await within(canvasElement).findByRole('button', { name: 'Remove Parking map.png' }),
    ).toBeInTheDocument()
  },
}

const lockedBy = (setup: NonNullable<BackendParameters['setup']>, rest: BackendParameters = {}) => ({
  backend: { ...rest, setup },
})

export const LockedOptedOut: Story = {
  parameters: lockedBy(async (b) => (await b.simulateInbound('+16505550177', 'STOP')).conversationId),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/opted out of texts/)).toHaveAttribute('data-state', 'locked')
  },
}

export const LockedBlocked: Story = {
  parameters: lockedBy(async (b) => {
    const m = await b.simulateInbound('+16505550177', 'spam')
    await b.service.block({ ...dana, permissions: ['messaging', 'messaging.block'] }, '+16505550177')
    return m.conversationId
  }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/This contact is blocked/)).toHaveAttribute(
      'data-state',
      'locked',
    )
  },
}

export const LockedOneWay: Story = {
  parameters: lockedBy(async (b) => (await b.simulateInbound('+16505550177', 'Hello?')).conversationId, {
    clinic: { mode: 'one-way' },
  }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/one-way texting/)).toHaveAttribute('data-state', 'locked')
  },
}

/**
 * The host's own tools beside the built-in ones, given the conversation and its client: a payment
 * request that writes the client's link into the draft; and templates filled with the host's
 * appointment.
 */
export const HostToolsAndContext: Story = {
  render: (_args, { loaded }) => (
    <div style={{ marginTop: 380, maxWidth: 640 }}>
      <Composer
        conversationId={loaded.prepared as string}
        templateContext={{ appointment: { date: 'Tue Dec 8 at 9:30am' } }}
        tools={({ client, insertText }) => (
          <button
            type="button"
            className="sb-button sb-button--small"
            onClick={() => insertText(`Pay online: https://pay.example/${client?.id ?? ''}`)}
          >
            Payment request
          </button>
        )}
      />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Payment request' }))
    const box = canvas.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement
    await waitFor(() => expect(box.value).toMatch(/^Pay online: https:\/\/pay\.example\/cli_\d+$/))
    await userEvent.clear(box)
    await userEvent.click(canvas.getByRole('button', { name: 'Insert a template' }))
    await userEvent.click(await screen.findByRole('menuitem', { name: /Appointment confirmation/ }))
    await waitFor(() => expect(box.value).toContain('booked for Tue Dec 8 at 9:30am'))
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeEnabled()
  },
}

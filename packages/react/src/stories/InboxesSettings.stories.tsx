import type { Meta, StoryObj } from '@storybook/react-vite'
import type { MockBackend } from '@switchboard/mock'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { InboxesSettings } from '../settings'

const dana = {
  clinicId: 'cln_maple',
  userId: 'usr_dana',
  permissions: ['messaging' as const, 'messaging.manageInboxes' as const],
}

const meta: Meta<typeof InboxesSettings> = {
  title: 'Settings/InboxesSettings',
  component: InboxesSettings,
  parameters: {
    height: 'auto',
    backend: {
      realtime: false,
      setup: async (b: MockBackend) => {
        const old = await b.service.createInbox(dana, { name: 'Boarding' })
        await b.service.updateInbox(dana, old.id, { archived: true })
      },
    },
  },
  render: (args) => (
    <div style={{ maxWidth: 760, padding: 16 }}>
      <InboxesSettings {...args} />
    </div>
  ),
}
export default meta
type Story = StoryObj<typeof InboxesSettings>

const section = (canvas: HTMLElement) => within(canvas).findByRole('region', { name: 'Inboxes' })

/** Inboxes in use, then an archived one. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const s = within(await section(canvasElement))
    await expect(await s.findByRole('button', { name: 'Archive the inbox Billing' })).toBeVisible()
    await expect(s.getByRole('button', { name: 'Restore the inbox Boarding' })).toBeVisible()
  },
}

/** Created, then renamed. */
export const CreatedAndRenamed: Story = {
  play: async ({ canvasElement }) => {
    const s = within(await section(canvasElement))
    const name = await s.findByLabelText('New inbox')
    await userEvent.type(name, 'Pharmacy{Enter}')
    await waitFor(() => expect(name).toHaveValue(''))
    await userEvent.click(await s.findByRole('button', { name: 'Rename the inbox Pharmacy' }))
    const field = s.getByRole('textbox', { name: 'Rename the inbox Pharmacy' })
    await userEvent.clear(field)
    await userEvent.type(field, 'Pharmacy & refills{Enter}')
    await expect(await s.findByText('Pharmacy & refills')).toBeVisible()
  },
}

/** Invalid input (an empty name) and a server refusal (a name taken). */
export const InvalidAndRefused: Story = {
  play: async ({ canvasElement }) => {
    const s = within(await section(canvasElement))
    await userEvent.click(await s.findByRole('button', { name: 'Create inbox' }))
    await expect(await s.findByText('This field is required.')).toBeVisible()
    await userEvent.type(s.getByLabelText('New inbox'), 'billing{Enter}')
    await expect(await s.findByRole('alert')).toHaveTextContent('already exists')
  },
}

/** No inboxes yet. */
export const Empty: Story = {
  parameters: {
    backend: {
      realtime: false,
      seed: { seed: 7, conversations: 0 },
      setup: async (b: MockBackend) => {
        for (const inbox of await b.service.listInboxes(dana))
          await b.service.updateInbox(dana, inbox.id, { archived: true })
      },
    },
  },
  play: async ({ canvasElement }) => {
    const s = within(await section(canvasElement))
    await expect(await s.findByText('No inboxes yet.')).toBeVisible()
  },
}

/** Without the inbox management permission. */
export const NoPermission: Story = {
  parameters: { backend: { realtime: false, token: 'tok_usr_priya' } },
  play: async ({ canvasElement }) => {
    const s = within(await section(canvasElement))
    await expect(await s.findByText(/needs the inbox management permission/)).toBeVisible()
  },
}

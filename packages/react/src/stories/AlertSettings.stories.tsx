import type { Meta, StoryObj } from '@storybook/react-vite'
import type { MockBackend } from '@switchboard/mock'
import { expect, userEvent, within } from 'storybook/test'
import { AlertSettings, TextingModeSettings } from '../settings'

const dana = {
  clinicId: 'cln_maple',
  userId: 'usr_dana',
  permissions: ['messaging' as const, 'messaging.settings' as const],
}

const meta: Meta<typeof AlertSettings> = {
  title: 'Settings/AlertSettings',
  component: AlertSettings,
  parameters: { height: 'auto', backend: { realtime: false } },
  render: (args) => (
    <div style={{ maxWidth: 760, padding: 16 }}>
      <AlertSettings {...args} />
    </div>
  ),
}
export default meta
type Story = StoryObj<typeof AlertSettings>

const section = (canvas: HTMLElement) => within(canvas).findByRole('region', { name: 'After-hours alert e-mail' })

/** The front desk is alerted; another address added. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const s = within(await section(canvasElement))
    await userEvent.type(await s.findByLabelText('Add an e-mail address'), 'vet@maplegrove.example{Enter}')
    await expect(s.getByRole('button', { name: 'Remove vet@maplegrove.example' })).toBeVisible()
  },
}

/** Nobody listed, the alert off. */
export const Empty: Story = {
  parameters: {
    backend: {
      realtime: false,
      setup: async (b: MockBackend) => {
        const settings = await b.service.getSettings(dana)
        await b.service.updateSettings(dana, { ...settings, afterHoursAlert: { enabled: false, recipients: [] } })
      },
    },
  },
  play: async ({ canvasElement }) => {
    const s = within(await section(canvasElement))
    await expect(await s.findByText('Nobody is alerted yet.')).toBeVisible()
  },
}

/** Invalid input: not an address, then one already listed. */
export const InvalidInput: Story = {
  play: async ({ canvasElement }) => {
    const s = within(await section(canvasElement))
    const field = await s.findByLabelText('Add an e-mail address')
    await userEvent.type(field, 'front desk{Enter}')
    await expect(field).toHaveAccessibleDescription('Enter an e-mail address like name@example.com.')
    await userEvent.clear(field)
    await userEvent.type(field, 'frontdesk@maplegrove.example{Enter}')
    await expect(field).toHaveAccessibleDescription('This address is already on the list.')
  },
}

/** The server refuses the save: its reason is said. */
export const ServerRefusal: Story = {
  play: async ({ canvasElement, loaded }) => {
    const s = within(await section(canvasElement))
    await userEvent.type(await s.findByLabelText('Add an e-mail address'), 'vet@maplegrove.example{Enter}')
    ;(loaded.backend as MockBackend).failNext({ method: 'PUT', path: '/settings', status: 409 })
    await userEvent.click(s.getByRole('button', { name: 'Save' }))
    await expect(await s.findByRole('alert')).toBeVisible()
  },
}

/** Without the settings permission. */
export const NoPermission: Story = {
  parameters: { backend: { realtime: false, token: 'tok_usr_marcus' } },
  play: async ({ canvasElement }) => {
    const s = within(await section(canvasElement))
    await expect(await s.findByText(/needs the SMS settings permission/)).toBeVisible()
  },
}

/** The texting mode of a one-way number, and what it means for staff. */
export const TextingModeOneWay: StoryObj<typeof TextingModeSettings> = {
  parameters: { backend: { realtime: false, clinic: { mode: 'one-way' } } },
  render: () => (
    <div style={{ maxWidth: 760, padding: 16 }}>
      <TextingModeSettings />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const s = within(await within(canvasElement).findByRole('region', { name: 'Texting mode' }))
    await expect(await s.findByText('One-way texting')).toBeVisible()
  },
}

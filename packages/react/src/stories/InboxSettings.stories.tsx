import type { Meta, StoryObj } from '@storybook/react-vite'
import type { MockBackend } from '@switchboard/mock'
import { expect, waitFor, within } from 'storybook/test'
import type { BackendParameters } from '../../../../.storybook/backend'
import { InboxSettings } from '../settings'

const manager = {
  clinicId: 'cln_maple',
  userId: 'usr_dana',
  permissions: ['messaging' as const, 'messaging.block' as const],
}
/** A number that replied STOP and one staff blocked, for the restrictions part. */
async function restricted(b: MockBackend) {
  await b.simulateInbound('+16505550161', 'STOP')
  await b.service.block(manager, '+16505550162')
}
const backend = (rest: BackendParameters = {}): { backend: BackendParameters } => ({
  backend: { realtime: false, setup: restricted, ...rest },
})
/** Monday 30 November, 10:00 at the clinic. */
const now = () => new Date('2026-11-30T18:00:00Z')

const meta: Meta<typeof InboxSettings> = {
  title: 'Settings/InboxSettings',
  component: InboxSettings,
  parameters: { height: 'auto' },
  args: { now },
}
export default meta
type Story = StoryObj<typeof InboxSettings>

/** A practice manager: every part, each editable. */
export const Default: Story = {
  parameters: backend(),
  play: async ({ canvasElement }) => {
    const page = within(canvasElement)
    await expect(await page.findByRole('region', { name: 'After-hours auto-reply' })).toBeVisible()
    await expect(await page.findByRole('switch', { name: 'Send the auto-reply after hours' })).toBeChecked()
    await expect(await page.findByText('Two-way texting')).toBeVisible()
    await expect(await page.findByText('Ready for pick-up')).toBeVisible()
    await expect(await page.findByText('(650) 555-0161')).toBeInTheDocument()
  },
}

/** A technician (messaging only): sees the mode and the lists, and why the rest is not theirs to change. */
export const NoPermission: Story = {
  parameters: backend({ token: 'tok_usr_marcus' }),
  play: async ({ canvasElement }) => {
    const page = within(canvasElement)
    await waitFor(() => expect(page.getAllByText(/needs the SMS settings permission/)).toHaveLength(4))
    await expect(await page.findByText(/needs the inbox management permission/)).toBeVisible()
    await expect(page.queryByRole('button', { name: /Unblock/ })).toBeNull()
  },
}

/** In Spanish (the toolbar's Language): every part, weekdays and dates from Intl. */
export const Spanish: Story = {
  parameters: backend(),
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement)
    const hours = await page.findByRole('region', { name: 'Respuesta automática fuera de horario' })
    await expect(await within(hours).findByRole('group', { name: 'lunes' })).toBeVisible()
    await expect(await page.findByRole('region', { name: 'Números dados de baja y bloqueados' })).toBeVisible()
    await expect(await page.findByRole('button', { name: 'Desbloquear (650) 555-0162' })).toBeVisible()
  },
}

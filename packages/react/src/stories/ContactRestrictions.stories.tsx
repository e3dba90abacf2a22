import type { Meta, StoryObj } from '@storybook/react-vite'
import type { MockBackend } from '@switchboard/mock'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { ContactRestrictions } from '../settings'

const dana = {
  clinicId: 'cln_maple',
  userId: 'usr_dana',
  permissions: ['messaging' as const, 'messaging.block' as const],
}
const restricted = async (b: MockBackend) => {
  await b.simulateInbound('+16505550161', 'STOP')
  await b.simulateInbound('+16505550163', 'unsubscribe')
  await b.service.block(dana, '+16505550162')
}

const meta: Meta<typeof ContactRestrictions> = {
  title: 'Settings/ContactRestrictions',
  component: ContactRestrictions,
  parameters: { height: 'auto', backend: { realtime: false, setup: restricted } },
  render: (args) => (
    <div style={{ maxWidth: 760, padding: 16 }}>
      <ContactRestrictions {...args} />
    </div>
  ),
}
export default meta
type Story = StoryObj<typeof ContactRestrictions>

const section = (canvas: HTMLElement) => within(canvas).findByRole('region', { name: 'Opted-out and blocked numbers' })

/** Opted out by keyword, with the only way back; a blocked number staff can unblock. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const s = within(await section(canvasElement))
    await expect(await s.findByText('(650) 555-0161')).toBeVisible()
    await expect(s.getAllByText(/by texting STOP/).length).toBeGreaterThanOrEqual(2)
    await expect(s.getAllByText('Only the contact can opt back in, by texting START.')[0]).toBeVisible()
    await expect(await s.findByRole('button', { name: 'Unblock (650) 555-0162' })).toBeVisible()
  },
}

/** Unblocked: the number leaves the list. */
export const Unblocked: Story = {
  play: async ({ canvasElement }) => {
    const s = within(await section(canvasElement))
    await userEvent.click(await s.findByRole('button', { name: 'Unblock (650) 555-0162' }))
    await waitFor(() => expect(s.queryByText('(650) 555-0162')).toBeNull())
    await expect(s.getByText('No number is blocked.')).toBeVisible()
  },
}

/** Nobody opted out or blocked. */
export const Empty: Story = {
  parameters: { backend: { realtime: false, seed: { seed: 7, conversations: 0 }, setup: () => undefined } },
  play: async ({ canvasElement }) => {
    const s = within(await section(canvasElement))
    await expect(await s.findByText('Nobody has opted out.')).toBeVisible()
    await expect(await s.findByText('No number is blocked.')).toBeVisible()
  },
}

/** The server refuses the unblock: its reason is said, the number stays. */
export const ServerRefusal: Story = {
  play: async ({ canvasElement, loaded }) => {
    const s = within(await section(canvasElement))
    ;(loaded.backend as MockBackend).failNext({ method: 'POST', path: /\/unblock$/, status: 409 })
    await userEvent.click(await s.findByRole('button', { name: 'Unblock (650) 555-0162' }))
    await expect(await s.findByRole('alert')).toBeVisible()
    await expect(s.getByText('(650) 555-0162')).toBeVisible()
  },
}

/** Without the block permission: the lists, and no Unblock. */
export const NoPermission: Story = {
  parameters: { backend: { realtime: false, setup: restricted, token: 'tok_usr_marcus' } },
  play: async ({ canvasElement }) => {
    const s = within(await section(canvasElement))
    await expect(await s.findByText('(650) 555-0162')).toBeVisible()
    await expect(s.queryByRole('button', { name: /Unblock/ })).toBeNull()
  },
}

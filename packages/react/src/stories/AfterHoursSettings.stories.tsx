import type { Meta, StoryObj } from '@storybook/react-vite'
import type { MockBackend } from '@switchboard/mock'
import { expect, userEvent, within } from 'storybook/test'
import { AfterHoursSettings } from '../settings'

/** Monday 30 November, 10:00 at the clinic. */
const now = () => new Date('2026-11-30T18:00:00Z')

const meta: Meta<typeof AfterHoursSettings> = {
  title: 'Settings/AfterHoursSettings',
  component: AfterHoursSettings,
  parameters: { height: 'auto', backend: { realtime: false } },
  args: { now },
  render: (args) => (
    <div style={{ maxWidth: 760, padding: 16 }}>
      <AfterHoursSettings {...args} />
    </div>
  ),
}
export default meta
type Story = StoryObj<typeof AfterHoursSettings>

const section = (canvas: HTMLElement) => within(canvas).findByRole('region', { name: 'After-hours auto-reply' })

/** Weekdays 8–6, Saturday morning, three holidays; the preview at an open hour. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const s = within(await section(canvasElement))
    const monday = await s.findByRole('group', { name: 'Monday' })
    await expect(within(monday).getByRole('checkbox', { name: 'Open' })).toBeChecked()
    await expect(within(s.getByRole('group', { name: 'Sunday' })).getByText('Closed')).toBeVisible()
    await expect(s.getByText(/The clinic is open/)).toBeVisible()
  },
}

/** A lunch break added on Wednesday, and the preview on Christmas Day: the auto-reply, the alert, when it reopens. */
export const HolidayPreview: Story = {
  play: async ({ canvasElement }) => {
    const s = within(await section(canvasElement))
    await userEvent.click(await s.findByRole('button', { name: 'Add hours on Wednesday' }))
    const preview = s.getByLabelText('Preview: a client texts on')
    await userEvent.clear(preview)
    await userEvent.type(preview, '2026-12-25T12:00')
    await expect(await s.findByText('The clinic is closed for Christmas Day.', { exact: false })).toBeVisible()
    await expect(s.getByText(/Thanks for texting Maple Grove Veterinary/, { selector: 'p' })).toBeVisible()
    await expect(s.getByText(/An alert e-mail goes to frontdesk@maplegrove.example/)).toBeVisible()
  },
}

/** Invalid input: an opening that closes before it opens, and the auto-reply emptied while on. */
export const InvalidInput: Story = {
  play: async ({ canvasElement }) => {
    const s = within(await section(canvasElement))
    const closes = await s.findByLabelText('Tuesday: opening 1 ends')
    await userEvent.clear(closes)
    await userEvent.type(closes, '07:00')
    await userEvent.clear(s.getByLabelText('Auto-reply'))
    await userEvent.click(s.getByRole('button', { name: 'Save' }))
    await expect(await s.findByText('The closing time must be after the opening time.')).toBeVisible()
    await expect(s.getByText('Write the auto-reply, or turn it off.')).toBeVisible()
    await expect(s.getByLabelText('Tuesday: opening 1 ends')).toHaveAttribute('aria-invalid', 'true')
  },
}

/** The server refuses the save: its reason is said, the changes are kept. */
export const ServerRefusal: Story = {
  play: async ({ canvasElement, loaded }) => {
    const s = within(await section(canvasElement))
    await userEvent.click(await s.findByRole('switch', { name: 'Send the auto-reply after hours' }))
    ;(loaded.backend as MockBackend).failNext({ method: 'PUT', path: '/settings', status: 409 })
    await userEvent.click(s.getByRole('button', { name: 'Save' }))
    await expect(await s.findByRole('alert')).toBeVisible()
    await expect(s.getByRole('switch', { name: 'Send the auto-reply after hours' })).not.toBeChecked()
  },
}

/** Saved: "Saved." is said and the form is clean again. */
export const Saved: Story = {
  play: async ({ canvasElement }) => {
    const s = within(await section(canvasElement))
    await userEvent.click(await s.findByRole('button', { name: 'Add a holiday' }))
    await userEvent.type(s.getByLabelText('Holiday 4: name'), 'Staff training')
    await userEvent.click(s.getByRole('button', { name: 'Save' }))
    await expect(await s.findByText('Saved.')).toBeVisible()
    await expect(s.getByRole('button', { name: 'Undo changes' })).toBeDisabled()
  },
}

/** A receptionist without the settings permission. */
export const NoPermission: Story = {
  parameters: { backend: { realtime: false, token: 'tok_usr_marcus' } },
  play: async ({ canvasElement }) => {
    const s = within(await section(canvasElement))
    await expect(await s.findByText(/needs the SMS settings permission/)).toBeVisible()
    await expect(s.queryByRole('button', { name: 'Save' })).toBeNull()
  },
}

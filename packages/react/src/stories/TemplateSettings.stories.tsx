import type { Meta, StoryObj } from '@storybook/react-vite'
import type { MockBackend } from '@switchboard/mock'
import { expect, screen, userEvent, waitFor, within } from 'storybook/test'
import { TemplateSettings } from '../settings'

const dana = {
  clinicId: 'cln_maple',
  userId: 'usr_dana',
  permissions: ['messaging' as const, 'messaging.settings' as const],
}

const meta: Meta<typeof TemplateSettings> = {
  title: 'Settings/TemplateSettings',
  component: TemplateSettings,
  parameters: { height: 'auto', backend: { realtime: false } },
  render: (args) => (
    <div style={{ maxWidth: 760, padding: 16 }}>
      <TemplateSettings {...args} />
    </div>
  ),
}
export default meta
type Story = StoryObj<typeof TemplateSettings>

const section = (canvas: HTMLElement) => within(canvas).findByRole('region', { name: 'Templates' })
const dialog = () => screen.findByRole('dialog')

/** The clinic's templates by category. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const s = within(await section(canvasElement))
    await expect(await s.findByRole('region', { name: 'Visits' })).toBeVisible()
    await expect(s.getByText('Ready for pick-up')).toBeVisible()
  },
}

/** No templates yet. */
export const Empty: Story = {
  parameters: {
    backend: {
      realtime: false,
      setup: async (b: MockBackend) => {
        for (const t of await b.service.listTemplates(dana)) await b.service.deleteTemplate(dana, t.id)
      },
    },
  },
  play: async ({ canvasElement }) => {
    const s = within(await section(canvasElement))
    await expect(await s.findByText('No templates yet.')).toBeVisible()
  },
}

/** A new template: variables inserted from the list, a misspelt one caught as typed, the preview filled. */
export const NewWithVariables: Story = {
  play: async ({ canvasElement }) => {
    const s = within(await section(canvasElement))
    await userEvent.click(await s.findByRole('button', { name: 'New template' }))
    const d = within(await dialog())
    await userEvent.type(d.getByLabelText('Name'), 'Vaccines due')
    await userEvent.type(d.getByLabelText('Category'), 'Reminders')
    await userEvent.type(d.getByLabelText('Text'), 'Hi ')
    await userEvent.click(d.getByRole('button', { name: 'Client first name' }))
    await userEvent.type(d.getByLabelText('Text'), ', {{{{pet}} is due.')
    await expect(await d.findByText(/Unknown variable\(s\) \{\{pet\}\}/)).toBeVisible()
    await expect(d.getByText(/^Hi Maya, /)).toBeVisible()
  },
}

/** Invalid input: saved with nothing typed. */
export const InvalidInput: Story = {
  play: async ({ canvasElement }) => {
    const s = within(await section(canvasElement))
    await userEvent.click(await s.findByRole('button', { name: 'New template' }))
    const d = within(await dialog())
    await userEvent.click(d.getByRole('button', { name: 'Add template' }))
    await expect(await d.findAllByText('This field is required.')).toHaveLength(3)
    await expect(d.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true')
  },
}

/** The server refuses: a name already taken, said in the dialog. */
export const ServerRefusal: Story = {
  play: async ({ canvasElement }) => {
    const s = within(await section(canvasElement))
    await userEvent.click(await s.findByRole('button', { name: 'New template' }))
    const d = within(await dialog())
    await userEvent.type(d.getByLabelText('Name'), 'Ready for pick-up')
    await userEvent.type(d.getByLabelText('Category'), 'Visits')
    await userEvent.type(d.getByLabelText('Text'), 'Come and get them!')
    await userEvent.click(d.getByRole('button', { name: 'Add template' }))
    await expect(await d.findByRole('alert')).toHaveTextContent('already exists')
  },
}

/** Deleted after a confirmation. */
export const Deleted: Story = {
  play: async ({ canvasElement }) => {
    const s = within(await section(canvasElement))
    await userEvent.click(await s.findByRole('button', { name: 'Delete Ready for pick-up' }))
    await userEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(s.queryByText('Ready for pick-up')).toBeNull())
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

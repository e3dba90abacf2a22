import type { Meta, StoryObj } from '@storybook/react-vite'
import type { MockBackend } from '@switchboard/mock'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { DocumentLibrarySettings } from '../settings'

const dana = {
  clinicId: 'cln_maple',
  userId: 'usr_dana',
  permissions: ['messaging' as const, 'messaging.settings' as const],
}

const meta: Meta<typeof DocumentLibrarySettings> = {
  title: 'Settings/DocumentLibrarySettings',
  component: DocumentLibrarySettings,
  parameters: { height: 'auto', backend: { realtime: false } },
  render: (args) => (
    <div style={{ maxWidth: 760, padding: 16 }}>
      <DocumentLibrarySettings {...args} />
    </div>
  ),
}
export default meta
type Story = StoryObj<typeof DocumentLibrarySettings>

const section = (canvas: HTMLElement) => within(canvas).findByRole('region', { name: 'Document library' })

/** The clinic's documents, by name, with their type and size. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const s = within(await section(canvasElement))
    await expect((await s.findAllByRole('button', { name: /^Rename / })).length).toBeGreaterThan(1)
  },
}

/** Renamed in place: the extension is kept. */
export const Renamed: Story = {
  play: async ({ canvasElement }) => {
    const s = within(await section(canvasElement))
    const [rename] = await s.findAllByRole('button', { name: /^Rename / })
    await userEvent.click(rename as HTMLElement)
    const field = s.getByRole('textbox', { name: /^Rename / })
    await userEvent.clear(field)
    await userEvent.type(field, 'Aftercare sheet{Enter}')
    await expect(await s.findByText(/^Aftercare sheet\./)).toBeVisible()
  },
}

/** Empty library. */
export const Empty: Story = {
  parameters: {
    backend: {
      realtime: false,
      setup: async (b: MockBackend) => {
        for (const d of await b.service.listLibrary(dana)) await b.service.removeDocument(dana, d.id)
      },
    },
  },
  play: async ({ canvasElement }) => {
    const s = within(await section(canvasElement))
    await expect(await s.findByText('The library is empty.')).toBeVisible()
  },
}

/** The server refuses a rename: its reason is said and the name stays. */
export const ServerRefusal: Story = {
  play: async ({ canvasElement, loaded }) => {
    const s = within(await section(canvasElement))
    const [rename] = await s.findAllByRole('button', { name: /^Rename / })
    await userEvent.click(rename as HTMLElement)
    ;(loaded.backend as MockBackend).failNext({ method: 'PATCH', path: /\/attachments\/library\//, status: 409 })
    await userEvent.type(s.getByRole('textbox', { name: /^Rename / }), ' v2{Enter}')
    await expect(await s.findByRole('alert')).toBeVisible()
    await waitFor(() => expect(s.getByRole('textbox', { name: /^Rename / })).toBeVisible())
  },
}

/** Invalid input: a name of spaces is refused, and the field stays open. */
export const InvalidName: Story = {
  play: async ({ canvasElement }) => {
    const s = within(await section(canvasElement))
    const [rename] = await s.findAllByRole('button', { name: /^Rename / })
    await userEvent.click(rename as HTMLElement)
    const field = s.getByRole('textbox', { name: /^Rename / })
    await userEvent.clear(field)
    await userEvent.type(field, '   {Enter}')
    await expect(await s.findByRole('alert')).toHaveTextContent('This field is required.')
    await expect(s.getByRole('textbox', { name: /^Rename / })).toBeVisible()
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

import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import {
  AfterHoursSettings,
  AlertSettings,
  ContactRestrictions,
  DocumentLibrarySettings,
  InboxesSettings,
  InboxSettings,
  TemplateSettings,
  TextingModeSettings,
} from '../settings'
import { dana, setup, startMsw } from './harness'

const server = startMsw()
const manager = { ...dana, permissions: [...dana.permissions, 'messaging.settings' as const] }
const now = () => new Date('2026-11-30T18:00:00Z')
const region = (name: string) => screen.findByRole('region', { name })
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])

describe('AfterHoursSettings', () => {
  it('edits hours (a lunch break, a closed day, a holiday) and saves them; the service answers by them', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    view(<AfterHoursSettings now={now} />)
    const s = within(await region('After-hours auto-reply'))
    const wednesday = within(await s.findByRole('group', { name: 'Wednesday' }))
    await user.click(wednesday.getByRole('button', { name: 'Add hours on Wednesday' }))
    expect(wednesday.getByLabelText('Wednesday: opening 2 starts')).toHaveValue('19:00')
    const firstEnds = wednesday.getByLabelText('Wednesday: opening 1 ends')
    await user.clear(firstEnds)
    await user.type(firstEnds, '12:00')
    const secondStarts = wednesday.getByLabelText('Wednesday: opening 2 starts')
    await user.clear(secondStarts)
    await user.type(secondStarts, '14:00')
    const secondEnds = wednesday.getByLabelText('Wednesday: opening 2 ends')
    await user.clear(secondEnds)
    await user.type(secondEnds, '18:00')
    await user.click(within(s.getByRole('group', { name: 'Saturday' })).getByRole('checkbox', { name: 'Open' }))
    await user.click(s.getByRole('button', { name: 'Add a holiday' }))
    await user.type(s.getByLabelText('Holiday 4: name'), 'Staff training')
    await user.click(s.getByRole('button', { name: 'Save' }))
    expect(await s.findByText('Saved.')).toBeInTheDocument()
    const saved = await backend.service.getSettings(dana)
    expect(saved.businessHours.weekly[3]).toEqual([
      { open: '08:00', close: '12:00' },
      { open: '14:00', close: '18:00' },
    ])
    expect(saved.businessHours.weekly[6]).toEqual([])
    expect(saved.businessHours.holidays.at(-1)).toEqual({ date: '2026-11-30', name: 'Staff training' })
  })

  it('shows each problem under its field and saves nothing', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    view(<AfterHoursSettings now={now} />)
    const s = within(await region('After-hours auto-reply'))
    const closes = await s.findByLabelText('Tuesday: opening 1 ends')
    await user.clear(closes)
    await user.type(closes, '07:00')
    await user.clear(s.getByLabelText('Auto-reply'))
    await user.click(s.getByRole('button', { name: 'Add a holiday' }))
    await user.click(s.getByRole('button', { name: 'Add a holiday' }))
    await user.click(s.getByRole('button', { name: 'Save' }))
    expect(await s.findByText('The closing time must be after the opening time.')).toBeInTheDocument()
    expect(s.getByLabelText('Tuesday: opening 1 ends')).toHaveAccessibleDescription(
      'The closing time must be after the opening time.',
    )
    expect(s.getByLabelText('Auto-reply')).toHaveAccessibleDescription(/Write the auto-reply, or turn it off\./)
    expect(s.getByLabelText('Holiday 5: date')).toHaveAccessibleDescription('This day is already a holiday.')
    expect((await backend.service.getSettings(dana)).businessHours.weekly[2]).toEqual([
      { open: '08:00', close: '18:00' },
    ])
  })

  it('previews what a client texting at a chosen moment receives, before saving', async () => {
    const user = userEvent.setup()
    const { view } = setup(server)
    view(<AfterHoursSettings now={now} />)
    const s = within(await region('After-hours auto-reply'))
    expect(await s.findByText('The clinic is open: staff answer, nothing is sent automatically.')).toBeInTheDocument()
    const at = s.getByLabelText('Preview: a client texts on')
    await user.clear(at)
    await user.type(at, '2026-12-25T12:00')
    expect(
      await s.findByText(/The clinic is closed for Christmas Day\. It opens Sat, Dec 26, 9:00/),
    ).toBeInTheDocument()
    expect(s.getByText('An alert e-mail goes to frontdesk@maplegrove.example.')).toBeInTheDocument()
    await user.click(s.getByRole('switch', { name: 'Send the auto-reply after hours' }))
    expect(await s.findByText('No auto-reply is sent.')).toBeInTheDocument()
  })

  it('keeps the changes and says the server’s refusal', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    view(<AfterHoursSettings now={now} />)
    const s = within(await region('After-hours auto-reply'))
    await user.click(await s.findByRole('switch', { name: 'Send the auto-reply after hours' }))
    backend.failNext({ method: 'PUT', path: '/settings', status: 409 })
    await user.click(s.getByRole('button', { name: 'Save' }))
    expect(await s.findByRole('alert')).toHaveTextContent('Injected failure')
    expect(s.getByRole('switch', { name: 'Send the auto-reply after hours' })).not.toBeChecked()
  })

  it('is not offered without the settings permission', async () => {
    const { view } = setup(server, { token: 'tok_usr_marcus' })
    view(<AfterHoursSettings now={now} />)
    const s = within(await region('After-hours auto-reply'))
    expect(await s.findByText(/needs the SMS settings permission/)).toBeInTheDocument()
    expect(s.queryByRole('button', { name: 'Save' })).toBeNull()
  })
})

describe('AlertSettings', () => {
  it('adds checked addresses once and saves the list', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    view(<AlertSettings />)
    const s = within(await region('After-hours alert e-mail'))
    const field = await s.findByLabelText('Add an e-mail address')
    await user.type(field, 'not an address{Enter}')
    expect(field).toHaveAccessibleDescription('Enter an e-mail address like name@example.com.')
    await user.clear(field)
    await user.type(field, 'FRONTDESK@maplegrove.example{Enter}')
    expect(field).toHaveAccessibleDescription('This address is already on the list.')
    await user.clear(field)
    await user.type(field, 'vet@maplegrove.example{Enter}')
    await user.click(s.getByRole('button', { name: 'Remove frontdesk@maplegrove.example' }))
    await user.click(s.getByRole('button', { name: 'Save' }))
    await s.findByText('Saved.')
    expect((await backend.service.getSettings(dana)).afterHoursAlert.recipients).toEqual(['vet@maplegrove.example'])
    await user.click(s.getByRole('button', { name: 'Remove vet@maplegrove.example' }))
    await user.click(s.getByRole('button', { name: 'Save' }))
    expect(await s.findByRole('alert')).toHaveTextContent('Add an address, or turn the alert off.')
  })
})

describe('TextingModeSettings', () => {
  it('says the mode and what it means', async () => {
    const { view } = setup(server, { clinic: { mode: 'one-way' } })
    view(<TextingModeSettings />)
    const s = within(await region('Texting mode'))
    expect(await s.findByText('One-way texting')).toBeInTheDocument()
    expect(s.getByText(/replies cannot be sent from the inbox/)).toBeInTheDocument()
    expect(s.getByText('(415) 555-0100')).toBeInTheDocument()
  })
})

describe('TemplateSettings', () => {
  it('adds a template with variables from the list, catches a misspelt one, edits and deletes', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    view(<TemplateSettings />)
    const s = within(await region('Templates'))
    await user.click(await s.findByRole('button', { name: 'New template' }))
    const d = within(await screen.findByRole('dialog', { name: 'New template' }))
    await user.type(d.getByLabelText('Name'), 'Vaccines due')
    await user.type(d.getByLabelText('Category'), 'Reminders')
    await user.type(d.getByLabelText('Text'), 'Hi , {{{{patient.nam}} is due.')
    expect(d.getByLabelText('Text')).toHaveAccessibleDescription(/Unknown variable\(s\) \{\{patient\.nam\}\}/)
    const text = d.getByLabelText('Text') as HTMLTextAreaElement
    await user.clear(text)
    await user.type(text, 'Hi , ')
    text.setSelectionRange(3, 3)
    await user.click(d.getByRole('button', { name: 'Client first name' }))
    expect(text).toHaveValue('Hi {{client.firstName}}, ')
    // The caret is after the variable, in the text box, as the click ends: keys typed at once land there.
    expect(text).toHaveFocus()
    expect(text.selectionStart).toBe(23)
    await user.keyboard('!')
    expect(text).toHaveValue('Hi {{client.firstName}}!, ')
    text.setSelectionRange(text.value.length, text.value.length)
    await user.click(d.getByRole('button', { name: 'Patient name' }))
    await user.keyboard(' is due.')
    expect(text).toHaveValue('Hi {{client.firstName}}!, {{patient.name}} is due.')
    expect(d.getByText('Hi Maya!, Biscuit is due.')).toBeInTheDocument()
    await user.click(d.getByRole('button', { name: 'Add template' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    const reminders = within(await s.findByRole('region', { name: 'Reminders' }))
    expect(reminders.getByText('Vaccines due')).toBeInTheDocument()
    expect((await backend.service.listTemplates(dana)).at(-1)?.body).toBe(
      'Hi {{client.firstName}}!, {{patient.name}} is due.',
    )

    await user.click(s.getByRole('button', { name: 'Edit Vaccines due' }))
    const e = within(await screen.findByRole('dialog', { name: 'Edit Vaccines due' }))
    await user.clear(e.getByLabelText('Name'))
    await user.type(e.getByLabelText('Name'), 'Ready for pick-up')
    await user.click(e.getByRole('button', { name: 'Save changes' }))
    expect(await e.findByRole('alert')).toHaveTextContent('A template named "Ready for pick-up" already exists.')
    await user.click(e.getByRole('button', { name: 'Cancel' }))

    await user.click(s.getByRole('button', { name: 'Delete Vaccines due' }))
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(s.queryByText('Vaccines due')).toBeNull())
  })
})

describe('DocumentLibrarySettings', () => {
  it('uploads, renames (keeping the extension) and removes documents; refuses an SVG', async () => {
    const user = userEvent.setup({ applyAccept: false })
    const { backend, client, view } = setup(server)
    // jsdom has no XMLHttpRequest upload: the library's upload goes through the service (the HTTP
    // upload itself is covered by the core conformance suite), refusing what the service refuses.
    client.transport.uploadAttachment = async (file, options = {}) =>
      backend.service.uploadAttachment(manager, {
        name: file.name ?? 'file',
        contentType: file.type,
        data: new Uint8Array(await file.arrayBuffer()),
        library: options.library ?? false,
      })
    const { container } = view(<DocumentLibrarySettings />)
    const s = within(await region('Document library'))
    await s.findByText('Parking map.png')
    const input = container.querySelector('input[type="file"]') as HTMLInputElement
    await user.upload(input, new File([PNG], 'Post-op care.png', { type: 'image/png' }))
    expect(await s.findByText('Post-op care.png')).toBeInTheDocument()
    await user.click(s.getByRole('button', { name: 'Rename Post-op care.png' }))
    const field = s.getByRole('textbox', { name: 'Rename Post-op care.png' })
    await user.clear(field)
    await user.type(field, 'After surgery{Enter}')
    expect(await s.findByText('After surgery.png')).toBeInTheDocument()
    await user.click(s.getByRole('button', { name: 'Remove After surgery.png' }))
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Remove' }))
    await waitFor(() => expect(s.queryByText('After surgery.png')).toBeNull())
    await user.upload(input, new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' }))
    expect(await s.findByRole('alert')).toHaveTextContent(/cannot be texted|not allowed|type/i)
  })
})

describe('ContactRestrictions', () => {
  it('lists opted-out numbers with when and how, and unblocks a blocked number', async () => {
    const user = userEvent.setup()
    const { backend, client, view } = setup(server, { seed: { seed: 5, conversations: 0 } })
    const stop = await backend.simulateInbound('+16505550161', 'stop')
    await backend.service.block(dana, '+16505550162')
    view(<ContactRestrictions />)
    const s = within(await region('Opted-out and blocked numbers'))
    const optedOut = within(await s.findByRole('region', { name: 'Opted out' }))
    expect(await optedOut.findByText('(650) 555-0161')).toBeInTheDocument()
    // The day, in the machine's time zone.
    const on = new Date(stop.createdAt).toLocaleDateString('en-US', { dateStyle: 'medium' })
    expect(optedOut.getByText(`Opted out on ${on} by texting STOP.`)).toBeInTheDocument()
    expect(optedOut.getByText('Only the contact can opt back in, by texting START.')).toBeInTheDocument()
    expect(optedOut.queryByRole('button')).toBeNull()
    const blocked = within(s.getByRole('region', { name: 'Blocked' }))
    await user.click(await blocked.findByRole('button', { name: 'Unblock (650) 555-0162' }))
    expect(await blocked.findByText('No number is blocked.')).toBeInTheDocument()
    // A START lifts the opt-out: the list follows the event.
    await backend.simulateInbound('+16505550161', 'START')
    await client.sync()
    expect(await optedOut.findByText('Nobody has opted out.')).toBeInTheDocument()
  })
})

describe('InboxesSettings', () => {
  it('creates, renames and archives inboxes; refuses a taken or empty name', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    view(<InboxesSettings />)
    const s = within(await region('Inboxes'))
    const name = await s.findByLabelText('New inbox')
    await user.click(s.getByRole('button', { name: 'Create inbox' }))
    expect(name).toHaveAccessibleDescription('This field is required.')
    await user.type(name, 'billing{Enter}')
    expect(await s.findByRole('alert')).toHaveTextContent('An inbox named "billing" already exists.')
    await user.clear(name)
    await user.type(name, 'Pharmacy{Enter}')
    await waitFor(() => expect(name).toHaveValue(''))
    await user.click(await s.findByRole('button', { name: 'Rename the inbox Pharmacy' }))
    const field = s.getByRole('textbox', { name: 'Rename the inbox Pharmacy' })
    await user.clear(field)
    await user.type(field, 'Pharmacy & refills{Enter}')
    await user.click(await s.findByRole('button', { name: 'Archive the inbox Pharmacy & refills' }))
    const archived = within(await s.findByRole('list', { name: 'Archived' }))
    expect(archived.getByText('Pharmacy & refills')).toBeInTheDocument()
    const inbox = (await backend.service.listInboxes(dana)).find((i) => i.name === 'Pharmacy & refills')
    expect(inbox?.archived).toBe(true)
  })

  it('is not offered without the inbox management permission', async () => {
    const { view } = setup(server, { token: 'tok_usr_priya' })
    view(<InboxesSettings />)
    const s = within(await region('Inboxes'))
    expect(await s.findByText(/needs the inbox management permission/)).toBeInTheDocument()
  })
})

describe('InboxSettings', () => {
  it('shows every part, each saying when it is not the user’s to change', async () => {
    const { view } = setup(server, { token: 'tok_usr_marcus' })
    view(<InboxSettings now={now} />)
    for (const name of ['Texting mode', 'After-hours auto-reply', 'Templates', 'Document library', 'Inboxes']) {
      expect(await region(name)).toBeInTheDocument()
    }
    await waitFor(() => expect(screen.getAllByText(/needs the SMS settings permission/)).toHaveLength(4))
  })
})

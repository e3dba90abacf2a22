import type { Client } from '@switchboard/protocol'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ClientPanel, Inbox } from '../index'
import { dana, setup, startMsw } from './harness'

const server = startMsw()
const editor = { ...dana, permissions: [...dana.permissions, 'clients.edit' as const] }

/** Ana Lima with a cat, texting from her first number. */
async function anaTexting(backend: ReturnType<typeof setup>['backend']) {
  const client = await backend.service.createClient(editor, {
    firstName: 'Ana',
    lastName: 'Lima',
    phones: ['+16505550121'],
    patients: [{ name: 'Mochi', species: 'Cat' }],
  })
  const m = await backend.simulateInbound('+16505550121', 'Is Mochi ready?')
  return { client, conversationId: m.conversationId }
}

describe('ClientPanel', () => {
  it('edits the client in place: the new name shows at once in the header and the list', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const { client, conversationId } = await anaTexting(backend)
    view(<Inbox selectedId={conversationId} />)
    const panel = await screen.findByRole('region', { name: 'Client details' })
    await user.click(await within(panel).findByRole('button', { name: 'Edit client' }))
    const form = within(panel).getByRole('form', { name: 'Edit Ana Lima' })
    const last = within(form).getByRole('textbox', { name: 'Last name' })
    await user.clear(last)
    await user.type(last, 'Lima-Souza')
    await user.click(within(form).getByRole('button', { name: 'Add a phone number' }))
    await user.type(within(form).getByRole('textbox', { name: 'Phone 2' }), '650 555 0122')
    await user.click(within(form).getByRole('button', { name: 'Save changes' }))
    expect(await screen.findAllByRole('heading', { name: 'Ana Lima-Souza' })).toHaveLength(2)
    expect(screen.getByRole('option', { name: /Ana Lima-Souza/ })).toBeInTheDocument()
    await waitFor(async () =>
      expect(await backend.service.getClient(dana, client.id)).toMatchObject({
        lastName: 'Lima-Souza',
        phones: ['+16505550121', '+16505550122'],
      }),
    )
    expect(within(panel).getByText('(650) 555-0121, (650) 555-0122')).toBeInTheDocument()
  })

  it('says what is wrong in the edit form, field by field, and keeps it open', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const { conversationId } = await anaTexting(backend)
    view(<ClientPanel conversationId={conversationId} />)
    await user.click(await screen.findByRole('button', { name: 'Edit client' }))
    const first = screen.getByRole('textbox', { name: 'First name' })
    await user.clear(first)
    await user.type(screen.getByRole('textbox', { name: 'Phone 1' }), '99')
    await user.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(first).toHaveAccessibleDescription('This field is required.')
    expect(first).toHaveFocus()
    expect(screen.getByRole('textbox', { name: 'Phone 1' })).toHaveAccessibleDescription(
      'This is not a valid phone number.',
    )
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(screen.getByText('Ana Lima')).toBeInTheDocument()
  })

  it('shows the server’s refusal of an edit and puts the name back', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const { conversationId } = await anaTexting(backend)
    view(<ClientPanel conversationId={conversationId} />)
    await user.click(await screen.findByRole('button', { name: 'Edit client' }))
    await user.type(screen.getByRole('textbox', { name: 'First name' }), 'belle')
    backend.failNext({ method: 'PATCH', path: '/clients/:id', status: 503 })
    await user.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByRole('alert')).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Ana Lima' })).toBeInTheDocument()
  })

  it('offers no editing without the client editing permission', async () => {
    const { backend, view } = setup(server, { token: 'tok_usr_marcus' })
    const { conversationId } = await anaTexting(backend)
    view(<ClientPanel conversationId={conversationId} />)
    expect(await screen.findByText('Mochi')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Edit client' })).not.toBeInTheDocument()
  })

  it('records consent given on an earlier day, and a withdrawal that stops texts at once', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const { conversationId } = await anaTexting(backend)
    view(<ClientPanel conversationId={conversationId} />)
    await user.click(await screen.findByRole('button', { name: 'Record consent' }))
    let dialog = await screen.findByRole('dialog', { name: 'Record consent for (650) 555-0121' })
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'For' }), 'marketing')
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'How' }), 'verbal')
    const day = within(dialog).getByLabelText('On')
    expect(day).toHaveAttribute('max', (day as HTMLInputElement).value)
    fireEvent.change(day, { target: { value: '2026-11-20' } })
    await user.click(within(dialog).getByRole('button', { name: 'Record consent' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(screen.getByText(/^Given for marketing texts, verbally, on/)).toBeInTheDocument()
    const stored = (await backend.service.getConversation(dana, conversationId)).contact.consent.at(-1)
    expect(stored).toMatchObject({ status: 'granted', scope: 'marketing', method: 'verbal' })
    expect(new Date(stored?.at ?? '').getDate()).toBe(20)

    await user.click(screen.getByRole('button', { name: 'Record consent' }))
    dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByRole('radio', { name: 'Withdrawn' }))
    expect(within(dialog).getByText(/stops every text to this number/)).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Record consent' }))
    expect(await screen.findByText(/^Opted out on/)).toBeInTheDocument()
  })

  it('offers "Assign to client" for a lead, and "Open in PMS" for a client', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const { client, conversationId } = await anaTexting(backend)
    const lead = await backend.simulateInbound('+16505550188', 'Hi')
    const opened: Client[] = []
    const first = view(<ClientPanel conversationId={conversationId} onOpenClient={(c) => opened.push(c)} />)
    await user.click(await screen.findByRole('button', { name: 'Open in PMS' }))
    expect(opened.map((c) => c.id)).toEqual([client.id])
    expect(screen.queryByRole('button', { name: 'Assign to client' })).not.toBeInTheDocument()
    first.unmount()
    view(<ClientPanel conversationId={lead.conversationId} onOpenClient={(c) => opened.push(c)} />)
    await user.click(await screen.findByRole('button', { name: 'Assign to client' }))
    expect(await screen.findByRole('dialog', { name: 'Assign (650) 555-0188 to a client' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Open in PMS' })).not.toBeInTheDocument()
  })

  it('opens as a sheet from the conversation header where there is no room beside the thread', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const { conversationId } = await anaTexting(backend)
    view(<Inbox selectedId={conversationId} />)
    await user.click(await screen.findByRole('button', { name: 'Client details' }))
    const sheet = await screen.findByRole('dialog', { name: 'Client details' })
    expect(within(sheet).getByText('Mochi')).toBeInTheDocument()
    await user.click(within(sheet).getByRole('button', { name: 'Close client details' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(screen.getByRole('button', { name: 'Client details' })).toHaveFocus()
  })
})

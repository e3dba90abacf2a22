import type { Conversation } from '@switchboard/protocol'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { AssignToClientDialog, Inbox, useConversation } from '../index'
import { dana, setup, startMsw } from './harness'

const server = startMsw()
const editor = { ...dana, permissions: [...dana.permissions, 'clients.edit' as const] }
const LEAD = '+16505550188'

/** A lead texting, and a client (with a cat) to find. */
async function lead(backend: ReturnType<typeof setup>['backend']) {
  const m = await backend.simulateInbound(LEAD, 'Hi, this is my new number')
  const client = await backend.service.createClient(editor, {
    firstName: 'Zelda',
    lastName: 'Quenby',
    phones: ['+16505550999'],
    patients: [{ name: 'Pickles', species: 'Cat' }],
  })
  return { conversationId: m.conversationId, client }
}

/** A host's own button that opens the dialog. */
function HostButton(props: { conversationId: string; onAssigned(conversation: Conversation): void }) {
  const { data } = useConversation(props.conversationId)
  if (!data) return null
  return (
    <AssignToClientDialog
      conversation={data}
      trigger={<button type="button">Match number</button>}
      onAssigned={props.onAssigned}
    />
  )
}

async function openFromMenu(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Conversation actions' }))
  await user.click(await screen.findByRole('menuitem', { name: 'Assign to client' }))
  return screen.findByRole('dialog', { name: 'Assign (650) 555-0188 to a client' })
}

describe('AssignToClientDialog', () => {
  it('finds a client by their pet’s name, picks them with the keyboard and assigns the number', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const { conversationId, client } = await lead(backend)
    view(<Inbox selectedId={conversationId} />)
    const dialog = await openFromMenu(user)
    const search = within(dialog).getByRole('combobox', { name: 'Search clients' })
    expect(search).toHaveFocus()
    await user.type(search, 'pick quen')
    const results = await within(dialog).findByRole('listbox', { name: 'Clients found' })
    const option = within(results).getByRole('option', { name: /Zelda Quenby/ })
    expect(within(option).getByText('Pick', { selector: 'mark' })).toBeInTheDocument()
    await user.keyboard('{ArrowDown}')
    expect(search).toHaveAttribute('aria-activedescendant', option.id)
    await user.keyboard('{Enter}')
    expect(option).toHaveAttribute('aria-selected', 'true')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const stored = await backend.service.getConversation(dana, conversationId)
    expect(stored.client?.id).toBe(client.id)
    expect(screen.getByRole('button', { name: 'Conversation actions' })).toHaveFocus()
    // The conversation's header, its row and the client panel show the client.
    expect(await screen.findAllByRole('heading', { name: 'Zelda Quenby' })).toHaveLength(2)
    expect(screen.getByRole('option', { name: /Zelda Quenby/ })).toBeInTheDocument()
    expect(screen.getByRole('region', { name: 'Client details' })).toHaveTextContent('Pickles')
  })

  it('says when the query is too short and when nothing matches, and asks to pick before saving', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const { conversationId } = await lead(backend)
    view(<Inbox selectedId={conversationId} />)
    const dialog = await openFromMenu(user)
    const search = within(dialog).getByRole('combobox', { name: 'Search clients' })
    await user.type(search, 'z')
    expect(within(dialog).getByText('Type at least 2 letters or 3 digits.')).toBeInTheDocument()
    await user.type(search, 'qxw')
    expect(await within(dialog).findByText('No client matches “zqxw”.')).toBeInTheDocument()
    expect(search).toHaveAttribute('aria-expanded', 'false')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Pick a client from the results first.')
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(screen.getByRole('button', { name: 'Conversation actions' })).toHaveFocus()
  })

  it('finds a client by phone digits, whatever the formatting, with the digits marked', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const { conversationId } = await lead(backend)
    view(<Inbox selectedId={conversationId} />)
    const dialog = await openFromMenu(user)
    await user.type(within(dialog).getByRole('combobox', { name: 'Search clients' }), '555-0999')
    const option = await within(dialog).findByRole('option', { name: /Zelda Quenby/ })
    expect(
      within(option)
        .getAllByText(/555|0999/, { selector: 'mark' })
        .map((m) => m.textContent),
    ).toEqual(['555', '0999'])
  })

  it('adds a new client with a first patient: the typed name carried over, errors in place, then assigned', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const { conversationId } = await lead(backend)
    view(<Inbox selectedId={conversationId} />)
    const dialog = await openFromMenu(user)
    await user.type(within(dialog).getByRole('combobox', { name: 'Search clients' }), 'Maya Okafor')
    await within(dialog).findByText('No client matches “Maya Okafor”.')
    await user.click(within(dialog).getByRole('button', { name: 'No match? Add a new client' }))
    const first = within(dialog).getByRole('textbox', { name: 'First name' })
    expect(first).toHaveValue('Maya')
    expect(within(dialog).getByRole('textbox', { name: 'Last name' })).toHaveValue('Okafor')
    expect(within(dialog).getByRole('textbox', { name: 'Phone' })).toHaveValue('(650) 555-0188')
    await user.clear(first)
    await user.type(within(dialog).getByRole('textbox', { name: /E-mail/ }), 'maya@')
    await user.type(within(dialog).getByRole('combobox', { name: 'Species' }), 'Dog')
    await user.click(within(dialog).getByRole('button', { name: 'Add client' }))
    expect(first).toHaveFocus()
    expect(first).toHaveAccessibleDescription('This field is required.')
    expect(within(dialog).getByRole('textbox', { name: /E-mail/ })).toHaveAccessibleDescription(
      'Enter an e-mail address like name@example.com.',
    )
    expect(within(dialog).getByRole('textbox', { name: 'Patient name' })).toBeInvalid()
    await user.type(first, 'Maya')
    await user.type(within(dialog).getByRole('textbox', { name: /E-mail/ }), 'mail.example')
    await user.type(within(dialog).getByRole('textbox', { name: 'Patient name' }), 'Rufus')
    await user.click(within(dialog).getByRole('button', { name: 'Add client' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const stored = await backend.service.getConversation(dana, conversationId)
    const client = await backend.service.getClient(dana, stored.client?.id ?? '')
    expect(client).toMatchObject({ firstName: 'Maya', lastName: 'Okafor', email: 'maya@mail.example', phones: [LEAD] })
    expect(client.patients).toMatchObject([{ name: 'Rufus', species: 'Dog' }])
  })

  it('keeps the dialog and the choice when the server refuses, with the reason in place', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const { conversationId } = await lead(backend)
    view(<Inbox selectedId={conversationId} />)
    const dialog = await openFromMenu(user)
    await user.type(within(dialog).getByRole('combobox', { name: 'Search clients' }), 'zelda')
    await user.click(await within(dialog).findByRole('option', { name: /Zelda Quenby/ }))
    backend.failNext({ method: 'POST', path: '/conversations/:id/client', status: 503 })
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/.+/)
    expect(within(dialog).getByRole('option', { name: /Zelda Quenby/ })).toHaveAttribute('aria-selected', 'true')
    expect((await backend.service.getConversation(dana, conversationId)).client).toBeNull()
    expect(screen.queryAllByRole('heading', { name: 'Zelda Quenby' })).toHaveLength(0)
  })

  it('offers "Add client" only with the client editing permission', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server, { token: 'tok_usr_marcus' })
    const { conversationId } = await lead(backend)
    view(<Inbox selectedId={conversationId} />)
    const dialog = await openFromMenu(user)
    expect(within(dialog).queryByRole('button', { name: /Add a new client/ })).not.toBeInTheDocument()
  })

  it('is not offered for a conversation that already has a client', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const clientConversation = (await backend.service.listConversations(dana, { contactType: 'clients' })).items[0]
    view(<Inbox selectedId={clientConversation?.id} />)
    await user.click(await screen.findByRole('button', { name: 'Conversation actions' }))
    await screen.findByRole('menuitem', { name: 'Close conversation' })
    expect(screen.queryByRole('menuitem', { name: 'Assign to client' })).not.toBeInTheDocument()
  })

  it('works on its own with a trigger from the host, and tells the host what was assigned', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const { conversationId, client } = await lead(backend)
    const assigned: string[] = []
    view(<HostButton conversationId={conversationId} onAssigned={(c) => assigned.push(c.client?.id ?? '')} />)
    await user.click(await screen.findByRole('button', { name: 'Match number' }))
    const dialog = await screen.findByRole('dialog')
    await user.type(within(dialog).getByRole('combobox', { name: 'Search clients' }), 'quen')
    await within(dialog).findByRole('option', { name: /Zelda Quenby/ })
    // ↓ Enter picks, Enter again saves.
    await user.keyboard('{ArrowDown}{Enter}')
    expect(assigned).toEqual([])
    await user.keyboard('{Enter}')
    await waitFor(() => expect(assigned).toEqual([client.id]))
    await waitFor(() => expect(screen.getByRole('button', { name: 'Match number' })).toHaveFocus())
  })
})

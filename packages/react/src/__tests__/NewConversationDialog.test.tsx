import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { Inbox, NewConversationDialog } from '../index'
import { dana, setup, startMsw } from './harness'

const server = startMsw()
const editor = { ...dana, permissions: [...dana.permissions, 'clients.edit' as const] }

async function openFromInbox(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'New conversation' }))
  return screen.findByRole('dialog', { name: 'New conversation' })
}

describe('NewConversationDialog', () => {
  it('starts a conversation with a client found by search, with a first message, and opens it', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const client = await backend.service.createClient(editor, {
      firstName: 'Zelda',
      lastName: 'Quenby',
      phones: ['+16505550999', '+16505550998'],
    })
    view(<Inbox />)
    const dialog = await openFromInbox(user)
    await user.type(within(dialog).getByRole('combobox', { name: 'Search clients' }), 'quenby')
    await user.click(await within(dialog).findByRole('option', { name: /Zelda Quenby/ }))
    const numbers = within(dialog).getByRole('group', { name: 'Number to text' })
    expect(within(numbers).getByRole('radio', { name: '(650) 555-0999' })).toBeChecked()
    await user.click(within(numbers).getByRole('radio', { name: '(650) 555-0998' }))
    await user.type(within(dialog).getByRole('textbox', { name: /First message/ }), 'Hi Zelda, Pickles is ready')
    expect(within(dialog).getByText(/1 SMS · \d+ characters left/)).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Start conversation' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const list = await backend.service.listConversations(dana, { q: '6505550998' })
    expect(list.items[0]?.client?.id).toBe(client.id)
    const messages = await backend.service.listMessages(dana, list.items[0]?.id ?? '')
    expect(messages.items.at(-1)?.body).toMatch(/^Hi Zelda, Pickles is ready/)
    // The inbox opened it.
    expect(await screen.findByRole('log', { name: 'Messages with Zelda Quenby' })).toBeInTheDocument()
  })

  it('checks a typed number as it is typed, explains a bad one, and formats a good one', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    view(<Inbox />)
    const dialog = await openFromInbox(user)
    await user.click(within(dialog).getByRole('radio', { name: 'A phone number' }))
    const phone = within(dialog).getByRole('textbox', { name: 'Phone number' })
    expect(phone).toHaveFocus()
    expect(phone).toHaveAccessibleDescription('Texts reach mobile phones only: a landline will not receive them.')
    await user.click(within(dialog).getByRole('button', { name: 'Start conversation' }))
    expect(phone).toHaveAccessibleDescription(/Enter a phone number\./)
    await user.type(phone, '555 01')
    await user.tab()
    expect(phone).toHaveAccessibleDescription(/This number is too short\./)
    await user.clear(phone)
    await user.type(phone, '650.555.0142')
    expect(phone).toHaveAccessibleDescription('Will text (650) 555-0142')
    await user.tab()
    expect(phone).toHaveValue('(650) 555-0142')
    await user.click(within(dialog).getByRole('button', { name: 'Start conversation' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const list = await backend.service.listConversations(dana, { q: '6505550142' })
    expect(list.items).toHaveLength(1)
    expect(list.items[0]?.client).toBeNull()
  })

  it('opens the open conversation a number already has instead of starting another', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const m = await backend.simulateInbound('+16505550177', 'Is Biscuit ready?')
    view(<Inbox />)
    const dialog = await openFromInbox(user)
    await user.click(within(dialog).getByRole('radio', { name: 'A phone number' }))
    await user.type(within(dialog).getByRole('textbox', { name: 'Phone number' }), '(650) 555-0177')
    await user.click(within(dialog).getByRole('button', { name: 'Start conversation' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect((await backend.service.listConversations(dana, { q: '6505550177' })).items.map((c) => c.id)).toEqual([
      m.conversationId,
    ])
    expect(await screen.findByText('Is Biscuit ready?', { selector: '.sb-message *' })).toBeInTheDocument()
  })

  it('shows the server’s refusal in place: a first message to an opted-out number', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    await backend.simulateInbound('+16505550166', 'STOP')
    view(<Inbox />)
    const dialog = await openFromInbox(user)
    await user.click(within(dialog).getByRole('radio', { name: 'A phone number' }))
    await user.type(within(dialog).getByRole('textbox', { name: 'Phone number' }), '6505550166')
    await user.type(within(dialog).getByRole('textbox', { name: /First message/ }), 'Hello again')
    await user.click(within(dialog).getByRole('button', { name: 'Start conversation' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/opted out/i)
    expect(within(dialog).getByRole('textbox', { name: /First message/ })).toHaveValue('Hello again')
  })

  it('from a client profile (defaultClientId): gives a client with no number a new one, then texts it', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server, { token: 'tok_usr_priya' })
    const client = await backend.service.createClient(editor, { firstName: 'Noor', lastName: 'Haddad' })
    const started: string[] = []
    view(
      <NewConversationDialog
        defaultClientId={client.id}
        trigger={<button type="button">Send SMS</button>}
        onStarted={({ conversation }) => started.push(conversation.id)}
      />,
    )
    await user.click(screen.getByRole('button', { name: 'Send SMS' }))
    const dialog = await screen.findByRole('dialog', { name: 'New conversation' })
    expect(await within(dialog).findByText('This client has no phone number on record.')).toBeInTheDocument()
    expect(within(dialog).queryByRole('radio', { name: 'A phone number' })).not.toBeInTheDocument()
    await user.type(within(dialog).getByRole('textbox', { name: 'Phone number' }), '6505550155')
    await user.click(within(dialog).getByRole('button', { name: 'Start conversation' }))
    await waitFor(() => expect(started).toHaveLength(1))
    expect((await backend.service.getClient(dana, client.id)).phones).toEqual(['+16505550155'])
    expect((await backend.service.getConversation(dana, started[0] ?? '')).client?.id).toBe(client.id)
    await waitFor(() => expect(screen.getByRole('button', { name: 'Send SMS' })).toHaveFocus())
  })

  it('without the client editing permission, says a client with no number cannot be texted from here', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server, { token: 'tok_usr_marcus' })
    const client = await backend.service.createClient(editor, { firstName: 'Noor', lastName: 'Haddad' })
    view(<NewConversationDialog defaultClientId={client.id} defaultOpen />)
    const dialog = await screen.findByRole('dialog', { name: 'New conversation' })
    expect(await within(dialog).findByText(/adding one needs the client editing permission/)).toBeInTheDocument()
    expect(within(dialog).queryByRole('textbox', { name: 'Phone number' })).not.toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Start conversation' }))
    expect(within(dialog).getByRole('alert')).toHaveTextContent(/adding one needs the client editing permission/)
  })
})

import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { ClientPanel, Inbox, InboxProvider, UnreadBadge } from '../index'
import { dana, findRows, setup, startMsw } from './harness'

const server = startMsw()

describe('Inbox', () => {
  it('lists conversations, opens one, and sends a reply with Enter', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const inbound = await backend.simulateInbound('+16505550177', 'Is Biscuit ready for pick-up?')
    view(<Inbox />)
    const list = await screen.findByRole('listbox', { name: 'Conversations' })
    const row = await within(list).findByRole('option', { name: /Is Biscuit ready/ })
    expect(document.querySelector('.sb-inbox__number')).toHaveTextContent('Texting from (415) 555-0100')
    await user.click(row)
    const log = await screen.findByRole('log', { name: 'Messages with (650) 555-0177' })
    expect(within(log).getByText('Is Biscuit ready for pick-up?')).toBeInTheDocument()
    const box = screen.getByRole('textbox', { name: 'Message' })
    await user.type(box, 'Yes, any time before 6pm!{Enter}')
    expect(box).toHaveValue('')
    await waitFor(async () => {
      const { items } = await backend.service.listMessages(dana, inbound.conversationId)
      expect(items.map((m) => m.body.split('\n')[0])).toContain('Yes, any time before 6pm!')
    })
    expect(await within(log).findByText(/Yes, any time before 6pm!/)).toBeInTheDocument()
    // Opening it marked it read on the server.
    expect((await backend.service.getConversation(dana, inbound.conversationId)).unreadCount).toBe(0)
  })

  it('Shift+Enter adds a line; the counter shows segments and the UCS-2 hint', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const inbound = await backend.simulateInbound('+16505550177', 'Hi')
    view(<Inbox selectedId={inbound.conversationId} />)
    const box = await screen.findByRole('textbox', { name: 'Message' })
    await user.type(box, 'Line one{Shift>}{Enter}{/Shift}Line two 🐶')
    expect(box).toHaveValue('Line one\nLine two 🐶')
    expect(screen.getByText(/1 SMS · 50 characters left/)).toBeInTheDocument()
    expect(screen.getByText(/Special characters \(🐶\) shorten each SMS to 70 characters/)).toBeInTheDocument()
  })

  it('locks the composer with the reason for an opted-out or blocked contact', async () => {
    const { backend, view } = setup(server)
    const a = await backend.simulateInbound('+16505550177', 'STOP')
    const first = view(<Inbox selectedId={a.conversationId} />)
    expect(await screen.findByText(/opted out of texts\. They can text START/)).toBeInTheDocument()
    expect(screen.queryByRole('textbox', { name: 'Message' })).not.toBeInTheDocument()
    first.unmount()
    const b = await backend.simulateInbound('+16505550178', 'spam')
    await backend.service.block({ ...dana }, '+16505550178')
    view(<Inbox selectedId={b.conversationId} />)
    expect(await screen.findByText('This contact is blocked. Unblock them to send messages.')).toBeInTheDocument()
  })

  it("keeps its panes drawn while a later filter's first page is on its way", async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    await backend.simulateInbound('+16505550177', 'Is Biscuit ready for pick-up?')
    view(<Inbox />)
    await screen.findByRole('listbox', { name: 'Conversations' })
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    server.use(
      http.get(`${backend.baseUrl}/conversations`, async () => {
        await held
      }),
    )
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'closed')
    expect(screen.getByRole('searchbox', { name: 'Search by name or phone' })).toBeInTheDocument()
    expect(await screen.findByText('Loading conversations…')).toBeInTheDocument()
    release()
    await waitFor(() => expect(screen.queryByText('Loading conversations…')).not.toBeInTheDocument())
    expect(screen.getByRole('searchbox', { name: 'Search by name or phone' })).toBeInTheDocument()
  })

  it('draws its panes while the profile is on its way; the rows come with it', async () => {
    const { backend, view } = setup(server)
    await backend.simulateInbound('+16505550177', 'Is Biscuit ready for pick-up?')
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    server.use(
      http.get(`${backend.baseUrl}/me`, async () => {
        // Then on to the backend's own handler.
        await held
      }),
    )
    view(<Inbox />)
    // Search and filters can be used at once; the list says it is loading, not a wrong number format.
    expect(await screen.findByRole('searchbox', { name: 'Search by name or phone' })).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('Loading conversations…')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument()
    release()
    const list = await screen.findByRole('listbox', { name: 'Conversations' })
    expect(await within(list).findByRole('option', { name: /Is Biscuit ready/ })).toBeInTheDocument()
  })

  it('shows a clear no-access state and no badge without the messaging permission', async () => {
    const { view } = setup(server, { token: 'tok_usr_sam' })
    view(
      <>
        <UnreadBadge />
        <Inbox />
      </>,
    )
    expect(await screen.findByRole('alert')).toHaveTextContent('You do not have access to the SMS inbox')
    expect(screen.queryByRole('status', { name: /unread conversations/ })).not.toBeInTheDocument()
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument()
  })

  it('the unread badge counts unread texts, or conversations when asked', async () => {
    const { backend, view } = setup(server)
    const totals = await backend.service.unreadTotals(dana)
    view(
      <>
        <UnreadBadge />
        <UnreadBadge count="conversations" />
      </>,
    )
    expect(await screen.findByRole('status', { name: `${totals.messages} unread texts` })).toHaveTextContent(
      String(totals.messages),
    )
    expect(screen.getByRole('status', { name: `${totals.conversations} unread conversations` })).toHaveTextContent(
      String(totals.conversations),
    )
  })

  it('filters by status and searches by name or number', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    await backend.simulateInbound('+16505550177', 'A lead texting')
    view(<Inbox />)
    await screen.findByRole('listbox', { name: 'Conversations' })
    await user.selectOptions(screen.getByRole('combobox', { name: 'Contact type' }), 'leads')
    await waitFor(() =>
      expect(
        within(screen.getByRole('listbox'))
          .getAllByRole('option')
          .every((o) => o.textContent?.includes('Lead')),
      ).toBe(true),
    )
    await user.type(screen.getByRole('searchbox', { name: 'Search by name or phone' }), '650 555 0177')
    await waitFor(() => expect(within(screen.getByRole('listbox')).getAllByRole('option')).toHaveLength(1))
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'closed')
    expect(await screen.findByText('No conversations match these filters.')).toBeInTheDocument()
  })

  it('moves through the list with the keyboard and opens with Enter', async () => {
    const user = userEvent.setup()
    const { view } = setup(server)
    view(<Inbox />)
    const list = await screen.findByRole('listbox', { name: 'Conversations' })
    await findRows(list)
    list.focus()
    await user.keyboard('{ArrowDown}{ArrowDown}')
    const active = list.getAttribute('aria-activedescendant') as string
    const options = within(list).getAllByRole('option')
    expect(options[2]?.id).toBe(active)
    await user.keyboard('{Enter}')
    expect(await screen.findByRole('log')).toBeInTheDocument()
    expect(options[2]).toHaveAttribute('aria-selected', 'true')
  })

  it('renders message text as text, never HTML, and only safe links', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const m = await backend.simulateInbound(
      '+16505550177',
      '<img src=x onerror=alert(1)> see https://example.com/a?b=1, javascript:alert(1) or call tel:+14155550100',
    )
    view(<Inbox selectedId={m.conversationId} />)
    const log = await screen.findByRole('log')
    expect(log.querySelector('img[src="x"]')).toBeNull()
    expect(within(log).getByText(/<img src=x onerror=alert\(1\)>/)).toBeInTheDocument()
    const links = within(log).getAllByRole('link')
    expect(links.map((l) => l.getAttribute('href'))).toEqual(['https://example.com/a?b=1', 'tel:+14155550100'])
    for (const link of links) expect(link).toHaveAttribute('rel', 'noopener noreferrer')
    expect(user).toBeDefined()
  })
})

describe('Inbox routing', () => {
  it('controlled: a click asks the host (onSelect) and the host decides what is open', async () => {
    const user = userEvent.setup()
    const { backend, client, view } = setup(server)
    const a = await backend.simulateInbound('+16505550177', 'From A')
    const b = await backend.simulateInbound('+16505550188', 'From B')
    const onSelect = vi.fn()
    const { rerender } = view(<Inbox selectedId={a.conversationId} onSelect={onSelect} />)
    await screen.findByRole('log', { name: 'Messages with (650) 555-0177' })
    const list = screen.getByRole('listbox', { name: 'Conversations' })
    await user.click(await within(list).findByRole('option', { name: /From B/ }))
    expect(onSelect).toHaveBeenLastCalledWith(b.conversationId)
    // Until the host routes there, A stays open.
    expect(screen.getByRole('log', { name: 'Messages with (650) 555-0177' })).toBeInTheDocument()
    rerender(
      <InboxProvider client={client}>
        <Inbox selectedId={b.conversationId} onSelect={onSelect} />
      </InboxProvider>,
    )
    await screen.findByRole('log', { name: 'Messages with (650) 555-0188' })
    await user.click(screen.getByRole('button', { name: 'Back to conversations' }))
    expect(onSelect).toHaveBeenLastCalledWith(null)
  })

  it('uncontrolled: a click opens the conversation and reports it', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const b = await backend.simulateInbound('+16505550188', 'From B')
    const onSelect = vi.fn()
    view(<Inbox onSelect={onSelect} />)
    const list = await screen.findByRole('listbox', { name: 'Conversations' })
    await user.click(await within(list).findByRole('option', { name: /From B/ }))
    await screen.findByRole('log', { name: 'Messages with (650) 555-0188' })
    expect(onSelect).toHaveBeenCalledWith(b.conversationId)
  })
})

describe('Thread', () => {
  it('marks where the unread texts start with a "New messages" divider', async () => {
    const { backend, client, view } = setup(server)
    const first = await backend.simulateInbound('+16505550177', 'First, already read')
    await backend.service.markRead(dana, first.conversationId)
    await backend.simulateInbound('+16505550177', 'Unread one')
    await backend.simulateInbound('+16505550177', 'Unread two')
    view(<Inbox selectedId={first.conversationId} />)
    const log = await screen.findByRole('log')
    const texts = () => [...log.querySelectorAll('.sb-thread__unread, .sb-message__body')].map((e) => e.textContent)
    // The newest are drawn first, those above them a frame later.
    await waitFor(() => expect(texts()).toEqual(['First, already read', 'New messages', 'Unread one', 'Unread two']))
    // A text arriving while the thread is open does not move the divider: it marks what was unread at opening.
    await act(async () => {
      await backend.simulateInbound('+16505550177', 'And a third, while you read')
      await client.sync()
    })
    await within(log).findByText('And a third, while you read')
    expect(texts()).toEqual([
      'First, already read',
      'New messages',
      'Unread one',
      'Unread two',
      'And a third, while you read',
    ])
  })
})

describe('ClientPanel', () => {
  it("shows the client's record, patients and texting status; a lead says it is not matched", async () => {
    const { backend, view } = setup(server)
    const [client] = await backend.service.searchClients(dana, { q: '' })
    if (!client) throw new Error('seed has clients')
    const { conversation } = await backend.service.startConversation(dana, { clientId: client.id })
    const { unmount } = view(<ClientPanel conversationId={conversation.id} />)
    const panel = await screen.findByRole('region', { name: 'Client details' })
    await within(panel).findByText(client.patients[0]!.name)
    expect(within(panel).getByText('Can receive texts')).toBeInTheDocument()
    expect(
      within(panel).getByText(
        new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' }).format(
          client.balance.amountMinor / 100,
        ),
      ),
    ).toBeInTheDocument()
    unmount()
    const lead = await backend.simulateInbound('+16505550177', 'STOP')
    view(<ClientPanel conversationId={lead.conversationId} />)
    expect(await screen.findByText('This number is not matched to a client yet.')).toBeInTheDocument()
    expect(screen.getByText(/^Opted out on/)).toBeInTheDocument()
  })
})

describe('ConversationHeader', () => {
  it('shows the conversation’s state at a glance: lead, assigned, opted out, closed', async () => {
    const user = userEvent.setup()
    const { backend, client, view } = setup(server)
    const { conversationId } = await backend.simulateInbound('+16505550177', 'Hi, do you take new patients?')
    view(<Inbox selectedId={conversationId} />)
    const headings = await screen.findAllByRole('heading', { name: '(650) 555-0177' })
    const header = headings.map((h) => h.closest('header')).find(Boolean) as HTMLElement
    expect(within(header).getByText('Lead')).toBeInTheDocument()
    expect(within(header).queryByText(/Assigned to/)).toBeNull()
    await client.actions.assign(conversationId, 'usr_marcus')
    expect(await within(header).findByText('Assigned to Marcus Bell')).toBeInTheDocument()
    await client.actions.close(conversationId)
    expect(await within(header).findByText('Closed')).toBeInTheDocument()
    await backend.simulateInbound('+16505550177', 'STOP')
    await client.sync()
    expect(await within(header).findByText('Opted out')).toBeInTheDocument()
    // The menu sits in the header, an icon button named for what it does.
    await user.click(within(header).getByRole('button', { name: 'Conversation actions' }))
    expect(await screen.findByRole('menu')).toBeInTheDocument()
  })
})

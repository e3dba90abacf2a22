import type { Attachment, Message } from '@switchboard/protocol'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { HttpResponse, http } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Inbox, MessageBubble, Thread } from '../index'
import { dana, setup, startMsw } from './harness'

const server = startMsw()

const message = (attachments: Attachment[], body = ''): Message => ({
  id: 'msg_1',
  conversationId: 'cnv_1',
  seq: 1,
  direction: 'inbound',
  origin: 'client',
  body,
  attachments,
  status: 'received',
  createdAt: '2026-11-30T18:00:00.000Z',
  updatedAt: '2026-11-30T18:00:00.000Z',
})
const file = (id: string, name: string, contentType: string, url: string, thumbnailUrl?: string): Attachment => ({
  id,
  name,
  contentType,
  size: 1000,
  url,
  ...(thumbnailUrl ? { thumbnailUrl } : {}),
})

describe('attachments and text from strangers', () => {
  it('never puts a script, data or foreign link in the page, nor draws an unproven image', () => {
    const { view } = setup(server)
    const { container } = view(
      <MessageBubble
        message={message([
          file('a1', 'photo.png', 'image/png', 'javascript:alert(1)'),
          file('a2', 'photo2.png', 'image/png', 'data:image/svg+xml,<svg onload=alert(1)>'),
          file('a3', 'form.pdf', 'application/pdf', 'vbscript:msgbox(1)'),
          file('a4', 'far.png', 'image/png', 'https://evil.example/x.png'),
          file('a5', 'ok.png', 'image/png', 'http://localhost/api/files/a5?sig=1', 'javascript:alert(2)'),
          file('a6', 'logo.svg', 'image/svg+xml', 'http://localhost/api/files/a6?sig=1'),
          file('a7', 'card.png', 'application/octet-stream', 'http://localhost/api/files/a7?sig=1'),
        ])}
      />,
    )
    const urls = [...container.querySelectorAll('[href], [src]')].map(
      (el) => el.getAttribute('href') ?? el.getAttribute('src'),
    )
    for (const url of urls) expect(url).toMatch(/^http:\/\/localhost\/api\/files\//)
    // The one proven image is drawn, from its file link (its thumbnail link was not from here).
    const images = container.querySelectorAll('img')
    expect(images).toHaveLength(1)
    expect(images[0]).toHaveAttribute('src', 'http://localhost/api/files/a5?sig=1')
    // No SVG from a stranger inline: the only SVG is the widget's own icons, hidden from assistive technology.
    for (const svg of container.querySelectorAll('svg')) {
      expect(svg).toHaveClass('sb-icon')
      expect(svg).toHaveAttribute('aria-hidden', 'true')
    }
    // The others say why they are not shown, by name.
    expect(screen.getAllByText('cannot be shown: its link is not from this inbox')).toHaveLength(4)
    expect(screen.getByRole('link', { name: /logo\.svg/ })).toHaveTextContent('SVG file')
    expect(screen.getByRole('link', { name: /card\.png/ })).toHaveTextContent('PNG file')
  })

  it('shows the real extension of a filename disguised with a direction override, isolated', () => {
    const { view } = setup(server)
    view(
      <MessageBubble
        message={message([
          file('a1', 'invoice\u202Efdp.exe', 'application/octet-stream', 'http://localhost/api/files/a1?sig=1'),
          file('a2', 'scan\u202Egnp.pdf', 'application/pdf', 'http://localhost/api/files/a2?sig=1'),
        ])}
      />,
    )
    const exe = screen.getByRole('link', { name: /invoice/ })
    expect(exe.textContent).not.toContain('\u202E')
    expect(exe).toHaveTextContent('invoice fdp.exe')
    expect(exe).toHaveTextContent('EXE file')
    expect(exe.querySelector('bdi')).toHaveTextContent('invoice fdp.exe')
    expect(exe).toHaveAttribute('download', 'invoice fdp.exe')
    expect(screen.getByRole('link', { name: /scan/ })).toHaveTextContent('PDF file')
  })

  it('a link cannot pass for another address: direction overrides are dropped, the link isolated', () => {
    const { view } = setup(server)
    view(<MessageBubble message={message([], 'Pay now at https://evil.example/\u202Emoc.knab today')} />)
    const link = screen.getByRole('link')
    expect(link.textContent).toBe('https://evil.example/moc.knab')
    expect(link).toHaveAttribute('href', 'https://evil.example/moc.knab')
    expect(link).toHaveAttribute('rel', 'noopener noreferrer')
    expect(link.closest('bdi')).not.toBeNull()
    expect(document.body.textContent).not.toContain('\u202E')
  })

  it('a name that came in with direction or control characters is shown without them, isolated', async () => {
    const { backend, view } = setup(server)
    const { conversationId } = await backend.simulateInbound('+16505550177', 'Hello')
    // A record imported from elsewhere, with characters the inbox itself would refuse.
    await backend.storage.transaction('cln_maple', async (tx) => {
      const client = {
        ...(await tx.searchClients('', 1))[0]!,
        id: 'cli_eve',
        firstName: 'Eve\u202E',
        lastName: 'gnp.exe\r\n',
      }
      await tx.putClient({ ...client, phones: ['+16505550177'] })
      const contact = await tx.getContact('+16505550177')
      await tx.putContact({ ...contact!, clientId: 'cli_eve' })
    })
    view(<Inbox selectedId={conversationId} />)
    const headings = await screen.findAllByRole('heading', { name: 'Eve gnp.exe' })
    for (const heading of headings) expect(heading.querySelector('bdi')?.textContent).toBe('Eve gnp.exe')
    const row = await screen.findByRole('option', { name: /Eve gnp\.exe/ })
    expect(row.textContent).not.toMatch(/[\u202E\r\n]/)
  })

  it('one message that breaks the contract hides neither the thread nor the other messages', async () => {
    const { backend, view } = setup(server)
    const { conversationId } = await backend.simulateInbound('+16505550177', 'First')
    await backend.simulateInbound('+16505550177', 'Third')
    const page = await backend.service.listMessages(
      { clinicId: 'cln_maple', userId: 'usr_dana', permissions: ['messaging'] },
      conversationId,
    )
    const [first, third] = page.items
    const broken = { ...first, id: 'msg_bad', seq: 1.5, body: 'Second', attachments: [{ id: 'x', size: -1 }] }
    const withBadAttachment = { ...third, attachments: [{ name: 'no url', size: -5 }] }
    const { lastSeq } = await backend.service.eventsAfter(dana, { after: 0 })
    server.use(
      http.get(`${backend.baseUrl}/conversations/:id/messages`, () =>
        HttpResponse.json(
          { items: [first, broken, withBadAttachment], nextBefore: null },
          { headers: { 'switchboard-seq': String(lastSeq) } },
        ),
      ),
    )
    view(<Thread conversationId={conversationId} />)
    const log = await screen.findByRole('log')
    expect(await within(log).findByText('First')).toBeInTheDocument()
    expect(within(log).getByText('Third')).toBeInTheDocument()
    expect(within(log).queryByText('Second')).toBeNull()
    expect(screen.queryByText(/Could not load/)).toBeNull()
  })
})

describe('a possible opt-out request', () => {
  it('asks staff; "Record opt-out" opts the contact out and locks the composer', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const { conversationId } = await backend.simulateInbound('+16505550177', 'Please stop texting me')
    view(<Inbox selectedId={conversationId} />)
    const region = await screen.findByRole('region', { name: 'Possible opt-out request' })
    expect(region).toHaveTextContent('“Please stop texting me”')
    const row = await screen.findByRole('option', { name: /Please stop texting me/ })
    expect(within(row).getByText('Possible opt-out')).toBeInTheDocument()
    await user.click(within(region).getByRole('button', { name: 'Record opt-out' }))
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Possible opt-out request' })).toBeNull())
    expect(await screen.findByText(/This contact opted out of texts/)).toBeInTheDocument()
    const stored = await backend.service.getConversation(
      { clinicId: 'cln_maple', userId: 'usr_dana', permissions: ['messaging'] },
      conversationId,
    )
    expect(stored.contact.optedOut).toMatchObject({ via: 'staff' })
  })

  it('"Not an opt-out" dismisses it and the contact can still be texted', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const { conversationId } = await backend.simulateInbound('+16505550177', "don't text me, call me")
    view(<Inbox selectedId={conversationId} />)
    const region = await screen.findByRole('region', { name: 'Possible opt-out request' })
    await user.click(within(region).getByRole('button', { name: 'Not an opt-out' }))
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Possible opt-out request' })).toBeNull())
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeEnabled()
  })
})

describe('quiet hours in the contact’s own time zone', () => {
  afterEach(() => vi.useRealTimers())

  it.each([
    // 6:30 am at the clinic in Los Angeles is 9:30 am in New York: no warning for a New York number.
    ['2026-11-30T14:30:00Z', '+12125550123', null],
    // 7 pm in Los Angeles is 10 pm in New York (said as the reader's language says it).
    ['2026-12-01T03:00:00Z', '+12125550123', '10:00 PM'],
  ])('at %s a text to %s warns: %s', async (iso, phone, time) => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(iso))
    const { backend, view } = setup(server)
    const { conversationId } = await backend.simulateInbound(phone, 'A question')
    view(<Inbox selectedId={conversationId} />)
    await screen.findByRole('textbox', { name: 'Message' })
    const warning = screen.queryByText(/consider sending after 8 am/)
    if (time) expect(warning).toHaveTextContent(`It is ${time} for this contact`)
    else expect(warning).toBeNull()
  })
})

import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Composer, Inbox, InboxProvider } from '../index'
import { dana, setup, startMsw } from './harness'

const server = startMsw()
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4])

describe('Composer', () => {
  it('keeps every behaviour when a host rearranges its parts, and forwards ref and props', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const { conversationId } = await backend.simulateInbound('+16505550177', 'Are you open Saturday?')
    const ref = { current: null as HTMLFormElement | null }
    view(
      <Composer ref={ref} conversationId={conversationId} aria-label="Reply">
        <div className="my-bar">
          <Composer.Send />
          <Composer.Counter />
        </div>
        <Composer.Input />
        <Composer.Error />
      </Composer>,
    )
    const box = await screen.findByRole('textbox', { name: 'Message' })
    const form = screen.getByRole('form', { name: 'Reply' })
    expect(ref.current).toBe(form)
    // The send button comes first, as the host placed it; no built-in tools were asked for.
    expect(form.firstElementChild?.firstElementChild).toBe(screen.getByRole('button', { name: 'Send' }))
    expect(screen.queryByRole('button', { name: 'Insert emoji' })).toBeNull()
    await user.type(box, 'Yes, 9 to 1')
    expect(screen.getByText('1 SMS · 149 characters left')).toBeInTheDocument()
    await user.keyboard('{Enter}')
    expect(box).toHaveValue('')
    await waitFor(async () => {
      const { items } = await backend.service.listMessages(dana, conversationId)
      expect(items.map((m) => m.body.split('\n')[0])).toContain('Yes, 9 to 1')
    })
  })

  it('keeps a draft per conversation', async () => {
    const user = userEvent.setup()
    const { backend, client, view } = setup(server)
    const a = await backend.simulateInbound('+16505550177', 'From A')
    const b = await backend.simulateInbound('+16505550188', 'From B')
    const { rerender } = view(<Inbox selectedId={a.conversationId} />)
    await user.type(await screen.findByRole('textbox', { name: 'Message' }), 'Half-written answer')
    rerender(
      <InboxProvider client={client}>
        <Inbox selectedId={b.conversationId} />
      </InboxProvider>,
    )
    await screen.findByRole('log', { name: 'Messages with (650) 555-0188' })
    expect(await screen.findByRole('textbox', { name: 'Message' })).toHaveValue('')
    rerender(
      <InboxProvider client={client}>
        <Inbox selectedId={a.conversationId} />
      </InboxProvider>,
    )
    await screen.findByRole('log', { name: 'Messages with (650) 555-0177' })
    expect(await screen.findByRole('textbox', { name: 'Message' })).toHaveValue('Half-written answer')
  })
})

describe('quiet hours', () => {
  afterEach(() => vi.useRealTimers())
  /** Opens a conversation with the browser's clock at `iso`. */
  const openAt = async (iso: string) => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(iso))
    const { backend, view } = setup(server)
    const { conversationId } = await backend.simulateInbound('+16505550177', 'A question')
    view(<Inbox selectedId={conversationId} />)
    await screen.findByRole('textbox', { name: 'Message' })
  }

  it("warns when it is quiet hours in the clinic's time zone", async () => {
    // 05:30 UTC is 21:30 the evening before in Los Angeles (the seed clinic's zone).
    await openAt('2026-12-01T05:30:00Z')
    // Said in the reader's language: "9:30 PM" in English (the contact's clock, not the reader's).
    expect(await screen.findByText(/for this contact: consider sending after 8 am\./)).toHaveTextContent(
      /^It is 9:30\sPM for this contact/,
    )
  })

  it('says nothing about quiet hours in the daytime', async () => {
    await openAt('2026-11-30T18:00:00Z')
    expect(screen.queryByText(/consider sending after 8 am/)).toBeNull()
  })
})

describe('Composer tools', () => {
  it('inserts a template filled from the client record and flags what it cannot fill', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const client = (await backend.service.searchClients(dana, { q: '' }))[0]!
    const { conversation } = await backend.service.startConversation(dana, { clientId: client.id })
    view(<Inbox selectedId={conversation.id} />)
    await user.click(await screen.findByRole('button', { name: 'Insert a template' }))
    await user.click(await screen.findByRole('menuitem', { name: /Appointment confirmation/ }))
    const box = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement
    await waitFor(() =>
      expect(box.value).toContain(`Hi ${client.firstName}, ${client.patients[0]!.name} is booked for`),
    )
    expect(box.value).toContain('{{appointment.date}}')
    expect(screen.getByText('Fill in {{appointment.date}} before sending.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled()
    await user.clear(box)
    await user.type(box, 'Hi there')
    expect(screen.getByRole('button', { name: 'Send' })).toBeEnabled()
  })

  it('fills a template completely with the host’s context (the appointment) beside the client record', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const client = (await backend.service.searchClients(dana, { q: '' }))[0]!
    const { conversation } = await backend.service.startConversation(dana, { clientId: client.id })
    view(
      <Inbox
        selectedId={conversation.id}
        templateContext={(c, record) => ({
          appointment: { date: `Tue Dec 8 at 9:30am (${c.id === conversation.id ? record?.lastName : '?'})` },
        })}
      />,
    )
    await user.click(await screen.findByRole('button', { name: 'Insert a template' }))
    await user.click(await screen.findByRole('menuitem', { name: /Appointment confirmation/ }))
    const box = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement
    await waitFor(() => expect(box.value).toContain(`is booked for Tue Dec 8 at 9:30am (${client.lastName}) at`))
    expect(box.value).not.toContain('{{')
    expect(screen.getByRole('button', { name: 'Send' })).toBeEnabled()
  })

  it('gives host tools the conversation, its client and a way to put text and files in the draft', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const client = (await backend.service.searchClients(dana, { q: '' }))[0]!
    const { conversation } = await backend.service.startConversation(dana, { clientId: client.id })
    const [form] = await backend.service.listLibrary(dana)
    view(
      <Inbox
        selectedId={conversation.id}
        composerTools={({ client: record, insertText, attach }) => (
          <>
            <button type="button" onClick={() => insertText(`Pay here: https://pay.example/${record?.id}`)}>
              Payment request
            </button>
            <button type="button" onClick={() => form && attach(form)}>
              Intake form
            </button>
          </>
        )}
      />,
    )
    await user.click(await screen.findByRole('button', { name: 'Payment request' }))
    await user.click(screen.getByRole('button', { name: 'Intake form' }))
    const box = screen.getByRole('textbox', { name: 'Message' })
    await waitFor(() => expect(box).toHaveValue(`Pay here: https://pay.example/${client.id}`))
    expect(screen.getByRole('button', { name: `Remove ${form?.name}` })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Send' }))
    await waitFor(async () => {
      const { items } = await backend.service.listMessages(dana, conversation.id)
      const sent = items.find((m) => m.body.startsWith('Pay here'))
      expect(sent?.attachments.map((a) => a.name)).toEqual([form?.name])
    })
  })

  it('puts inserted text at the caret and keeps the caret after it for keys typed at once', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const m = await backend.simulateInbound('+16505550177', 'Can I pay online?')
    view(
      <Inbox
        selectedId={m.conversationId}
        composerTools={({ insertText }) => (
          <button type="button" onClick={() => insertText('https://pay.example/42')}>
            Payment link
          </button>
        )}
      />,
    )
    const box = (await screen.findByRole('textbox', { name: 'Message' })) as HTMLTextAreaElement
    await user.type(box, 'Pay here:  thanks')
    box.setSelectionRange(10, 10)
    // Frames come when the browser is free: here only after the keys typed right after the click.
    const frames: FrameRequestCallback[] = []
    const raf = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((f) => frames.push(f))
    try {
      await user.click(screen.getByRole('button', { name: 'Payment link' }))
      expect(box).toHaveFocus()
      expect(box.selectionStart).toBe(10 + 'https://pay.example/42'.length)
      await user.keyboard('/ok')
      for (const frame of frames.splice(0)) frame(performance.now())
    } finally {
      raf.mockRestore()
    }
    expect(box).toHaveValue('Pay here: https://pay.example/42/ok thanks')
    expect(box.selectionStart).toBe(10 + 'https://pay.example/42/ok'.length)
  })

  it('attaches from the library and sends it', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const m = await backend.simulateInbound('+16505550177', 'Do you have the aftercare sheet?')
    view(<Inbox selectedId={m.conversationId} />)
    await user.click(await screen.findByRole('button', { name: 'Attach from the document library' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Dental aftercare.pdf' }))
    expect(screen.getByRole('button', { name: 'Remove Dental aftercare.pdf' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Send' }))
    await waitFor(async () => {
      const { items } = await backend.service.listMessages(dana, m.conversationId)
      expect(items.at(-1)?.attachments.map((a) => a.name)).toEqual(['Dental aftercare.pdf'])
    })
  })

  it('uploads a photo with progress, and refuses an SVG or an oversized file before uploading', async () => {
    const user = userEvent.setup({ applyAccept: false })
    const { backend, client, view } = setup(server)
    // jsdom's File and FormData do not survive Node's multipart encoding, so the transport's upload
    // is replaced by one that reports progress and stores the bytes through the service (the HTTP
    // upload itself is covered by the core conformance suite).
    let finish: () => void = () => undefined
    client.transport.uploadAttachment = async (file, options = {}) => {
      options.onProgress?.(file.size / 2, file.size)
      await new Promise<void>((resolve) => {
        finish = resolve
      })
      return backend.service.uploadAttachment(dana, { name: file.name ?? 'file', contentType: file.type, data: PNG })
    }
    const m = await backend.simulateInbound('+16505550177', 'Send me the x-ray')
    view(<Inbox selectedId={m.conversationId} />)
    await screen.findByRole('textbox', { name: 'Message' })
    const input = document.querySelector('input[type="file"]') as HTMLInputElement
    await user.upload(input, [
      new File([PNG], 'xray.png', { type: 'image/png' }),
      new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' }),
      new File([new Uint8Array(5_000_001)], 'huge.jpg', { type: 'image/jpeg' }),
    ])
    // Each refusal is announced, not only shown.
    await waitFor(() =>
      expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
        '"logo.svg" is not a file type that can be texted (photos and PDFs can).',
        '"huge.jpg" is larger than 5 MB.',
      ]),
    )
    const chips = screen.getAllByRole('listitem')
    expect(within(chips[0]!).getByText('xray.png')).toBeInTheDocument()
    expect(within(chips[0]!).getByRole('progressbar', { name: 'Uploading xray.png' })).toHaveAttribute('value', '0.5')
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled()
    finish()
    await waitFor(() => expect(chips[0]).toHaveAttribute('data-state', 'done'))
    await user.click(screen.getByRole('button', { name: 'Remove logo.svg' }))
    await user.click(screen.getByRole('button', { name: 'Remove huge.jpg' }))
    await user.click(screen.getByRole('button', { name: 'Send' }))
    await waitFor(async () => {
      const { items } = await backend.service.listMessages(dana, m.conversationId)
      expect(items.at(-1)?.attachments.map((a) => a.name)).toEqual(['xray.png'])
    })
  })
})

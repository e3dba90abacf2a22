import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import type { BackendParameters } from '../../../../.storybook/backend'
import { Composer, Thread } from '../index'

const staff = { clinicId: 'cln_maple', userId: 'usr_priya', permissions: ['messaging' as const] }

const conversation = (setup: BackendParameters['setup']): { backend: BackendParameters } => ({ backend: { setup } })

const meta: Meta<typeof Thread> = {
  title: 'Inbox/Thread',
  component: Thread,
  parameters: { height: 640 },
  render: (_args, { loaded }) => (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', maxWidth: 720 }}>
      <Thread conversationId={loaded.prepared as string} />
      <Composer conversationId={loaded.prepared as string} />
    </div>
  ),
}
export default meta
type Story = StoryObj<typeof Thread>

export const Conversation: Story = {
  parameters: conversation(async (b) => {
    const { conversationId } = await b.simulateInbound('+16505550177', 'Hi! Is Biscuit ready for pick-up? 🐶')
    await b.service.sendMessage(staff, conversationId, { clientMessageId: 'a', body: 'Yes! Any time before 6pm.' })
    await b.simulateInbound('+16505550177', 'Here is the photo of the rash', [
      { name: 'IMG_2041.jpg', contentType: 'image/jpeg' },
    ])
    await b.service.sendMessage(staff, conversationId, {
      clientMessageId: 'b',
      body: 'Thanks. Aftercare sheet attached.',
      attachmentIds: ['att_lib_dental'],
    })
    return conversationId
  }),
  play: async ({ canvasElement }) => {
    const log = await within(canvasElement).findByRole('log')
    await expect(await within(log).findByRole('img', { name: 'IMG_2041.jpg' })).toBeInTheDocument()
    await expect(within(log).getByRole('link', { name: /Dental aftercare\.pdf/ })).toHaveAttribute(
      'rel',
      'noopener noreferrer',
    )
    await expect(within(log).getAllByText('Priya Natarajan').length).toBe(2)
  },
}

/** A conversation that fits without scrolling: every message is drawn, the first one too. */
export const FitsTheView: Story = {
  parameters: {
    height: 1100,
    ...conversation(async (b) => {
      const phone = '+16505550178'
      const { conversationId } = await b.simulateInbound(phone, 'Text 1: hello')
      for (let i = 2; i <= 10; i++) {
        if (i % 2) await b.simulateInbound(phone, `Text ${i}: ok`)
        else await b.service.sendMessage(staff, conversationId, { clientMessageId: `fit-${i}`, body: `Text ${i}: ok` })
      }
      return conversationId
    }),
  },
  play: async ({ canvasElement }) => {
    const log = await within(canvasElement).findByRole('log')
    await expect(await within(log).findByText(/^Text 10: ok/)).toBeInTheDocument()
    await waitFor(() => expect(within(log).getByText('Text 1: hello')).toBeVisible())
    await expect(log.scrollHeight).toBeLessThanOrEqual(log.clientHeight + 1)
  },
}

export const CampaignAndAutoReply: Story = {
  parameters: conversation(async (b) => {
    await b.service.sendCampaignMessage('cln_maple', {
      phone: '+16505550177',
      body: 'Reminder: Luna has an appointment Tue Dec 2 at 10:30am. Reply C to confirm.',
      campaign: { id: 'cmp_reminders', name: 'Appointment Reminders' },
      purpose: 'transactional',
    })
    const { conversationId } = await b.simulateInbound('+16505550177', 'C')
    return conversationId
  }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Appointment Reminders')).toBeInTheDocument()
  },
}

export const UnsafeContent: Story = {
  parameters: conversation(async (b) => {
    const m = await b.simulateInbound(
      '+16505550177',
      '<script>alert(1)</script> <b>bold?</b> javascript:alert(1) https://example.com/booking ✔ call tel:+14155550100',
      [{ name: 'drawing.svg', contentType: 'image/svg+xml' }],
    )
    return m.conversationId
  }),
  play: async ({ canvasElement }) => {
    const log = await within(canvasElement).findByRole('log')
    await expect(log.querySelector('script, b, svg')).toBeNull()
    await expect(
      within(log)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual([expect.stringContaining('/files/'), 'https://example.com/booking', 'tel:+14155550100'])
  },
}

/** Older history fails to load: the thread stays, the head says so and tries again when clicked. */
export const OlderHistoryFails: Story = {
  parameters: conversation(async (b) => {
    let id = ''
    for (let i = 0; i < 80; i++) id = (await b.simulateInbound('+16505550177', `Message ${i}`)).conversationId
    b.failNext({ method: 'GET', path: '/conversations/:id/messages', search: /before=/, status: 404 })
    return id
  }),
  play: async ({ canvasElement }) => {
    const log = await within(canvasElement).findByRole('log')
    await waitFor(() => expect(within(log).getByText('Message 79')).toBeVisible())
    await userEvent.click(within(log).getByRole('button', { name: 'Load older messages' }))
    await expect(
      await within(log).findByRole('button', { name: 'Older messages could not load. Try again' }),
    ).toBeInTheDocument()
    // What was loaded stays (the click scrolled to the head: the oldest loaded message is there).
    await expect(within(log).getByText('Message 30')).toBeVisible()
  },
}

/** Where an element sits relative to its scroll container, in px. */
const topIn = (el: Element, container: Element) =>
  el.getBoundingClientRect().top - container.getBoundingClientRect().top

export const LongHistory: Story = {
  parameters: conversation(async (b) => {
    let id = ''
    for (let i = 0; i < 400; i++) {
      if (i % 4 === 3) {
        await b.service.sendMessage(staff, id, { clientMessageId: `r${i}`, body: `Reply ${i}` })
      } else {
        const body =
          i % 9 === 0 ? `Message ${i}: ${'a longer text that wraps over several lines '.repeat(4)}` : `Message ${i}`
        id = (await b.simulateInbound('+16505550177', body)).conversationId
      }
    }
    return id
  }),
  play: async ({ canvasElement, loaded }) => {
    const log = await within(canvasElement).findByRole('log')
    // Opens at the newest message, with only what is in view (and a few around it) in the DOM.
    await waitFor(() => expect(within(log).getByText('Message 398')).toBeVisible())
    await waitFor(() => expect(log.scrollHeight - log.scrollTop - log.clientHeight).toBeLessThan(2))
    await expect(log.querySelectorAll('.sb-message').length).toBeLessThan(40)

    // Scrolling to the top loads the previous page without moving what was on screen.
    log.scrollTop = 0
    const anchor = await within(log).findByText('Message 350')
    const before = topIn(anchor, log)
    await waitFor(() => expect(within(log).queryByText('Loading older messages…')).toBeNull())
    await waitFor(() => expect(log.scrollTop).toBeGreaterThan(1000))
    await waitFor(() => expect(Math.abs(topIn(within(log).getByText('Message 350'), log) - before)).toBeLessThan(3))
    // A hundred messages loaded, still only those around the view drawn.
    await expect(log.querySelectorAll('.sb-message').length).toBeLessThan(40)

    // A text arriving while reading history waits below; "Jump to latest" brings it into view.
    await loaded.client.connect()
    await loaded.backend.simulateInbound('+16505550177', 'Are you still open today?')
    const jump = await within(canvasElement).findByRole('button', { name: 'Jump to latest' }, { timeout: 5000 })
    await expect(within(log).queryByText('Are you still open today?')).toBeNull()
    await userEvent.click(jump)
    await waitFor(() => expect(within(log).getByText('Are you still open today?')).toBeVisible())
    await waitFor(() => expect(within(canvasElement).queryByRole('button', { name: 'Jump to latest' })).toBeNull())
    loaded.client.disconnect()
  },
}

/** The carrier could not reach the phone: "Retry" sends the text once more (never for a landline). */
export const CarrierFailureRetry: Story = {
  parameters: conversation(async (b) => {
    const { conversationId } = await b.simulateInbound('+16505550177', 'Can you text me the invoice?')
    b.gateway.failNext('30003', 'Unreachable destination handset')
    await b.service.sendMessage(staff, conversationId, { clientMessageId: 'a', body: 'Sending it now!' })
    const other = await b.simulateInbound('+16505550177', 'Thanks')
    return other.conversationId
  }),
  play: async ({ canvasElement }) => {
    const log = await within(canvasElement).findByRole('log')
    await expect(await within(log).findByText(/The phone was unreachable/)).toBeVisible()
    await userEvent.click(within(log).getByRole('button', { name: 'Retry' }))
    await expect(await within(log).findByText('Not delivered · sent again')).toBeVisible()
  },
}

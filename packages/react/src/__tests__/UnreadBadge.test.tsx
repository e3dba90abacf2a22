import { act, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { InboxProvider, UnreadBadge } from '../index'
import { dana, setup, startMsw } from './harness'

const server = startMsw()

describe('UnreadBadge in the host navigation', () => {
  it('counts unread texts, stays live with no Inbox mounted, and pulses once when a text arrives', async () => {
    const { backend, client } = setup(server)
    render(
      <InboxProvider client={client}>
        <nav aria-label="Practice menu">
          Messages <UnreadBadge />
        </nav>
      </InboxProvider>,
    )
    const totals = await backend.service.unreadTotals(dana)
    const badge = await screen.findByRole('status', { name: `${totals.messages} unread texts` })
    expect(badge).not.toHaveAttribute('data-pulse')

    await backend.simulateInbound('+16505550177', 'Is Biscuit ready?')
    await act(() => client.sync())
    await waitFor(() => expect(screen.getByRole('status')).toHaveAccessibleName(`${totals.messages + 1} unread texts`))
    expect(screen.getByRole('status')).toHaveAttribute('data-pulse')
    await waitFor(() => expect(screen.getByRole('status')).not.toHaveAttribute('data-pulse'), { timeout: 3000 })
  })

  it('can count conversations instead, singular when there is one', async () => {
    const { backend, client } = setup(server, { seed: { seed: 5, conversations: 0 } })
    await backend.simulateInbound('+16505550177', 'Hello?')
    render(
      <InboxProvider client={client}>
        <UnreadBadge count="conversations" />
      </InboxProvider>,
    )
    expect(await screen.findByRole('status', { name: '1 unread conversation' })).toHaveTextContent('1')
  })
})

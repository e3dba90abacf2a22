import { act, renderHook, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ConversationList, InboxProvider, Thread, useThread } from '../index'
import { setup, startMsw } from './harness'

const server = startMsw()

// A page that fails after others loaded takes nothing away: what is on screen stays, the failure
// is said where the next page would be, and it is asked for again only when staff ask.
describe('a later page that fails', () => {
  it('older history: the thread stays, its head says it failed and tries again', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    // More than a page of history.
    let conversationId = ''
    for (let i = 1; i <= 120; i++)
      conversationId = (await backend.simulateInbound('+16505550177', `Text ${i}`)).conversationId
    view(<Thread conversationId={conversationId} />)
    const log = await screen.findByRole('log')
    expect(await within(log).findByText('Text 120')).toBeInTheDocument()

    backend.failNext({ method: 'GET', path: '/conversations/:id/messages', search: /before=/, status: 404 })
    await user.click(within(log).getByRole('button', { name: 'Load older messages' }))
    const retry = await within(log).findByRole('button', { name: 'Older messages could not load. Try again' })
    expect(within(log).getByText('Text 120')).toBeInTheDocument()
    // Said once to screen readers too.
    expect(document.querySelector('[aria-live="polite"]')).toHaveTextContent('Older messages could not load')
    expect(retry).toHaveAttribute('title', expect.stringMatching(/.+/))

    await user.click(retry)
    await waitFor(() => expect(within(log).queryByRole('button', { name: /could not load/ })).toBeNull())
    expect(within(log).getByText('Text 120')).toBeInTheDocument()
  })

  it('the next page of the list: the rows stay, an alert under them retries it', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server, { pageSize: 5, seed: { seed: 5, conversations: 30 } })
    backend.failNext({ method: 'GET', path: '/conversations', search: /cursor=/, status: 404 })
    view(<ConversationList />)
    const list = await screen.findByRole('listbox', { name: 'Conversations' })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(/Could not load/)
    expect(within(list).getAllByRole('option').length).toBeGreaterThan(0)
    // Not asked for again by itself (it would load, and the alert go).
    await new Promise((r) => setTimeout(r, 300))
    expect(screen.getByRole('alert')).toBe(alert)

    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull())
    await waitFor(() =>
      expect(Number(within(list).getAllByRole('option')[0]?.getAttribute('aria-setsize'))).not.toBe(5),
    )
  })
})

describe('the next page', () => {
  it('asked for twice at once (a scroll and a click in one frame) is asked of the server once', async () => {
    const { backend, client } = setup(server)
    let conversationId = ''
    for (let i = 1; i <= 120; i++)
      conversationId = (await backend.simulateInbound('+16505550177', `Text ${i}`)).conversationId
    const asked: string[] = []
    const count = ({ request }: { request: Request }) => {
      if (new URL(request.url).searchParams.has('before')) asked.push(request.url)
    }
    server.events.on('request:start', count)
    try {
      const { result } = renderHook(() => useThread(conversationId), {
        wrapper: ({ children }) => <InboxProvider client={client}>{children}</InboxProvider>,
      })
      await waitFor(() => expect(result.current.hasNextPage).toBe(true))
      await act(() => Promise.all([result.current.fetchNextPage(), result.current.fetchNextPage()]))
      await waitFor(() => expect(result.current.items).toHaveLength(100))
      expect(asked).toHaveLength(1)
    } finally {
      server.events.removeListener('request:start', count)
    }
  })
})

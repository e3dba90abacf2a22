import { renderHook, screen, waitFor } from '@testing-library/react'
import { http } from 'msw'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { FIRST_REPLIES_WAIT_MS, Inbox, InboxProvider, useFirstReplies } from '../index'
import { findRows, setup, startMsw } from './harness'

const server = startMsw()

/** Whether the list's loading state was ever in the document while `run` went on. */
async function loadingShown(run: () => Promise<void>) {
  let seen = false
  const look = () => {
    if (screen.queryByText('Loading conversations…')) seen = true
  }
  const observer = new MutationObserver(look)
  observer.observe(document.body, { childList: true, subtree: true, characterData: true })
  await run()
  observer.disconnect()
  return seen
}

/** Holds the list's pages back until `release` is called (then the backend answers them). Call after `setup`. */
function holdFirstPage() {
  let release = () => {}
  const held = new Promise<void>((resolve) => {
    release = resolve
  })
  server.use(
    http.get(/\/api\/conversations(\?|$)/, async () => {
      await held
      // Nothing returned: the backend's own handler answers.
    }),
  )
  return () => release()
}

describe('the inbox waits briefly for its first replies', () => {
  it('draws its panes with the rows in one go when the replies come within the wait', async () => {
    const { view } = setup(server)
    const seen = await loadingShown(async () => {
      view(<Inbox loadingDelayMs={60_000} />)
      const section = screen.getByRole('region', { name: 'SMS inbox' })
      // Nothing of the panes yet: the profile and the first page are on their way.
      expect(section).toHaveAttribute('aria-busy', 'true')
      expect(screen.queryByRole('heading', { name: 'SMS inbox' })).not.toBeInTheDocument()
      await findRows(await screen.findByRole('listbox', { name: 'Conversations' }), 1)
      expect(section).not.toHaveAttribute('aria-busy')
      expect(screen.getByRole('heading', { name: 'SMS inbox' })).toBeInTheDocument()
    })
    expect(seen).toBe(false)
  })

  it('draws the panes with their loading state once the wait is over, then the rows when they come', async () => {
    const { view } = setup(server)
    const release = holdFirstPage()
    const seen = await loadingShown(async () => {
      view(<Inbox loadingDelayMs={20} />)
      expect(await screen.findByRole('heading', { name: 'SMS inbox' })).toBeInTheDocument()
      expect(screen.getByText('Loading conversations…')).toBeInTheDocument()
      expect(screen.getByRole('region', { name: 'SMS inbox' })).not.toHaveAttribute('aria-busy')
      release()
      await findRows(await screen.findByRole('listbox', { name: 'Conversations' }), 1)
    })
    expect(seen).toBe(true)
  })

  it('waits 100 ms by default, and not at all with loadingDelayMs 0', async () => {
    expect(FIRST_REPLIES_WAIT_MS).toBe(100)
    const { view } = setup(server)
    const release = holdFirstPage()
    view(<Inbox loadingDelayMs={0} />)
    expect(screen.getByRole('heading', { name: 'SMS inbox' })).toBeInTheDocument()
    expect(screen.getByText('Loading conversations…')).toBeInTheDocument()
    release()
  })

  it('does not wait for what is cached: a second inbox draws its rows at once', async () => {
    const { view } = setup(server)
    const first = view(<Inbox />)
    await findRows(await screen.findByRole('listbox', { name: 'Conversations' }), 1)
    first.unmount()
    view(<Inbox loadingDelayMs={60_000} />)
    expect(screen.getByRole('region', { name: 'SMS inbox' })).not.toHaveAttribute('aria-busy')
    expect(screen.getByRole('listbox', { name: 'Conversations' })).toBeInTheDocument()
  })

  it('ends the wait at a refusal, which the inbox then explains', async () => {
    const { view } = setup(server, { token: 'tok_forged' })
    view(<Inbox loadingDelayMs={60_000} />)
    const alert = await screen.findByRole('alert')
    expect(alert.textContent?.trim()).not.toBe('')
    expect(screen.getByRole('region', { name: 'SMS inbox' })).not.toHaveAttribute('aria-busy')
  })

  it('as a hook: false while the first replies are on their way, then true for good', async () => {
    const { client } = setup(server)
    const release = holdFirstPage()
    const wrapper = ({ children }: { children: ReactNode }) => <InboxProvider client={client}>{children}</InboxProvider>
    const { result } = renderHook(() => useFirstReplies(60_000), { wrapper })
    expect(result.current).toBe(false)
    // The hook only watches: the requests are the caller's (here, as the inbox's prefetch does).
    void client.queryClient.prefetchQuery(client.queries.me())
    void client.queryClient.prefetchInfiniteQuery(client.queries.conversations({}) as never)
    release()
    await waitFor(() => expect(result.current).toBe(true))
    // A later filter's first page does not take it back.
    client.store.getState().setFilter({ status: 'closed' })
    expect(result.current).toBe(true)
  })
})

import { act, renderHook, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { ConversationFilters, InboxProvider, SEARCH_DEBOUNCE_MS, useConversationFilters } from '../index'
import { setup, startMsw } from './harness'

const server = startMsw()
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('ConversationFilters', () => {
  it('follows the store both ways: a reset or a search set elsewhere shows in the box and stays', async () => {
    const user = userEvent.setup()
    const { client, view } = setup(server)
    view(<ConversationFilters />)
    const box = screen.getByRole('searchbox', { name: 'Search by name or phone' })
    await user.type(box, 'luna')
    await waitFor(() => expect(client.store.getState().filter.q).toBe('luna'))

    act(() => client.store.getState().resetFilter())
    expect(box).toHaveValue('')
    await act(() => wait(SEARCH_DEBOUNCE_MS + 100))
    expect(client.store.getState().filter.q).toBe('')

    act(() => client.store.getState().setFilter({ q: 'maria', status: 'all' }))
    expect(box).toHaveValue('maria')
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('all')
    await act(() => wait(SEARCH_DEBOUNCE_MS + 100))
    expect(client.store.getState().filter.q).toBe('maria')
  })

  it('keeps what is being typed, trailing space included, while the filter follows', async () => {
    const user = userEvent.setup()
    const { client, view } = setup(server)
    view(<ConversationFilters />)
    const box = screen.getByRole('searchbox', { name: 'Search by name or phone' })
    await user.type(box, 'maria ')
    await waitFor(() => expect(client.store.getState().filter.q).toBe('maria'))
    expect(box).toHaveValue('maria ')
    await user.type(box, 'g')
    await waitFor(() => expect(client.store.getState().filter.q).toBe('maria g'))
  })

  it('forwards its ref and spreads props onto its root', () => {
    const { view } = setup(server)
    let root: HTMLElement | null = null
    view(
      <ConversationFilters
        ref={(node) => {
          root = node
        }}
        aria-label="Find conversations"
        data-testid="filters"
      />,
    )
    expect(screen.getByTestId('filters')).toBe(root)
    expect(root).toHaveAttribute('aria-label', 'Find conversations')
    expect((root as HTMLElement | null)?.tagName).toBe('SEARCH')
  })

  it('gives a vendor drawing their own markup the same behaviour', async () => {
    const { client } = setup(server)
    const wrapper = ({ children }: { children: ReactNode }) => <InboxProvider client={client}>{children}</InboxProvider>
    const { result } = renderHook(() => useConversationFilters(), { wrapper })
    expect(result.current.choices.map((c) => c.label)).toEqual(['Status', 'Contact type', 'Assignment', 'Inbox'])
    act(() => result.current.setSearch('biscuit'))
    await waitFor(() => expect(client.store.getState().filter.q).toBe('biscuit'))
    act(() => result.current.resetFilter())
    expect(result.current.search).toBe('')
    await waitFor(() => expect(result.current.choices[3]?.options.length).toBeGreaterThan(1))
  })
})

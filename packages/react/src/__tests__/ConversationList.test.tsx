import { inboxKeys } from '@switchboard/core'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ConversationList, ConversationRow, useConversationList } from '../index'
import { dana, findRows, setup, startMsw } from './harness'

const server = startMsw()

const activeOption = (list: HTMLElement) => {
  const id = list.getAttribute('aria-activedescendant')
  return id ? document.getElementById(id) : null
}
const position = (option: Element | null) => Number(option?.getAttribute('aria-posinset'))

describe('ConversationList', () => {
  it('tells where each row is: position in the list, and the size once the last page is in', async () => {
    // Until the last page is in, the size is unknown (-1)…
    const many = setup(server, { pageSize: 10, seed: { seed: 5, conversations: 300 } })
    const first = many.view(<ConversationList />)
    const options = await findRows(await screen.findByRole('listbox'))
    expect(options.map(position).slice(0, 3)).toEqual([1, 2, 3])
    expect(options[0]).toHaveAttribute('aria-setsize', '-1')
    first.unmount()
    // …then it is the count of the whole list.
    const { view } = setup(server, { pageSize: 10 })
    view(<ConversationList />)
    const list = await screen.findByRole('listbox', { name: 'Conversations' })
    await waitFor(() =>
      expect(Number(within(list).getAllByRole('option')[0]?.getAttribute('aria-setsize'))).toBeGreaterThan(10),
    )
  })

  it('moves with ↑ ↓ Home and opens with Enter (PageUp, PageDown and End in the story test, which has layout)', async () => {
    const onSelect = vi.fn()
    const { view } = setup(server)
    view(<ConversationList selectedId={null} onSelect={onSelect} />)
    const list = await screen.findByRole('listbox')
    await findRows(list)
    list.focus()
    fireEvent.keyDown(list, { key: 'ArrowDown' })
    fireEvent.keyDown(list, { key: 'ArrowDown' })
    expect(position(activeOption(list))).toBe(3)
    fireEvent.keyDown(list, { key: 'Home' })
    expect(position(activeOption(list))).toBe(1)
    fireEvent.keyDown(list, { key: 'ArrowUp' })
    expect(position(activeOption(list))).toBe(1)
    fireEvent.keyDown(list, { key: 'Enter' })
    expect(onSelect).toHaveBeenCalledTimes(1)
    // Controlled: the owner decides, so nothing is selected until it says so.
    expect(within(list).queryAllByRole('option', { selected: true })).toHaveLength(0)
  })

  it('finds a row by typing the first letters of the name, and cycles with a repeated letter', async () => {
    const { view } = setup(server)
    view(<ConversationList />)
    const list = await screen.findByRole('listbox')
    const options = await findRows(list, 9)
    const names = options.map((o) => o.querySelector('.sb-row__name')?.textContent ?? '')
    const target = names.findIndex((n, i) => i > 0 && /^[A-Za-z]{2}/.test(n))
    const word = (names[target] as string).slice(0, 3)
    list.focus()
    for (const key of word) fireEvent.keyDown(list, { key, timeStamp: 1000 })
    const found = activeOption(list)?.querySelector('.sb-row__name')?.textContent ?? ''
    expect(found.toLowerCase().startsWith(word.toLowerCase())).toBe(true)
    // After a pause, one letter starts a new search; repeating it goes to the next row with it.
    const letter = (names[target] as string)[0] as string
    const withLetter = names.filter((n) => n.toLowerCase().startsWith(letter.toLowerCase()))
    fireEvent.keyDown(list, { key: letter, timeStamp: 5000 })
    fireEvent.keyDown(list, { key: letter, timeStamp: 5100 })
    const cycled = activeOption(list)?.querySelector('.sb-row__name')?.textContent ?? ''
    expect(cycled.toLowerCase().startsWith(letter.toLowerCase())).toBe(true)
    if (withLetter.length > 1) expect(cycled).not.toBe(found)
  })

  it('keeps selected and unread apart: a conversation marked unread while open shows both', async () => {
    const user = userEvent.setup()
    const { backend, client, view } = setup(server)
    const { conversationId } = await backend.simulateInbound('+16505550177', 'Can I book for Tuesday?')
    view(<ConversationList />)
    const list = await screen.findByRole('listbox')
    const option = await within(list).findByRole('option', { name: /book for Tuesday/ })
    await user.click(option)
    expect(option).toHaveAttribute('aria-selected', 'true')
    expect(client.store.getState().selectedConversationId).toBe(conversationId)
    const row = option.querySelector('.sb-row') as HTMLElement
    expect(row).toHaveAttribute('data-selected')
    expect(row).toHaveAttribute('data-unread')
    await act(() => client.actions.markRead(conversationId))
    expect(row).not.toHaveAttribute('data-unread')
    await act(() => client.actions.markUnread(conversationId))
    await waitFor(() => expect(row).toHaveAttribute('data-unread'))
    expect(row).toHaveAttribute('data-selected')
  })

  it('forwards its ref and props to the list element', async () => {
    const { view } = setup(server)
    const ref = { current: null as HTMLDivElement | null }
    view(<ConversationList ref={ref} data-testid="my-list" aria-describedby="help" />)
    const list = await screen.findByRole('listbox')
    await within(list).findAllByRole('option')
    expect(ref.current).toBe(list)
    expect(list).toHaveAttribute('data-testid', 'my-list')
    expect(list).toHaveAttribute('aria-describedby', 'help')
  })
})

/** A host's own list: its markup, the hook's behaviour. */
function MyList() {
  const view = useConversationList()
  return (
    <ul {...view.getListProps()} aria-label="My clients">
      {view.rows.map((row) => (
        <li key={row.conversation.id} {...view.getRowProps(row)}>
          {row.conversation.client?.firstName ?? row.conversation.contact.phone}
        </li>
      ))}
    </ul>
  )
}

describe('useConversationList', () => {
  it('gives a host its own markup with the whole keyboard model and selection', async () => {
    const { client, view } = setup(server)
    view(<MyList />)
    const list = await screen.findByRole('listbox', { name: 'My clients' })
    const options = await findRows(list)
    list.focus()
    fireEvent.keyDown(list, { key: 'ArrowDown' })
    fireEvent.keyDown(list, { key: 'Enter' })
    const selected = client.store.getState().selectedConversationId as string
    expect(selected).toBeTruthy()
    expect(options[1]?.id.endsWith(`-${selected}`)).toBe(true)
    expect(options[1]).toHaveAttribute('aria-selected', 'true')
  })
})

describe('the row menu', () => {
  it('marks a row unread and closes it from its "⋯", and reaches the same menu with the ContextMenu key', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const m = await backend.simulateInbound('+16505550177', 'Is Biscuit ready?')
    await backend.service.markRead(dana, m.conversationId)
    view(<ConversationList />)
    const list = await screen.findByRole('listbox', { name: 'Conversations' })
    const row = await within(list).findByRole('option', { name: /Is Biscuit ready/ })
    // The "⋯" is for the pointer, not a control inside the option: hidden from assistive technology.
    const more = row.querySelector('.sb-list__more') as HTMLElement
    expect(more).toHaveAttribute('aria-hidden', 'true')
    expect(within(row).queryByRole('button')).toBeNull()
    await user.click(more)
    const menu = await screen.findByRole('menu', { name: 'Actions for (650) 555-0177' })
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((i) => i.textContent),
    ).toEqual(['Mark as unread', 'Close conversation'])
    await user.click(within(menu).getByRole('menuitem', { name: 'Mark as unread' }))
    await waitFor(async () =>
      expect((await backend.service.getConversation(dana, m.conversationId)).markedUnread).toBe(true),
    )
    expect(list).toHaveFocus()
    expect(screen.queryByRole('option', { selected: true })).toBeNull()

    // Keyboard: move to the row, open its menu with the ContextMenu key, close the conversation.
    const index = within(list)
      .getAllByRole('option')
      .indexOf(within(list).getByRole('option', { name: /Is Biscuit ready/ }))
    for (let i = 0; i < index; i++) await user.keyboard('{ArrowDown}')
    if (index === 0) await user.keyboard('{Home}')
    await user.keyboard('{ContextMenu}')
    const again = await screen.findByRole('menu', { name: 'Actions for (650) 555-0177' })
    expect(within(again).getByRole('menuitem', { name: 'Mark as read' })).toBeInTheDocument()
    await user.click(within(again).getByRole('menuitem', { name: 'Close conversation' }))
    await waitFor(async () =>
      expect((await backend.service.getConversation(dana, m.conversationId)).status).toBe('closed'),
    )
  })

  it('opens on a right click, and shows a refusal under the list', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    await backend.simulateInbound('+16505550177', 'Is Biscuit ready?')
    view(<ConversationList />)
    const row = await screen.findByRole('option', { name: /Is Biscuit ready/ })
    await user.pointer({ keys: '[MouseRight]', target: row })
    const menu = await screen.findByRole('menu')
    backend.failNext({ method: 'PATCH', path: '/conversations/:id', status: 403 })
    await user.click(within(menu).getByRole('menuitem', { name: 'Close conversation' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(/.+/)
  })
})

describe('what a row draws', () => {
  it('draws its "⋯" with the stylesheet, not an SVG per row; unstyled, as the icon', async () => {
    const styled = setup(server)
    const first = styled.view(<ConversationList />)
    const [row] = await within(await screen.findByRole('listbox')).findAllByRole('option')
    expect(row?.querySelector('.sb-list__more')?.childElementCount).toBe(0)
    first.unmount()
    const plain = setup(server)
    plain.view(<ConversationList />, { unstyled: true })
    const [plainRow] = await within(await screen.findByRole('listbox')).findAllByRole('option')
    expect(plainRow?.querySelector('.sb-list__more svg')).not.toBeNull()
  })
})

describe('measuring rows', () => {
  /** Counts reads of a row option's height (each forces a layout in a browser) while `run` goes. */
  async function heightReads(run: () => Promise<void>) {
    const own = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight') as PropertyDescriptor
    let reads = 0
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
      configurable: true,
      get(this: HTMLElement) {
        if (this.classList.contains('sb-list__option')) reads++
        return 72
      },
    })
    try {
      await run()
    } finally {
      Object.defineProperty(HTMLElement.prototype, 'offsetHeight', own)
    }
    return reads
  }

  /** Mounts a list, then a text from a new number puts a new row at its top: the reads of it all. */
  async function readsForNewRows(components?: { ConversationRow: typeof ConversationRow }) {
    const { backend, client, view } = setup(server)
    return heightReads(async () => {
      view(<ConversationList />, components ? { components } : {})
      const list = await screen.findByRole('listbox')
      await within(list).findAllByRole('option')
      await client.connect()
      await backend.simulateInbound('+16505550101', 'A new client')
      await act(() => client.sync())
      await within(list).findByRole('option', { name: /A new client/ })
    })
  }

  it('when every loaded row leaves the list, shows the next page, never "no conversations" meanwhile', async () => {
    // A first page longer than the rows drawn (nine here), so the next is not asked for at once.
    const { client, view } = setup(server, { pageSize: 20, seed: { seed: 5, conversations: 80 } })
    const said: string[] = []
    const seen = new MutationObserver(() => said.push(document.body.textContent ?? ''))
    seen.observe(document.body, { childList: true, subtree: true, characterData: true })
    view(<ConversationList />)
    await within(await screen.findByRole('listbox')).findAllByRole('option')
    type Pages = { pages: { items: { id: string }[] }[] }
    const lists = client.queryClient.getQueriesData<Pages>({ queryKey: inboxKeys.conversationLists() })
    const pages = lists[0]?.[1]?.pages ?? []
    expect(pages).toHaveLength(1)
    const ids = pages.flatMap((page) => page.items.map((c) => c.id))
    await act(() => Promise.all(ids.map((id) => client.actions.close(id))))
    const next = await within(await screen.findByRole('listbox')).findAllByRole('option')
    seen.disconnect()
    expect(next.length).toBeGreaterThan(0)
    expect(next.map((option) => option.id.slice(option.id.lastIndexOf('-') + 1))).not.toContain(ids[0])
    expect(said.some((text) => text.includes('No conversations match'))).toBe(false)
  })

  it('draws the rows in view first; the rest of its overscan once they are on screen', async () => {
    const { view } = setup(server, { seed: { seed: 5, conversations: 300 } })
    let atFirst = -1
    const seen = new MutationObserver(() => {
      const drawn = document.querySelectorAll('[role="option"]').length
      if (atFirst < 0 && drawn > 0) atFirst = drawn
    })
    seen.observe(document.body, { childList: true, subtree: true })
    view(<ConversationList />)
    const list = await screen.findByRole('listbox', { name: 'Conversations' })
    seen.disconnect()
    // Without layout here the list is 0 px high: the row at its top is in view and drawn alone;
    // then the full overscan of eight.
    expect(atFirst).toBe(1)
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(9))
  })

  it('rows of even height keep their places as texts reorder them; one that turns out taller moves the rows below it wherever it goes', async () => {
    // A resize observer the test can fire, and rows 72 px high unless marked tall.
    const observers: { report: ResizeObserverCallback; watched: Set<Element> }[] = []
    vi.stubGlobal(
      'ResizeObserver',
      class {
        watched = new Set<Element>()
        constructor(public report: ResizeObserverCallback) {
          observers.push(this)
        }
        observe(element: Element) {
          this.watched.add(element)
        }
        unobserve(element: Element) {
          this.watched.delete(element)
        }
        disconnect() {
          this.watched.clear()
        }
      },
    )
    const tall = new Set<Element>()
    const own = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight') as PropertyDescriptor
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
      configurable: true,
      get(this: HTMLElement) {
        if (!this.classList.contains('sb-list__option')) return (own.get as () => number).call(this)
        return tall.has(this) ? 120 : 72
      },
    })
    try {
      // Each text a second after the last, so that the latest one is the newest.
      let tick = 0
      const clock = () => new Date(Date.parse('2026-11-30T18:00:00Z') + 1000 * tick++)
      const { client, backend, view } = setup(server, { clock, seed: { seed: 5, conversations: 300 } })
      view(<ConversationList />)
      const list = await screen.findByRole('listbox', { name: 'Conversations' })
      await waitFor(() => expect(within(list).getAllByRole('option').length).toBeGreaterThan(6))
      const at = (pos: number) => list.querySelector(`[aria-posinset="${pos}"]`) as HTMLElement
      const top = (pos: number) => Number(/translateY\((\d+)px\)/.exec(at(pos).style.transform)?.[1])
      const tops = () => [1, 2, 3, 4, 5].map(top)
      const textFrom = async (pos: number) => {
        const id = at(pos).id.slice(at(pos).id.lastIndexOf('-') + 1)
        const conversation = await client.queryClient.fetchQuery(client.queries.conversation(id))
        await backend.simulateInbound(conversation.contact.phone, `Moved up from ${pos}`)
        await act(() => client.sync())
        await waitFor(() => expect(at(1)).toHaveAccessibleName(new RegExp(`Moved up from ${pos}`)))
      }
      await client.connect()
      expect(tops()).toEqual([0, 72, 144, 216, 288])
      await textFrom(5)
      expect(tops()).toEqual([0, 72, 144, 216, 288])

      // The second row grows (its observer reports it): the rows below it move down…
      const grown = at(2)
      tall.add(grown)
      const observer = observers.find((o) => o.watched.has(grown))
      expect(observer).toBeDefined()
      const entry = { target: grown, borderBoxSize: [{ blockSize: 120, inlineSize: 400 }] }
      act(() => observer?.report([entry as unknown as ResizeObserverEntry], observer as unknown as ResizeObserver))
      await waitFor(() => expect(tops()).toEqual([0, 72, 192, 264, 336]))
      // …and when a text moves another conversation above it, its height goes with it.
      await textFrom(6)
      await waitFor(() => expect(at(3)).toBe(grown))
      await waitFor(() => expect(tops()).toEqual([0, 72, 144, 264, 336]))
    } finally {
      Object.defineProperty(HTMLElement.prototype, 'offsetHeight', own)
      vi.unstubAllGlobals()
    }
  })

  it('the default rows (of even height) are measured once: rows drawn later take that height without a layout', async () => {
    const even = await readsForNewRows()
    const own = await readsForNewRows({ ConversationRow })
    expect(even).toBe(1)
    // A host's own row may be any height: each row is measured as it is drawn, new ones too.
    expect(own).toBeGreaterThan(even + 5)
  })
})

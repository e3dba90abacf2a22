import type { ThreadItem } from '@switchboard/core'
import type { Message } from '@switchboard/protocol'
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { InboxProvider, Thread } from '../index'
import { firstUnreadKey, type ThreadRow, type ThreadRows, threadRows } from '../model/threadRows'
import { dana, setup, startMsw } from './harness'

const server = startMsw()

describe('Thread', () => {
  it('announces a new inbound text in a polite live region, not the history it opened with', async () => {
    const { backend, client, view } = setup(server)
    const first = await backend.simulateInbound('+16505550177', 'Is Biscuit ready?')
    await client.connect()
    await client.sync()
    const { rerender } = view(<Thread conversationId={first.conversationId} />)
    let log = await screen.findByRole('log', { name: 'Messages with (650) 555-0177' })
    await within(log).findByText('Is Biscuit ready?')
    // The log itself is not live: virtualization adds rows as you scroll, which must not be read out.
    expect(log).toHaveAttribute('aria-live', 'off')
    const region = document.querySelector('[aria-live="polite"]') as HTMLElement
    expect(region).toBeEmptyDOMElement()

    await backend.simulateInbound('+16505550177', 'Running 5 min late!')
    await act(() => client.sync())
    await within(log).findByText('Running 5 min late!')
    expect(region).toHaveTextContent('New text from (650) 555-0177: Running 5 min late!')

    // Another conversation opened in the same Thread announces nothing of its history.
    const other = await backend.simulateInbound('+16505550188', 'Other history')
    rerender(
      <InboxProvider client={client}>
        <Thread conversationId={other.conversationId} />
      </InboxProvider>,
    )
    await screen.findByText('Other history')
    expect(document.querySelector('[aria-live="polite"]')).toBeEmptyDOMElement()
    rerender(
      <InboxProvider client={client}>
        <Thread conversationId={first.conversationId} />
      </InboxProvider>,
    )
    const again = await screen.findByRole('log', { name: 'Messages with (650) 555-0177' })
    await within(again).findByText('Running 5 min late!')

    // A reply from the clinic is not announced; the next inbound text is.
    log = again
    await act(() => client.actions.send(first.conversationId, { body: 'No problem!' }))
    await within(log).findByText(/No problem!/)
    await backend.simulateInbound('+16505550177', 'Thanks!')
    await act(() => client.sync())
    await within(log).findByText('Thanks!')
    expect(document.querySelector('[aria-live="polite"]')).toHaveTextContent('New text from (650) 555-0177: Thanks!')
    client.disconnect()
  })
})

const at = (iso: string, direction: 'inbound' | 'outbound', id: string): ThreadItem => ({
  kind: 'message',
  key: id,
  message: { id, direction, createdAt: iso } as Message,
})

describe('failed sends', () => {
  it('shows the reason of a refused send, sends it again on Retry', async () => {
    const user = userEvent.setup()
    const { backend, client, view } = setup(server)
    const { conversationId } = await backend.simulateInbound('+16505550177', 'Can you text me the invoice?')
    backend.failNext({ method: 'POST', path: '/conversations/:id/messages', status: 422 })
    view(<Thread conversationId={conversationId} />)
    const log = await screen.findByRole('log')
    client.actions.send(conversationId, { body: 'Here is the invoice' })
    const retry = await within(log).findByRole('button', { name: 'Retry' })
    expect(within(log).getByText('Here is the invoice')).toBeInTheDocument()
    // Announced once, when it failed (politely, with the reason); the bubble itself is no alert.
    expect(within(log).queryByRole('alert')).toBeNull()
    expect(screen.getByText(/^Not delivered to .+: Injected failure/)).toBeInTheDocument()
    await user.click(retry)
    await waitFor(() => expect(within(log).queryByRole('button', { name: 'Retry' })).toBeNull())
    await waitFor(async () => {
      const { items } = await backend.service.listMessages(dana, conversationId)
      expect(items.filter((m) => m.body.startsWith('Here is the invoice'))).toHaveLength(1)
    })
  })

  it('offers only Discard when retrying cannot help (the contact opted out)', async () => {
    const user = userEvent.setup()
    const { backend, client, view } = setup(server)
    const { conversationId } = await backend.simulateInbound('+16505550177', 'Hi')
    view(<Thread conversationId={conversationId} />)
    const log = await screen.findByRole('log')
    // The contact texts STOP; this screen has not heard yet, the server refuses the send.
    await backend.simulateInbound('+16505550177', 'STOP')
    client.actions.send(conversationId, { body: 'Are you sure?' })
    const discard = await within(log).findByRole('button', { name: 'Discard' })
    expect(within(log).getByText(/opted out/)).toBeInTheDocument()
    expect(within(log).queryByRole('button', { name: 'Retry' })).toBeNull()
    await user.click(discard)
    await waitFor(() => expect(within(log).queryByText('Are you sure?')).toBeNull())
    expect(client.store.getState().outbox).toEqual([])
  })
})

describe('failures announced once', () => {
  it('says nothing of the failures a thread opens with, on any mount', async () => {
    const { backend, view } = setup(server)
    const { conversationId } = await backend.simulateInbound('+16505550177', 'Hello?')
    backend.gateway.failNext('30006', 'Landline')
    const sent = await backend.service.sendMessage(dana, conversationId, { clientMessageId: 'x', body: 'Hi there' })
    expect(sent.status).toBe('failed')
    const first = view(<Thread conversationId={conversationId} />)
    const log = await screen.findByRole('log')
    await within(log).findByText(/Hi there/)
    first.unmount()
    view(<Thread conversationId={conversationId} />)
    await within(await screen.findByRole('log')).findByText(/Hi there/)
    expect(screen.queryByText(/^Not delivered to/)).toBeNull()
    expect(screen.queryByRole('alert')).toBeNull()
  })
})

describe('a text the carrier failed', () => {
  it('is sent again with "Retry" when the phone was unreachable, once, and shows it was sent again', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const { conversationId } = await backend.simulateInbound('+16505550177', 'Hello?')
    backend.gateway.failNext('30003', 'Unreachable')
    const failed = await backend.service.sendMessage(dana, conversationId, { clientMessageId: 'x', body: 'Hi there' })
    view(<Thread conversationId={conversationId} />)
    const log = await screen.findByRole('log')
    expect(await within(log).findByText(/The phone was unreachable/)).toBeInTheDocument()
    await user.click(within(log).getByRole('button', { name: 'Retry' }))
    expect(await within(log).findByText('Not delivered · sent again')).toBeInTheDocument()
    expect(within(log).queryByRole('button', { name: 'Retry' })).toBeNull()
    const { items } = await backend.service.listMessages(dana, conversationId)
    expect(items.filter((m) => m.body.startsWith('Hi there'))).toHaveLength(2)
    expect(items.find((m) => m.id === failed.id)?.resentAs).toBeDefined()
  })

  it('offers no "Retry" for a landline or a contact who opted out since', async () => {
    const { backend, view } = setup(server)
    const { conversationId } = await backend.simulateInbound('+16505550177', 'Hello?')
    backend.gateway.failNext('30006', 'Landline')
    await backend.service.sendMessage(dana, conversationId, { clientMessageId: 'x', body: 'Hi there' })
    const other = await backend.simulateInbound('+16505550178', 'Hello?')
    backend.gateway.failNext('30003', 'Unreachable')
    await backend.service.sendMessage(dana, other.conversationId, { clientMessageId: 'y', body: 'Hi again' })
    await backend.simulateInbound('+16505550178', 'STOP')
    const first = view(<Thread conversationId={conversationId} />)
    expect(await within(await screen.findByRole('log')).findByText(/landline/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull()
    first.unmount()
    view(<Thread conversationId={other.conversationId} />)
    expect(await within(await screen.findByRole('log')).findByText(/unreachable/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull()
  })
})

/** Every row of `rows`, asked for in order. */
const all = (rows: ThreadRows) => Array.from({ length: rows.length }, (_, i) => rows.at(i) as ThreadRow)
/** The rows of `items` worked out afresh, all of them. */
const afresh = (...args: Parameters<typeof threadRows>) => all(threadRows(...args))

describe('threadRows', () => {
  const items = [
    at('2026-11-29T15:00:00', 'inbound', 'a'),
    at('2026-11-29T16:00:00', 'outbound', 'b'),
    at('2026-11-30T09:00:00', 'inbound', 'c'),
    at('2026-11-30T09:05:00', 'inbound', 'd'),
  ]

  it('puts a day separator below the last row of a day, so loading older rows never changes a drawn one', () => {
    const rows = afresh(items, null)
    expect(rows.map((r) => r.nextDayAt)).toEqual([null, '2026-11-30T09:00:00', null, null])
    const withOlder = afresh([at('2026-11-28T10:00:00', 'inbound', 'z'), ...items], null)
    expect(withOlder.slice(1)).toEqual(rows)
  })

  it('starts no day going backwards (a pending send stamped by a device clock behind the server)', () => {
    const late: ThreadItem = {
      kind: 'pending',
      key: 'p',
      entry: { clientMessageId: 'p', createdAt: '2026-11-29T23:59:00' } as never,
    }
    expect(afresh([...items, late], null).map((r) => r.nextDayAt)).toEqual([
      null,
      '2026-11-30T09:00:00',
      null,
      null,
      null,
    ])
  })

  it('places the unread divider before the first of the texts unread at opening', () => {
    expect(firstUnreadKey(items, 2)).toBe('c')
    expect(firstUnreadKey(items, 3)).toBe('a')
    expect(firstUnreadKey(items, 4)).toBeNull() // not loaded yet
    expect(firstUnreadKey(items, 0)).toBeNull()
    // Counted back from the newest item at opening: a text that came since does not move it.
    const later = [...items, at('2026-11-30T09:06:00', 'inbound', 'e')]
    expect(firstUnreadKey(later, 2, 'd')).toBe('c')
    expect(firstUnreadKey(later, 2, 'gone')).toBe('d') // not found: from the end
    expect(afresh(items, 'c').map((r) => r.firstUnread)).toEqual([false, false, true, false])
  })

  it('groups consecutive messages by sender and minute; a new day, the divider or another sender ends a group', () => {
    const staff = (iso: string, id: string, author: string): ThreadItem => ({
      kind: 'message',
      key: id,
      message: {
        id,
        direction: 'outbound',
        origin: 'staff',
        author: { id: author, name: author },
        createdAt: iso,
      } as Message,
    })
    const client = (iso: string, id: string): ThreadItem => ({
      kind: 'message',
      key: id,
      message: { id, direction: 'inbound', origin: 'client', createdAt: iso } as Message,
    })
    const mine = (iso: string, id: string): ThreadItem => ({
      kind: 'pending',
      key: id,
      entry: { clientMessageId: id, createdAt: iso } as never,
    })
    const thread = [
      client('2026-11-30T09:00:05Z', 'a'),
      client('2026-11-30T09:00:40Z', 'b'),
      client('2026-11-30T09:00:59Z', 'c'),
      client('2026-11-30T09:01:00Z', 'd'), // the next minute
      staff('2026-11-30T09:01:10Z', 'e', 'usr_dana'),
      staff('2026-11-30T09:01:20Z', 'f', 'usr_mark'), // another staff member
      staff('2026-11-30T09:01:30Z', 'g', 'usr_dana'),
      mine('2026-11-30T09:01:40Z', 'h'), // this user's pending send joins their sent one
      client('2026-11-30T09:02:00Z', 'i'),
      client('2026-11-30T09:02:10Z', 'j'), // the unread divider stands before it
    ]
    expect(afresh(thread, 'j', 'usr_dana').map((r) => r.group)).toEqual([
      'first',
      'middle',
      'last',
      'single',
      'single',
      'single',
      'first',
      'last',
      'single',
      'single',
    ])
  })
})

describe('threadRows after a change', () => {
  const item = (n: number, minute: number, who: number): ThreadItem => {
    const createdAt = new Date(Date.UTC(2026, 10, 29, 22, minute)).toISOString()
    return who === 3
      ? { kind: 'pending', key: `p${n}`, entry: { clientMessageId: `p${n}`, createdAt } as never }
      : {
          kind: 'message',
          key: `m${n}`,
          message: {
            id: `m${n}`,
            direction: who === 0 ? 'inbound' : 'outbound',
            origin: who === 0 ? 'client' : 'staff',
            author: who === 0 ? undefined : { id: who === 1 ? 'usr_dana' : 'usr_mark', name: '' },
            createdAt,
          } as Message,
        }
  }
  const change = fc.oneof(
    fc.record({ kind: fc.constant('append' as const), count: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ kind: fc.constant('prepend' as const), count: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ kind: fc.constant('replace' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('unread' as const), at: fc.nat() }),
  )

  it('equals the rows made afresh, and hands on the rows a change leaves as they were', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 240 }), fc.integer({ min: 0, max: 3 })), { maxLength: 12 }),
        fc.array(change, { maxLength: 8 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 240 }), fc.integer({ min: 0, max: 3 })), {
          minLength: 8,
          maxLength: 8,
        }),
        (start, changes, fresh) => {
          let n = 0
          const make = () => {
            const [minute, who] = fresh[n % fresh.length] as [number, number]
            return item(n++, minute + n, who)
          }
          let items = start.map(([minute, who]) => item(n++, minute, who))
          let unreadKey: string | null = null
          let previous: ThreadRows | undefined
          let previousRows: ThreadRow[] = []
          for (const c of [...changes, { kind: 'append' as const, count: 1 }]) {
            if (c.kind === 'append') items = [...items, ...Array.from({ length: c.count }, make)]
            if (c.kind === 'prepend') items = [...Array.from({ length: c.count }, make), ...items]
            if (c.kind === 'replace' && items.length)
              items = items.map((it, i) => (i === c.at % items.length ? make() : it))
            if (c.kind === 'drop' && items.length) items = items.filter((_, i) => i !== c.at % items.length)
            if (c.kind === 'unread') unreadKey = items.length ? (items[c.at % items.length] as ThreadItem).key : null
            const next = threadRows(items, unreadKey, 'usr_dana', previous)
            // Asked for in any order (a view asks for the rows in view, a scroll for others).
            const order = items.map((_, i) => (i * 5) % items.length)
            for (const i of order) next.at(i)
            const rows = all(next)
            expect(rows).toEqual(afresh(items, unreadKey, 'usr_dana'))
            expect(all(next).every((row, i) => row === rows[i])).toBe(true)
            const sameUnread = c.kind !== 'unread'
            if (c.kind === 'append' && sameUnread) {
              // All but the last row before the text stay the same objects.
              const stay = Math.max(0, previousRows.length - 1)
              expect(rows.slice(0, stay).every((row, i) => row === previousRows[i])).toBe(true)
            }
            if (c.kind === 'prepend' && sameUnread && previous) {
              // Older history above: all but the row that was first stay the same objects.
              const moved = rows.slice(c.count + 1)
              expect(moved.every((row, i) => row === previousRows[i + 1])).toBe(true)
            }
            previous = next
            previousRows = rows
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('grouping', () => {
  it('shows the time once for texts from one sender within a minute', async () => {
    const { backend, view } = setup(server)
    const { conversationId } = await backend.simulateInbound('+16505550177', 'Running 10 min late')
    const last = await backend.simulateInbound('+16505550177', 'Traffic on 101')
    view(<Thread conversationId={conversationId} />)
    const log = await screen.findByRole('log')
    const first = (await within(log).findByText('Running 10 min late')).closest('.sb-message') as HTMLElement
    const second = (await within(log).findByText('Traffic on 101')).closest('.sb-message') as HTMLElement
    expect(first).toHaveAttribute('data-group', 'first')
    expect(second).toHaveAttribute('data-group', 'last')
    expect(within(first).queryByRole('time')).toBeNull()
    expect(first.querySelector('time')).toBeNull()
    // In the machine's time zone, as staff read it.
    const time = new Date(last.createdAt).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' })
    expect(second.querySelector('time')).toHaveTextContent(time)
  })
})

describe('classNames', () => {
  it('adds the host classes to parts drawn inside other components, next to their own className', async () => {
    const { backend, view } = setup(server)
    const inbound = await backend.simulateInbound('+16505550177', 'Is Biscuit ready?')
    view(<Thread conversationId={inbound.conversationId} className="mine" />, {
      classNames: { thread: 'host-thread', message: 'host-message' },
    })
    const log = await screen.findByRole('log')
    const bubble = (await within(log).findByText('Is Biscuit ready?')).closest('.sb-message')
    expect(bubble).toHaveClass('sb-message', 'sb-message--inbound', 'host-message')
    expect(log.closest('.sb-thread')).toHaveClass('sb-thread', 'host-thread', 'mine')
  })
})

import { act, render, screen, within } from '@testing-library/react'
import { memo, Profiler, type ProfilerOnRenderCallback } from 'react'
import { describe, expect, it } from 'vitest'
import { ConversationList, ConversationRow, type ConversationRowProps, InboxProvider, Thread } from '../index'
import { findRows, setup, startMsw } from './harness'

const server = startMsw()
const renders = new Map<string, number>()
const count: ProfilerOnRenderCallback = (id) => renders.set(id, (renders.get(id) ?? 0) + 1)
/** The default row inside a Profiler, passed as the row override. */
const ProfiledRow = memo(function ProfiledRow(props: ConversationRowProps) {
  return (
    <Profiler id={`row:${props.conversation.id}`} onRender={count}>
      <ConversationRow {...props} />
    </Profiler>
  )
})

describe('an incoming message re-renders only its row and the open thread', () => {
  it('measured with React Profiler', async () => {
    const { backend, client } = setup(server)
    const open = await backend.simulateInbound('+16505550177', 'I have the thread open')
    await client.connect()
    await client.sync() // learn the event log's head, as after a connect
    render(
      <InboxProvider client={client} components={{ ConversationRow: ProfiledRow }}>
        <ConversationList />
        <Profiler id="thread" onRender={count}>
          <Thread conversationId={open.conversationId} />
        </Profiler>
      </InboxProvider>,
    )
    const list = await screen.findByRole('listbox')
    await screen.findByRole('log')
    await findRows(list, 6)
    await act(() => new Promise((r) => setTimeout(r, 300)))
    const rows = within(list).getAllByRole('option')
    expect(rows.length).toBeGreaterThan(5)

    // A text to a conversation that is not open: only its row.
    const other = (
      await client.queryClient.getQueryData<{ pages: { items: { id: string; contact: { phone: string } }[] }[] }>(
        client.queries.conversations({}).queryKey,
      )
    )?.pages[0]?.items.find((c) => c.id !== open.conversationId) as { id: string; contact: { phone: string } }
    renders.clear()
    await backend.simulateInbound(other.contact.phone, 'Hello from another client')
    await act(() => client.sync())
    await act(() => new Promise((r) => setTimeout(r, 50)))
    expect([...renders.keys()].sort(), JSON.stringify([...renders])).toEqual([`row:${other.id}`])

    // A text to the open conversation: its row and the thread.
    renders.clear()
    await backend.simulateInbound('+16505550177', 'And one more')
    await act(() => client.sync())
    await act(() => new Promise((r) => setTimeout(r, 300)))
    expect(within(screen.getByRole('log')).getByText('And one more')).toBeInTheDocument()
    expect([...renders.keys()].sort()).toEqual([`row:${open.conversationId}`, 'thread'])
  })
})

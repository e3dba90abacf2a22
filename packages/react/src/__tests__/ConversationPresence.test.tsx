import { TYPING_TTL } from '@switchboard/core'
import { act, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ConversationPresence, Inbox } from '../index'
import { setup, startMsw } from './harness'

const server = startMsw()

describe('ConversationPresence', () => {
  it('says who else is typing or viewing, and forgets a signal once it is stale', async () => {
    const { client, view } = setup(server)
    view(<ConversationPresence conversationId="cnv_1" />)
    const status = screen.getByRole('status')
    expect(status).toBeEmptyDOMElement()
    const now = Date.now()
    act(() =>
      client.store.setState({
        // Marcus typed a moment short of going stale; Priya and Marcus have it open.
        typing: { cnv_1: [{ userId: 'usr_marcus', name: 'Marcus Lee', at: now - TYPING_TTL + 300 }] },
        viewing: {
          cnv_1: [
            { userId: 'usr_marcus', name: 'Marcus Lee', at: now },
            { userId: 'usr_priya', name: 'Priya Shah', at: now },
          ],
          cnv_2: [{ userId: 'usr_tom', name: 'Tom Reed', at: now }],
        },
      }),
    )
    expect(status).toHaveTextContent('Marcus Lee typing… · Priya Shah viewing')
    await waitFor(
      () => expect(status).toHaveTextContent(/^Priya Shah, Marcus Lee viewing$|^Marcus Lee, Priya Shah viewing$/),
      {
        timeout: 2000,
      },
    )
  })

  it('shows in the Inbox thread header of the open conversation', async () => {
    const { backend, client, view } = setup(server)
    const { conversationId } = await backend.simulateInbound('+16505550177', 'Hello')
    view(<Inbox selectedId={conversationId} />)
    await screen.findByRole('log')
    act(() =>
      client.store.setState({
        typing: { [conversationId]: [{ userId: 'usr_marcus', name: 'Marcus Lee', at: Date.now() }] },
      }),
    )
    expect(await screen.findByText('Marcus Lee typing…')).toBeInTheDocument()
  })
})

import { screen, waitFor } from '@testing-library/react'
import { createRef, type ReactElement, type Ref } from 'react'
import { describe, expect, it } from 'vitest'
import {
  Avatar,
  ClientPanel,
  Composer,
  ConversationFilters,
  ConversationHeader,
  ConversationList,
  ConversationMenu,
  ConversationPresence,
  IconButton,
  Inbox,
  InboxTheme,
  Thread,
  UnreadBadge,
  useConversation,
} from '../index'
import { setup, startMsw } from './harness'

const server = startMsw()

function WithConversation({ id, children }: { id: string; children: (c: never) => ReactElement }) {
  const { data } = useConversation(id)
  return data ? children(data as never) : null
}

type Case = [name: string, make: (ref: Ref<never>, props: Record<string, string>, id: string) => ReactElement]
const cases: Case[] = [
  ['Inbox', (ref, p) => <Inbox ref={ref} {...p} />],
  ['ConversationList', (ref, p) => <ConversationList ref={ref} {...p} />],
  ['ConversationFilters', (ref, p) => <ConversationFilters ref={ref} {...p} />],
  ['Thread', (ref, p, id) => <Thread ref={ref} conversationId={id} {...p} />],
  ['Composer', (ref, p, id) => <Composer ref={ref} conversationId={id} {...p} />],
  ['ClientPanel', (ref, p, id) => <ClientPanel ref={ref} conversationId={id} {...p} />],
  ['ConversationHeader', (ref, p, id) => <ConversationHeader ref={ref} conversationId={id} {...p} />],
  ['ConversationPresence', (ref, p, id) => <ConversationPresence ref={ref} conversationId={id} {...p} />],
  [
    'ConversationMenu',
    (ref, p, id) => (
      <WithConversation id={id}>{(c) => <ConversationMenu ref={ref} conversation={c} {...p} />}</WithConversation>
    ),
  ],
  [
    'InboxTheme',
    (ref, p) => (
      <InboxTheme ref={ref} {...p}>
        x
      </InboxTheme>
    ),
  ],
  ['UnreadBadge', (ref, p) => <UnreadBadge ref={ref} {...p} />],
  ['Avatar', (ref, p) => <Avatar ref={ref} name="Maria Lopez" colorKey="cli_1" {...p} />],
  ['IconButton', (ref, p) => <IconButton ref={ref} icon="more" label="More" {...p} />],
]

describe('every component forwards its ref and spreads props onto its root', () => {
  it.each(cases)('%s', async (_name, make) => {
    const { backend, view } = setup(server)
    const { conversationId } = await backend.simulateInbound('+16505550177', 'Is Biscuit ready?')
    const ref = createRef<HTMLElement>()
    view(make(ref as Ref<never>, { 'data-testid': 'root', title: 'host title' }, conversationId))
    const root = await screen.findByTestId('root', {}, { timeout: 3000 })
    await waitFor(() => expect(ref.current).toBe(screen.getByTestId('root')))
    expect(root).toHaveAttribute('title', 'host title')
  })
})

import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { Inbox } from '../index'
import { dana, setup, startMsw } from './harness'

const server = startMsw()

describe('ConversationMenu', () => {
  it('closes, marks unread and assigns from the menu', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const m = await backend.simulateInbound('+16505550177', 'Hello')
    view(<Inbox selectedId={m.conversationId} />)
    await user.click(await screen.findByRole('button', { name: 'Conversation actions' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Close conversation' }))
    await waitFor(async () =>
      expect((await backend.service.getConversation(dana, m.conversationId)).status).toBe('closed'),
    )
    await user.click(screen.getByRole('button', { name: 'Conversation actions' }))
    expect(await screen.findByRole('menuitem', { name: 'Reopen conversation' })).toBeInTheDocument()
    await user.click(screen.getByRole('menuitem', { name: 'Mark as unread' }))
    await waitFor(async () =>
      expect((await backend.service.getConversation(dana, m.conversationId)).markedUnread).toBe(true),
    )
    await user.click(screen.getByRole('button', { name: 'Conversation actions' }))
    const assign = await screen.findByRole('menuitem', { name: 'Assign to' })
    assign.focus()
    await user.keyboard('{ArrowRight}')
    const marcus = await screen.findByRole('menuitemradio', { name: 'Marcus Bell' })
    marcus.focus()
    await user.keyboard('{Enter}')
    await waitFor(async () =>
      expect((await backend.service.getConversation(dana, m.conversationId)).assigneeId).toBe('usr_marcus'),
    )
  })

  it('deletes only after confirming in a dialog', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const m = await backend.simulateInbound('+16505550177', 'Hello')
    view(<Inbox selectedId={m.conversationId} />)
    await user.click(await screen.findByRole('button', { name: 'Conversation actions' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Delete conversation' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete this conversation?' })
    expect(dialog).toHaveTextContent('cannot be undone')
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    expect((await backend.service.getConversation(dana, m.conversationId)).id).toBe(m.conversationId)
    await user.click(screen.getByRole('button', { name: 'Conversation actions' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Delete conversation' }))
    await user.click(await screen.findByRole('button', { name: 'Delete for good' }))
    await waitFor(async () => {
      await expect(backend.service.getConversation(dana, m.conversationId)).rejects.toMatchObject({ code: 'not_found' })
    })
  })

  it('shows delete and block only with their permissions', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server, { token: 'tok_usr_marcus' })
    const m = await backend.simulateInbound('+16505550177', 'Hello')
    view(<Inbox selectedId={m.conversationId} />)
    await user.click(await screen.findByRole('button', { name: 'Conversation actions' }))
    expect(await screen.findByRole('menuitem', { name: 'Close conversation' })).toBeInTheDocument()
    expect(screen.queryByRole('menuitem', { name: 'Delete conversation' })).not.toBeInTheDocument()
    expect(screen.queryByRole('menuitem', { name: 'Block contact' })).not.toBeInTheDocument()
  })
})

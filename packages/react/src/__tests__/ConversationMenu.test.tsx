import type { Conversation } from '@switchboard/protocol'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { Inbox, useConversation, useConversationMenu } from '../index'
import { dana, setup, startMsw } from './harness'

const server = startMsw()

/** A host's own toolbar: its buttons, the hook's actions and permissions. */
function Toolbar({ conversation }: { conversation: Conversation }) {
  const menu = useConversationMenu(conversation)
  return (
    <div role="toolbar" aria-label="Actions">
      {menu.actions.map((action) => (
        <button key={action.id} type="button" onClick={action.run}>
          {action.label}
        </button>
      ))}
      {menu.confirmDelete.open && (
        <button type="button" onClick={menu.confirmDelete.confirm}>
          Yes, delete
        </button>
      )}
    </div>
  )
}
function HostToolbar({ id }: { id: string }) {
  const { data } = useConversation(id)
  return data ? <Toolbar conversation={data} /> : null
}

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

describe('useConversationMenu', () => {
  it('gives a host its own buttons, each offered only with its permission, read or unread by state', async () => {
    const user = userEvent.setup()
    const marcus = setup(server, { token: 'tok_usr_marcus' })
    const m = await marcus.backend.simulateInbound('+16505550177', 'Hello')
    const first = marcus.view(<HostToolbar id={m.conversationId} />)
    const toolbar = await screen.findByRole('toolbar')
    expect([...toolbar.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'Close conversation',
      'Mark as read',
      'Assign to client',
    ])
    await user.click(screen.getByRole('button', { name: 'Mark as read' }))
    expect(await screen.findByRole('button', { name: 'Mark as unread' })).toBeInTheDocument()
    first.unmount()

    const { backend, view } = setup(server)
    const d = await backend.simulateInbound('+16505550177', 'Hello')
    view(<HostToolbar id={d.conversationId} />)
    await user.click(await screen.findByRole('button', { name: 'Delete conversation' }))
    // Nothing is deleted until the host's confirmation.
    expect((await backend.service.getConversation(dana, d.conversationId)).id).toBe(d.conversationId)
    await user.click(screen.getByRole('button', { name: 'Yes, delete' }))
    await waitFor(() => expect(backend.service.getConversation(dana, d.conversationId)).rejects.toThrow())
  })
})

describe('icon-only buttons', () => {
  it('are named for assistive technology and show their name in a tooltip on keyboard focus', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const m = await backend.simulateInbound('+16505550177', 'Hello')
    view(<Inbox selectedId={m.conversationId} />)
    await screen.findByRole('button', { name: 'Conversation actions' })
    await screen.findByRole('textbox', { name: 'Message' })
    for (const name of ['Conversation actions', 'Insert emoji', 'Attach a photo or PDF', 'Insert a template']) {
      const button = screen.getByRole('button', { name })
      expect(button.textContent).toBe('')
      button.focus()
      await user.keyboard('{Shift}')
      expect(await screen.findByRole('tooltip')).toHaveTextContent(name)
      button.blur()
      await waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull())
    }
  })
})

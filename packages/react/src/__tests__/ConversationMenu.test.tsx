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

describe('menus and tooltips loaded on first use', () => {
  it('a menu says it is one before its code is in, and the keyboard opens it on its first item', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const m = await backend.simulateInbound('+16505550177', 'Hello')
    view(<Inbox selectedId={m.conversationId} />)
    const button = await screen.findByRole('button', { name: 'Conversation actions' })
    expect(button).toHaveAttribute('aria-haspopup', 'menu')
    expect(button).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByRole('menu')).toBeNull()
    button.focus()
    await user.keyboard('{Enter}')
    const menu = await screen.findByRole('menu')
    await waitFor(() => expect(screen.getAllByRole('menuitem')[0]).toHaveFocus())
    expect(menu).toContainElement(screen.getAllByRole('menuitem')[0] ?? null)
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull())
    const again = screen.getByRole('button', { name: 'Conversation actions' })
    expect(again).toHaveAttribute('aria-expanded', 'false')
    await waitFor(() => expect(again).toHaveFocus())
  })

  it('a tooltip shows after the pointer rests on a button, stays on it, and Escape hides it', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const m = await backend.simulateInbound('+16505550177', 'Hello')
    view(<Inbox selectedId={m.conversationId} />)
    const emoji = await screen.findByRole('button', { name: 'Insert emoji' })
    await user.hover(emoji)
    expect(screen.queryByRole('tooltip')).toBeNull() // not at once: the pointer may be passing
    const tip = await screen.findByRole('tooltip')
    expect(tip).toHaveTextContent('Insert emoji')
    expect(tip.closest('.sb-root')).not.toBeNull() // in the inbox root: it keeps its theme
    await user.hover(tip)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(screen.getByRole('tooltip')).toBeInTheDocument()
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull())
    await user.hover(screen.getByRole('button', { name: 'Insert a template' }))
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Insert a template')
    await user.unhover(screen.getByRole('button', { name: 'Insert a template' }))
    await waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull())
  })
})

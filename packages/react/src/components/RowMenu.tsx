'use client'
import type { Conversation } from '@switchboard/protocol'
import { DropdownMenu } from 'radix-ui'
import { useEffect } from 'react'
import { useStrings } from '../context'
import { useConversationMenu } from '../hooks/useConversationMenu'
import { useConversation } from '../hooks/useConversations'
import { useMe } from '../hooks/useServerData'
import { displayName } from '../model/displayName'
import { format } from '../strings'
import { usePortalContainer } from './portal'

/** The row menu's actions, in the seeds' order: read state first, then close or reopen. */
const ROW_ACTIONS = ['markUnread', 'markRead', 'close', 'reopen'] as const

/** Props of {@link RowMenu}. */
export interface RowMenuProps {
  conversationId: string
  open: boolean
  onOpenChange(open: boolean): void
  /** Where the menu hangs, from the top of the list's rows (px): the row's "⋯" button. */
  top: number
  /** Where focus goes when the menu closes (the list: the row's button is not in the tab order). */
  onCloseFocus(): void
  /** The refusal of the last action, as staff read it (null when it went through): shown by the list. */
  onError(message: string | null): void
}

/**
 * The "⋯" menu of a list row (Mark as unread / read, Close / Reopen), one for the whole list,
 * hung at the row it was opened for: by the row's button, a right click, or the ContextMenu key
 * or Shift+F10 on the active row. The row's button stays out of the tab order and hidden from
 * assistive technology (a listbox option may hold no control); the keys reach the same menu.
 */
export function RowMenu(props: RowMenuProps) {
  const { data: conversation } = useConversation(props.conversationId)
  return conversation ? <RowMenuFor {...props} conversation={conversation} /> : null
}

function RowMenuFor({
  conversation,
  open,
  onOpenChange,
  top,
  onCloseFocus,
  onError,
}: RowMenuProps & { conversation: Conversation }) {
  const t = useStrings()
  const container = usePortalContainer()
  const { data: me } = useMe()
  const menu = useConversationMenu(conversation)
  const label = format(t.rowActions, { name: displayName(conversation, me?.clinic.country) })
  useEffect(() => onError(menu.error), [menu.error, onError])
  const actions = ROW_ACTIONS.map((id) => menu.actions.find((a) => a.id === id)).filter((a) => a !== undefined)
  return (
    <DropdownMenu.Root open={open} onOpenChange={onOpenChange}>
      <DropdownMenu.Trigger asChild>
        {/* Its text names the menu (Radix labels a menu by its trigger); hidden itself: it is not a control. */}
        <span className="sb-list__menu-anchor" aria-hidden="true" style={{ insetBlockStart: top }}>
          {label}
        </span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal container={container}>
        <DropdownMenu.Content
          className="sb-menu__content"
          align="end"
          sideOffset={4}
          onCloseAutoFocus={(event) => {
            event.preventDefault()
            onCloseFocus()
          }}
        >
          {actions.map((action) => (
            <DropdownMenu.Item key={action.id} className="sb-menu__item" onSelect={action.run}>
              {action.label}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  )
}

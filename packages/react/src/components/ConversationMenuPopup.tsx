'use client'
import type { Conversation } from '@switchboard/protocol'
import { AlertDialog, DropdownMenu } from 'radix-ui'
import { cloneElement, type ReactElement, type RefAttributes, useRef } from 'react'
import { useStrings } from '../context'
import { type ConversationMenuChoice, useConversationMenu } from '../hooks/useConversationMenu'
import { useFirstItemFocus } from './deferredTrigger'
import { AssignToClientDialog } from './dialogs'
import { Icon } from './Icon'
import { usePortalContainer } from './portal'

/** A submenu picking one of `choices`, or none (`null`), with the current one checked. */
function ChoiceSubmenu(props: ConversationMenuChoice & { container: HTMLElement | undefined }) {
  return (
    <DropdownMenu.Sub>
      <DropdownMenu.SubTrigger className="sb-menu__item">
        {props.label}
        <span className="sb-menu__more">
          <Icon name="submenu" />
        </span>
      </DropdownMenu.SubTrigger>
      <DropdownMenu.Portal container={props.container}>
        <DropdownMenu.SubContent className="sb-menu__content">
          <DropdownMenu.RadioGroup value={props.value ?? ''} onValueChange={(v) => props.choose(v || null)}>
            {[{ id: '', label: props.none }, ...props.choices].map((choice) => (
              <DropdownMenu.RadioItem key={choice.id} className="sb-menu__item sb-menu__item--choice" value={choice.id}>
                <span className="sb-menu__check">
                  <DropdownMenu.ItemIndicator>
                    <Icon name="check" />
                  </DropdownMenu.ItemIndicator>
                </span>
                {choice.label}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.SubContent>
      </DropdownMenu.Portal>
    </DropdownMenu.Sub>
  )
}

/**
 * The loaded part of {@link ConversationMenu}, opened at once: markup over
 * {@link useConversationMenu} (Radix DropdownMenu, submenus for assignee and inbox, an
 * AlertDialog to confirm a delete). Its code loads when the menu is first opened.
 */
export function ConversationMenuPopup({
  conversation,
  onDeleted,
  trigger,
  keyboard,
}: {
  conversation: Conversation
  onDeleted: (() => void) | undefined
  trigger: ReactElement
  keyboard: boolean
}) {
  const t = useStrings()
  const container = usePortalContainer()
  const menu = useConversationMenu(conversation, { onDeleted })
  const focusFirstItem = useFirstItemFocus(keyboard)
  // The dialogs open from a menu item that is gone when they close: focus goes back to the button.
  const triggerRef = useRef<HTMLButtonElement>(null)
  const refocus = (event: Event) => {
    if (!triggerRef.current) return
    event.preventDefault()
    triggerRef.current.focus()
  }
  const plain = menu.actions.filter((action) => !action.danger)
  const danger = menu.actions.filter((action) => action.danger)
  return (
    <>
      <DropdownMenu.Root defaultOpen>
        <DropdownMenu.Trigger asChild>
          {cloneElement(trigger as ReactElement<RefAttributes<HTMLButtonElement>>, { ref: triggerRef })}
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal container={container}>
          <DropdownMenu.Content className="sb-menu__content" align="end" sideOffset={4} onFocus={focusFirstItem}>
            {plain.slice(0, 2).map((action) => (
              <DropdownMenu.Item key={action.id} className="sb-menu__item" onSelect={action.run}>
                {action.label}
              </DropdownMenu.Item>
            ))}
            <ChoiceSubmenu container={container} {...menu.assign} />
            {menu.move && <ChoiceSubmenu container={container} {...menu.move} />}
            {plain.slice(2).map((action) => (
              <DropdownMenu.Item key={action.id} className="sb-menu__item" onSelect={action.run}>
                {action.label}
              </DropdownMenu.Item>
            ))}
            {danger.length > 0 && <DropdownMenu.Separator className="sb-menu__separator" />}
            {danger.map((action) => (
              <DropdownMenu.Item key={action.id} className="sb-menu__item sb-menu__item--danger" onSelect={action.run}>
                {action.label}
              </DropdownMenu.Item>
            ))}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <AlertDialog.Root open={menu.confirmDelete.open} onOpenChange={menu.confirmDelete.setOpen}>
        <AlertDialog.Portal container={container}>
          <AlertDialog.Overlay className="sb-dialog__overlay" />
          <AlertDialog.Content className="sb-dialog" onCloseAutoFocus={refocus}>
            <AlertDialog.Title className="sb-dialog__title">{t.deleteTitle}</AlertDialog.Title>
            <AlertDialog.Description className="sb-dialog__body">{t.deleteBody}</AlertDialog.Description>
            <div className="sb-dialog__actions">
              <AlertDialog.Cancel className="sb-button">{t.cancel}</AlertDialog.Cancel>
              <AlertDialog.Action className="sb-button sb-button--danger" onClick={menu.confirmDelete.confirm}>
                {t.confirmDelete}
              </AlertDialog.Action>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
      {conversation.client === null && (
        <AssignToClientDialog
          conversation={conversation}
          open={menu.assignToClient.open}
          onOpenChange={menu.assignToClient.setOpen}
          returnFocusRef={triggerRef}
        />
      )}
      {menu.error && (
        <p className="sb-menu__error" role="alert">
          {menu.error}
        </p>
      )}
    </>
  )
}

'use client'
import type { Conversation } from '@switchboard/protocol'
import { type ComponentPropsWithoutRef, forwardRef, lazy } from 'react'
import { usePartClassName, useStrings } from '../context'
import { cx } from './cx'
import { DeferredPopup } from './deferredTrigger'
import { IconButton } from './IconButton'

const ConversationMenuPopup = lazy(() =>
  import('./ConversationMenuPopup').then((m) => ({ default: m.ConversationMenuPopup })),
)

/** Props of {@link ConversationMenu}. */
export interface ConversationMenuProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  conversation: Conversation
  /** After the conversation was deleted (e.g. to close its view). */
  onDeleted?: () => void
}

/**
 * The actions on a conversation behind a "⋯" button: markup over {@link useConversationMenu}
 * (Radix DropdownMenu, submenus for assignee and inbox, an AlertDialog to confirm a delete).
 * The menu's code loads when it is first opened; until then only the button is drawn.
 */
export const ConversationMenu = forwardRef<HTMLDivElement, ConversationMenuProps>(function ConversationMenu(
  { conversation, onDeleted, className, ...rest },
  ref,
) {
  const partClass = usePartClassName('menu', className)
  const t = useStrings()
  return (
    <div ref={ref} {...rest} className={cx('sb-menu', partClass)}>
      <DeferredPopup popup="menu" trigger={<IconButton className="sb-menu__trigger" icon="more" label={t.actions} />}>
        {(trigger, keyboard) => (
          <ConversationMenuPopup
            conversation={conversation}
            onDeleted={onDeleted}
            trigger={trigger}
            keyboard={keyboard}
          />
        )}
      </DeferredPopup>
    </div>
  )
})

'use client'
// The composer's popups, loaded when one is first opened (see ComposerTools).
import type { Attachment, Template } from '@switchboard/protocol'
import { DropdownMenu, Popover } from 'radix-ui'
import type { ReactElement } from 'react'
import { useStrings } from '../context'
import { useFirstItemFocus } from './deferredTrigger'
import { EmojiPicker } from './EmojiPicker'
import { usePortalContainer } from './portal'

interface PopupProps {
  trigger: ReactElement
  keyboard: boolean
}

/** The emoji picker in a popover above its button. */
export function EmojiPopover({ trigger, onEmoji }: PopupProps & { onEmoji: (emoji: string) => void }) {
  const t = useStrings()
  const container = usePortalContainer()
  return (
    <Popover.Root defaultOpen>
      <Popover.Trigger asChild>{trigger}</Popover.Trigger>
      <Popover.Portal container={container}>
        <Popover.Content className="sb-popover" side="top" align="start" sideOffset={6} aria-label={t.emoji}>
          <EmojiPicker onSelect={onEmoji} />
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  )
}

/** A menu of choices above its button, or `empty` when there are none. */
export function ToolMenu<T extends { id: string }>({
  trigger,
  keyboard,
  items,
  empty,
  label,
  onSelect,
}: PopupProps & {
  items: readonly T[]
  empty: string
  label: (item: T) => ReactElement | string
  onSelect: (item: T) => void
}) {
  const container = usePortalContainer()
  const focusFirstItem = useFirstItemFocus(keyboard)
  return (
    <DropdownMenu.Root defaultOpen>
      <DropdownMenu.Trigger asChild>{trigger}</DropdownMenu.Trigger>
      <DropdownMenu.Portal container={container}>
        <DropdownMenu.Content className="sb-menu__content" side="top" align="start" onFocus={focusFirstItem}>
          {items.length === 0 && <DropdownMenu.Label className="sb-menu__item">{empty}</DropdownMenu.Label>}
          {items.map((item) => (
            <DropdownMenu.Item key={item.id} className="sb-menu__item" onSelect={() => onSelect(item)}>
              {label(item)}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  )
}

/** The clinic's document library. */
export function LibraryMenu(props: PopupProps & { items: readonly Attachment[]; onSelect: (a: Attachment) => void }) {
  const t = useStrings()
  return <ToolMenu {...props} empty={t.libraryEmpty} label={(a) => a.name} />
}

/** The clinic's templates, each with its category. */
export function TemplatesMenu(props: PopupProps & { items: readonly Template[]; onSelect: (t: Template) => void }) {
  const t = useStrings()
  return (
    <ToolMenu
      {...props}
      empty={t.templatesEmpty}
      label={(template) => (
        <>
          <span className="sb-menu__label">{template.name}</span>
          <span className="sb-menu__hint">{template.category}</span>
        </>
      )}
    />
  )
}

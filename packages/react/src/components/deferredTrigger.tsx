'use client'
import {
  cloneElement,
  type FocusEvent,
  isValidElement,
  type KeyboardEvent,
  type MouseEvent,
  type ReactElement,
  type ReactNode,
  Suspense,
  useRef,
  useState,
} from 'react'

type Trigger = ReactElement<{
  onClick?: (event: MouseEvent) => void
  onKeyDown?: (event: KeyboardEvent) => void
}>

/**
 * `trigger` as drawn before its popup's code is in: it says what it opens and that it is closed,
 * and `open` is called on a click (`keyboard` when Enter or Space made it) or, for a menu, the
 * Down arrow, as the loaded trigger would.
 */
export function deferredTrigger(
  trigger: ReactNode,
  popup: 'menu' | 'dialog',
  open: (keyboard: boolean) => void,
): ReactElement | null {
  if (!isValidElement(trigger)) return null
  const own = (trigger as Trigger).props
  return cloneElement(
    trigger as Trigger,
    {
      'aria-haspopup': popup,
      'aria-expanded': false,
      onClick: (event: MouseEvent) => {
        own.onClick?.(event)
        if (!event.defaultPrevented) open(event.detail === 0)
      },
      onKeyDown: (event: KeyboardEvent) => {
        own.onKeyDown?.(event)
        if (popup === 'menu' && event.key === 'ArrowDown' && !event.defaultPrevented) {
          event.preventDefault()
          open(true)
        }
      },
    } as object,
  )
}

/** Props of {@link DeferredPopup}. */
export interface DeferredPopupProps {
  /** The button that opens the popup (an element that takes `onClick` and `onKeyDown`). */
  trigger: ReactElement
  popup: 'menu' | 'dialog'
  /**
   * The loaded popup, opened at once, around `trigger` (as its Radix trigger's child);
   * `keyboard` when the keyboard opened it (a menu then focuses its first item).
   */
  children: (trigger: ReactElement, keyboard: boolean) => ReactNode
}

/**
 * A menu or popover whose code (Radix's menu, popper and focus management) loads when it is
 * first opened, not with the inbox: until then only its trigger is drawn.
 */
export function DeferredPopup({ trigger, popup, children }: DeferredPopupProps) {
  const [opened, setOpened] = useState<{ keyboard: boolean } | null>(null)
  const fallback = deferredTrigger(trigger, popup, (keyboard) => setOpened({ keyboard }))
  if (!opened) return fallback
  return <Suspense fallback={fallback}>{children(trigger, opened.keyboard)}</Suspense>
}

/**
 * For the content of a menu opened by the keyboard on its first loading: its first item takes
 * focus, as Radix does when the keyboard opens a menu that was already there.
 */
export function useFirstItemFocus(keyboard: boolean): (event: FocusEvent<HTMLElement>) => void {
  const pending = useRef(keyboard)
  return (event) => {
    if (!pending.current || event.target !== event.currentTarget) return
    pending.current = false
    event.currentTarget.querySelector<HTMLElement>('[role^="menuitem"]')?.focus()
  }
}

'use client'
import { Dialog } from 'radix-ui'
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode, type RefObject } from 'react'
import { usePartClassName } from '../context'
import { useControllableState } from '../hooks/useControllableState'
import { cx } from './cx'
import { usePortalContainer } from './portal'

/** The dialog props the form dialogs share. */
export interface FormDialogOptions {
  open?: boolean
  defaultOpen?: boolean
  onOpenChange?: (open: boolean) => void
  /** A button that opens the dialog (focus returns to it on close). */
  trigger?: ReactNode
  /** Where focus returns on close when there is no `trigger` (the menu button it was opened from). */
  returnFocusRef?: RefObject<HTMLElement | null>
}

/** Props of {@link FormDialog}. */
export interface FormDialogProps extends FormDialogOptions, Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The title, description and form: mounted while open (each opening starts afresh), given `close`. */
  children(close: () => void): ReactNode
}

/**
 * The frame of the form dialogs (assign to client, new conversation, record consent): a Radix
 * Dialog portalled inside the inbox root (so it keeps the theme and direction), open controlled
 * or not, with an optional trigger, and focus returned where it came from on close.
 */
export const FormDialog = forwardRef<HTMLDivElement, FormDialogProps>(function FormDialog(
  { open, defaultOpen = false, onOpenChange, trigger, returnFocusRef, className, children, ...rest },
  ref,
) {
  const partClass = usePartClassName('dialog', className)
  const container = usePortalContainer()
  const [isOpen, setOpen] = useControllableState({ prop: open, defaultProp: defaultOpen, onChange: onOpenChange })
  return (
    <Dialog.Root open={isOpen} onOpenChange={setOpen}>
      {trigger && <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>}
      <Dialog.Portal container={container}>
        <Dialog.Overlay className="sb-dialog__overlay" />
        <Dialog.Content
          ref={ref}
          {...rest}
          className={cx('sb-dialog sb-dialog--form', partClass)}
          onCloseAutoFocus={(event) => {
            const target = returnFocusRef?.current
            if (!trigger && target) {
              event.preventDefault()
              target.focus()
            }
          }}
        >
          {children(() => setOpen(false))}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
})

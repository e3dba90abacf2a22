'use client'
import { Dialog } from 'radix-ui'
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode, type RefObject } from 'react'
import { usePartClassName, useStrings } from '../context'
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

/** Props of {@link DialogForm}. */
export interface DialogFormProps {
  /** Submits; a truthy result means done (the dialog closes), a falsy one keeps it open. */
  submit(): Promise<unknown>
  onDone(): void
  /** Why the last submit did not go through, shown as an alert above the buttons. */
  error: string | null
  pending: boolean
  submitLabel: string
  pendingLabel: string
  /** A button before Cancel (e.g. "Back to search"). */
  extraAction?: ReactNode
  children: ReactNode
}

/**
 * The form inside a {@link FormDialog}: the fields, the refusal as an alert, Cancel and the submit
 * button (busy while pending); a successful submit closes the dialog.
 */
export function DialogForm({
  submit,
  onDone,
  error,
  pending,
  submitLabel,
  pendingLabel,
  extraAction,
  children,
}: DialogFormProps) {
  const t = useStrings()
  return (
    <form
      className="sb-dialog__form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void submit().then((done) => done && onDone())
      }}
    >
      {children}
      {error && (
        <p className="sb-dialog__error" role="alert">
          {error}
        </p>
      )}
      <div className="sb-dialog__actions">
        {extraAction}
        <Dialog.Close className="sb-button">{t.cancel}</Dialog.Close>
        <button type="submit" className="sb-button sb-button--primary" aria-disabled={pending || undefined}>
          {pending ? pendingLabel : submitLabel}
        </button>
      </div>
    </form>
  )
}

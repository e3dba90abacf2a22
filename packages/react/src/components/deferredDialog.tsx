'use client'
import { type ComponentType, type ForwardedRef, type RefAttributes, Suspense, useState } from 'react'
import { useControllableState } from '../hooks/useControllableState'
import { deferredTrigger } from './deferredTrigger'
import type { FormDialogOptions } from './FormDialog'

/** Props of {@link DeferredDialog}. */
export interface DeferredDialogProps<P extends FormDialogOptions> {
  /** The dialog, as `React.lazy` of its module. */
  dialog: ComponentType<P & RefAttributes<HTMLDivElement>>
  /** What the dialog is given. */
  props: P
  dialogRef: ForwardedRef<HTMLDivElement>
}

/**
 * A form dialog whose code (the dialog primitive, its focus trap and scroll lock, the form and
 * its hooks) loads when it is first opened, not with the inbox: until then only its trigger is
 * drawn, and a click on it opens the dialog as soon as the code is in. Open state, controlled or
 * not, is kept here, so the loaded dialog opens as asked.
 */
export function DeferredDialog<P extends FormDialogOptions>({
  dialog: Dialog,
  props,
  dialogRef,
}: DeferredDialogProps<P>) {
  const [open, setOpen] = useControllableState({
    prop: props.open,
    defaultProp: props.defaultOpen ?? false,
    onChange: props.onOpenChange,
  })
  const [wanted, setWanted] = useState(open)
  if (open && !wanted) setWanted(true)
  const trigger = deferredTrigger(props.trigger, 'dialog', () => setOpen(true))
  if (!wanted) return trigger
  const { defaultOpen: _default, ...rest } = props
  return (
    <Suspense fallback={trigger}>
      <Dialog {...(rest as P)} ref={dialogRef} open={open} onOpenChange={setOpen} />
    </Suspense>
  )
}

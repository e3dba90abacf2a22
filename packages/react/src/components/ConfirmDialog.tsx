'use client'
import { AlertDialog } from 'radix-ui'
import type { ReactNode } from 'react'
import { useSettingsStrings } from '../hooks/useSettingsStrings'
import { usePortalContainer } from './portal'

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  /** The text of the small button that asks (focus returns to it), and its name when it needs more. */
  triggerText: ReactNode
  triggerLabel?: string
  title: ReactNode
  body: ReactNode
  confirmLabel: ReactNode
  onConfirm(): void
}

/** Asks before something that cannot be undone (a Radix AlertDialog in the inbox root): Cancel has focus. */
export function ConfirmDialog({ triggerText, triggerLabel, title, body, confirmLabel, onConfirm }: ConfirmDialogProps) {
  const t = useSettingsStrings()
  const container = usePortalContainer()
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger className="sb-button sb-button--small" aria-label={triggerLabel}>
        {triggerText}
      </AlertDialog.Trigger>
      <AlertDialog.Portal container={container}>
        <AlertDialog.Overlay className="sb-dialog__overlay" />
        <AlertDialog.Content className="sb-dialog">
          <AlertDialog.Title className="sb-dialog__title">{title}</AlertDialog.Title>
          <AlertDialog.Description className="sb-dialog__body">{body}</AlertDialog.Description>
          <div className="sb-dialog__actions">
            <AlertDialog.Cancel className="sb-button">{t.cancel}</AlertDialog.Cancel>
            <AlertDialog.Action className="sb-button sb-button--danger" onClick={onConfirm}>
              {confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  )
}

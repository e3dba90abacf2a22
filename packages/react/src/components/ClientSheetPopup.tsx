'use client'
import type { Client } from '@switchboard/protocol'
import { Dialog, VisuallyHidden } from 'radix-ui'
import type { ReactElement } from 'react'
import { useStrings } from '../context'
import { ClientPanel } from './ClientPanel'
import { IconButton } from './IconButton'
import { usePortalContainer } from './portal'

/** The loaded part of {@link ClientSheet}, opened at once around its `trigger`. */
export function ClientSheetPopup(props: {
  conversationId: string
  onOpenClient: ((client: Client) => void) | undefined
  trigger: ReactElement
}) {
  const t = useStrings()
  const container = usePortalContainer()
  return (
    <Dialog.Root defaultOpen>
      <Dialog.Trigger asChild>{props.trigger}</Dialog.Trigger>
      <Dialog.Portal container={container}>
        <Dialog.Overlay className="sb-dialog__overlay" />
        <Dialog.Content className="sb-sheet" aria-describedby={undefined}>
          <VisuallyHidden.Root asChild>
            <Dialog.Title>{t.showClient}</Dialog.Title>
          </VisuallyHidden.Root>
          <Dialog.Close asChild>
            <IconButton className="sb-sheet__close" icon="remove" label={t.closePanel} />
          </Dialog.Close>
          <ClientPanel conversationId={props.conversationId} onOpenClient={props.onOpenClient} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}

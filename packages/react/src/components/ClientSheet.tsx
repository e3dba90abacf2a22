'use client'
import type { Client } from '@switchboard/protocol'
import { Dialog, VisuallyHidden } from 'radix-ui'
import { useStrings } from '../context'
import { ClientPanel } from './ClientPanel'
import { IconButton } from './IconButton'
import { usePortalContainer } from './portal'

/**
 * The client panel where the inbox is too narrow to show it beside the thread: a button in the
 * conversation's header opens it as a sheet from the inline end (hidden by the stylesheet where
 * the panel has its own column).
 */
export function ClientSheet(props: { conversationId: string; onOpenClient?: (client: Client) => void }) {
  const t = useStrings()
  const container = usePortalContainer()
  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>
        <IconButton className="sb-inbox__client-toggle" icon="person" label={t.showClient} />
      </Dialog.Trigger>
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

'use client'
import type { Client } from '@switchboard/protocol'
import { lazy } from 'react'
import { useStrings } from '../context'
import { DeferredPopup } from './deferredTrigger'
import { IconButton } from './IconButton'

const ClientSheetPopup = lazy(() => import('./ClientSheetPopup').then((m) => ({ default: m.ClientSheetPopup })))

/**
 * The client panel where the inbox is too narrow to show it beside the thread: a button in the
 * conversation's header opens it as a sheet from the inline end (hidden by the stylesheet where
 * the panel has its own column). The sheet's code loads when it is first opened.
 */
export function ClientSheet(props: { conversationId: string; onOpenClient?: (client: Client) => void }) {
  const t = useStrings()
  return (
    <DeferredPopup
      popup="dialog"
      trigger={<IconButton className="sb-inbox__client-toggle" icon="person" label={t.showClient} />}
    >
      {(trigger) => (
        <ClientSheetPopup conversationId={props.conversationId} onOpenClient={props.onOpenClient} trigger={trigger} />
      )}
    </DeferredPopup>
  )
}

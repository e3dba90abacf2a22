'use client'
// The inbox's form dialogs as it uses and exports them: each loads on first opening (DeferredDialog).
import { forwardRef, lazy } from 'react'
import type { AssignToClientDialogProps } from './AssignToClientDialog'
import type { ConsentDialogProps } from './ConsentDialog'
import { DeferredDialog } from './deferredDialog'
import type { NewConversationDialogProps } from './NewConversationDialog'

const NewConversation = lazy(() =>
  import('./NewConversationDialog').then((m) => ({ default: m.NewConversationDialog })),
)
const AssignToClient = lazy(() => import('./AssignToClientDialog').then((m) => ({ default: m.AssignToClientDialog })))
const Consent = lazy(() => import('./ConsentDialog').then((m) => ({ default: m.ConsentDialog })))

/** Start a conversation with a client (search) or a number. Its code loads on first opening. */
export const NewConversationDialog = forwardRef<HTMLDivElement, NewConversationDialogProps>(
  function NewConversationDialog(props, ref) {
    return <DeferredDialog dialog={NewConversation} props={props} dialogRef={ref} />
  },
)

/** Give a lead's number to an existing or a new client. Its code loads on first opening. */
export const AssignToClientDialog = forwardRef<HTMLDivElement, AssignToClientDialogProps>(
  function AssignToClientDialog(props, ref) {
    return <DeferredDialog dialog={AssignToClient} props={props} dialogRef={ref} />
  },
)

/** Record how a contact consented to texts. Its code loads on first opening. */
export function ConsentDialog(props: ConsentDialogProps) {
  return <DeferredDialog dialog={Consent} props={props} dialogRef={null} />
}

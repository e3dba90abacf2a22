import { NewConversationDialog, usePermission } from '@switchboard/react'
import { MessageSquarePlus } from 'lucide-react'
import { navigate } from '../router'

/**
 * "Send SMS" from anywhere in the PMS: the new-conversation dialog with the client picked, then
 * the conversation opened in Messaging. Not shown to staff without the messaging permission.
 */
export function TextClientButton({
  clientId,
  label = 'Send SMS',
  accessibleName,
}: {
  clientId: string
  label?: string
  /** A fuller name where the label alone is ambiguous (one button per row). */
  accessibleName?: string
}) {
  const allowed = usePermission('messaging')
  if (!allowed) return null
  return (
    <NewConversationDialog
      defaultClientId={clientId}
      onStarted={({ conversation }) => navigate({ page: 'messaging', id: conversation.id })}
      trigger={
        <button type="button" className="pms-button" aria-label={accessibleName}>
          <MessageSquarePlus aria-hidden /> {label}
        </button>
      }
    />
  )
}

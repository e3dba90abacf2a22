import type { Conversation } from '@switchboard/protocol'
import { Inbox } from '@switchboard/react'
import { nextAppointmentText } from '../appointments'
import { navigate } from '../router'

/**
 * What the PMS knows that Switchboard does not, for templates: the client's next appointment
 * (`{{appointment.date}}`). Left out when there is none, so the composer asks for it.
 */
const templateContext = (conversation: Conversation) => {
  const date = nextAppointmentText(conversation.client?.id)
  return date ? { appointment: { date } } : {}
}

/**
 * The Messaging tab: the whole inbox, routed by the PMS (the open conversation is in the address,
 * so back, forward and a shared link work), with "Open in PMS" going to the client's profile.
 */
export function Messaging({ selectedId }: { selectedId: string | null }) {
  return (
    <Inbox
      className="pms-inbox"
      theme="hearth"
      selectedId={selectedId}
      onSelect={(id) => navigate({ page: 'messaging', id })}
      onOpenClient={(client) => navigate({ page: 'client', id: client.id })}
      templateContext={templateContext}
    />
  )
}

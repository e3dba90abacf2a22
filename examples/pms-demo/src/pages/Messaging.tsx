import { Inbox } from '@switchboard/react'
import { navigate } from '../router'

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
    />
  )
}

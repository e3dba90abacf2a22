import { hasPermission, type Permission, SwitchboardError } from '@switchboard/protocol'

/** Who makes a call: every service call is made on behalf of one staff user of one clinic. */
export interface Actor {
  clinicId: string
  userId: string
  permissions: readonly Permission[]
}

const LABELS: Record<Permission, string> = {
  messaging: 'use the SMS inbox',
  'messaging.delete': 'delete conversations',
  'messaging.block': 'block contacts',
  'messaging.manageInboxes': 'manage inboxes',
  'messaging.settings': 'change SMS settings',
  'clients.edit': 'add or edit clients',
}

/**
 * Throws `forbidden` unless the actor holds `messaging` and every permission named.
 *
 * @example
 * requirePermission(actor, 'messaging.delete')
 */
export function requirePermission(actor: Actor, ...permissions: Permission[]): void {
  for (const permission of ['messaging' as const, ...permissions]) {
    if (!hasPermission(actor, permission)) {
      throw new SwitchboardError('forbidden', `You do not have permission to ${LABELS[permission]}.`, { permission })
    }
  }
}

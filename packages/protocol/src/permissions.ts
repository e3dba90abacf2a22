import type { Permission } from './entities'

/**
 * Whether a staff user may do what `permission` allows. Every SMS permission builds on
 * `messaging`: without it a user holds none of the others. The one rule the service enforces and
 * the components follow.
 *
 * @example
 * hasPermission(me.user, 'messaging.delete') // show "Delete conversation"
 */
export function hasPermission(holder: { permissions: readonly Permission[] }, permission: Permission): boolean {
  return holder.permissions.includes('messaging') && holder.permissions.includes(permission)
}

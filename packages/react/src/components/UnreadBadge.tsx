'use client'
import { hasPermission } from '@switchboard/protocol'
import { usePartClassName, useStrings } from '../context'
import { useMe, useUnread } from '../hooks/useServerData'
import { format } from '../strings'
import { cx } from './cx'

/**
 * The number of unread conversations, for the host's navigation. Renders nothing without the
 * messaging permission or when there is nothing unread.
 */
export function UnreadBadge({ className, inboxId }: { className?: string; inboxId?: string }) {
  const partClass = usePartClassName('badge', className)
  const t = useStrings()
  const { data: me } = useMe()
  const allowed = me !== undefined && hasPermission(me.user, 'messaging')
  const { data } = useUnread({ enabled: allowed })
  const count = inboxId ? (data?.byInbox[inboxId] ?? 0) : (data?.conversations ?? 0)
  if (!allowed || count === 0) return null
  return (
    <span className={cx('sb-badge', partClass)} role="status" aria-label={format(t.unreadBadge, { count })}>
      {count > 99 ? '99+' : count}
    </span>
  )
}

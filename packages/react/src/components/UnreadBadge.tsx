'use client'
import { forwardRef, type HTMLAttributes } from 'react'
import { usePartClassName, useUnstyled } from '../context'
import { type UnreadBadgeOptions, useUnreadBadge } from '../hooks/useUnreadBadge'
import { cx } from './cx'
import { useInsideTheme } from './InboxTheme'

/** Props of {@link UnreadBadge}. */
export interface UnreadBadgeProps extends UnreadBadgeOptions, Omit<HTMLAttributes<HTMLSpanElement>, 'children'> {}

/**
 * The number of unread texts (or conversations, `count="conversations"`) for the host's
 * navigation; it pulses once when a new text arrives (not with reduced motion). Draws nothing
 * without the messaging permission or when nothing is unread. Live with no `<Inbox>` mounted.
 */
export const UnreadBadge = forwardRef<HTMLSpanElement, UnreadBadgeProps>(function UnreadBadge(
  { className, count, inboxId, pulseMs, ...rest },
  ref,
) {
  const partClass = usePartClassName('badge', className)
  const unstyled = useUnstyled()
  const insideTheme = useInsideTheme()
  // In the host's navigation, outside any Switchboard root: styled on its own (not in unstyled mode).
  const standalone = !unstyled && !insideTheme
  const badge = useUnreadBadge({
    ...(count ? { count } : {}),
    ...(inboxId ? { inboxId } : {}),
    ...(pulseMs ? { pulseMs } : {}),
  })
  if (!badge.allowed || badge.count === 0) return null
  return (
    <span
      ref={ref}
      {...rest}
      className={cx('sb-badge', standalone && 'sb-badge--standalone', partClass)}
      role="status"
      aria-label={badge.label}
      data-pulse={badge.pulsing ? '' : undefined}
    >
      {badge.text}
    </span>
  )
})

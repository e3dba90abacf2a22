'use client'
import type { ConnectionStatus, InboxError } from '@switchboard/core'
import { usePartClassName, useStrings } from '../context'
import { useInboxState } from '../hooks/useInboxState'
import { cx } from './cx'

const selectConnection = (s: { connection: { status: ConnectionStatus; error: InboxError | null } }) => s.connection

/** Says so when the live connection is down or reconnecting, or the session expired. */
export function ConnectionBanner({ className }: { className?: string }) {
  const partClass = usePartClassName('banner', className)
  const t = useStrings()
  const { status, error } = useInboxState(selectConnection)
  const message =
    error?.code === 'unauthorized'
      ? t.sessionExpired
      : status === 'reconnecting'
        ? t.reconnecting
        : status === 'disconnected' && error && error.code !== 'forbidden'
          ? t.offline
          : null
  if (!message) return null
  return (
    <div className={cx('sb-banner', partClass)} role="status" data-state={status}>
      {message}
    </div>
  )
}

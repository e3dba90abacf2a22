'use client'
import type { ConnectionStatus, InboxError } from '@switchboard/core'
import { useStrings } from '../context'
import { useInboxState } from './useInboxState'

const selectConnection = (s: { connection: { status: ConnectionStatus; error: InboxError | null } }) => s.connection

/** What {@link useConnectionNotice} hands out. */
export interface ConnectionNotice {
  status: ConnectionStatus
  /** What to tell staff: the session expired, reconnecting, offline; null while all is well. */
  message: string | null
}

/**
 * Whether staff should be told about the live connection: the session expired (sign in again),
 * it is reconnecting (texts will catch up), or it is down with an error. Nothing when connected,
 * and nothing for a user without access (the inbox says that itself).
 */
export function useConnectionNotice(): ConnectionNotice {
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
  return { status, message }
}

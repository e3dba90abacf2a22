'use client'
import { countSegments, type InboxError, isQuietHours, localClock, toInboxError } from '@switchboard/core'
import type { Conversation, MeResponse } from '@switchboard/protocol'
import { useCallback, useMemo, useState } from 'react'
import { useInboxClient } from '../context'
import { useConversation } from './useConversations'
import { useInboxState } from './useInboxState'
import { useMe } from './useServerData'

/** Why the composer cannot send, if it cannot. */
export type ComposerLock = 'optedOut' | 'blocked' | 'oneWay' | 'noPermission' | null

/** The first reason, in order of what the user can do about it, that sending is not possible. */
export function composerLock(conversation: Conversation | undefined, me: MeResponse | undefined): ComposerLock {
  if (me && !me.user.permissions.includes('messaging')) return 'noPermission'
  if (me?.clinic.mode === 'one-way') return 'oneWay'
  if (conversation?.contact.blocked) return 'blocked'
  if (conversation?.contact.optedOut) return 'optedOut'
  return null
}

/**
 * Everything a composer needs: the draft (kept per conversation, across reloads), the SMS segment
 * count and encoding, the lock reason, a quiet-hours warning, and `send`.
 */
export function useComposer(conversationId: string) {
  const client = useInboxClient()
  const draft = useInboxState(useCallback((s) => s.drafts[conversationId] ?? '', [conversationId]))
  const { data: me } = useMe()
  const { data: conversation } = useConversation(conversationId)
  const [error, setError] = useState<InboxError | null>(null)
  const segments = useMemo(() => countSegments(draft), [draft])
  const lock = composerLock(conversation, me)
  const timeZone = me?.clinic.timezone
  const quietAt = timeZone && isQuietHours(new Date(), timeZone) ? localClock(new Date(), timeZone) : null

  const setText = useCallback(
    (text: string) => {
      client.store.getState().setDraft(conversationId, text)
      client.actions.setTyping(conversationId, text.length > 0)
      setError(null)
    },
    [client, conversationId],
  )

  const send = useCallback((): boolean => {
    try {
      client.actions.send(conversationId, { body: client.store.getState().drafts[conversationId] ?? '' })
      client.actions.setTyping(conversationId, false)
      setError(null)
      return true
    } catch (thrown) {
      setError(toInboxError(thrown))
      return false
    }
  }, [client, conversationId])

  return {
    text: draft,
    setText,
    send,
    segments,
    lock,
    /** The contact's local time when it is inside quiet hours (9 pm–8 am), else null. */
    quietAt,
    error,
    canSend: lock === null && draft.trim().length > 0,
  }
}

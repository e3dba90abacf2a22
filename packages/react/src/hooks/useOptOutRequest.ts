'use client'
import { type InboxError, toInboxError } from '@switchboard/core'
import { type OptOutRequest, withoutControls } from '@switchboard/protocol'
import { useCallback, useState } from 'react'
import { useInboxClient } from '../context'
import { useConversation } from './useConversations'

/**
 * A conversation's "possible opt-out" flag (a text such as "please stop texting me") and what
 * staff can do about it: `record()` makes it the contact's opt-out (nothing more is sent to the
 * number), `dismiss()` says it is not one. Both change the conversation at once and report a
 * refusal in `error`.
 *
 * @example
 * const { request, record, dismiss } = useOptOutRequest(conversationId)
 * if (request) return <button onClick={record}>Record opt-out</button>
 */
export function useOptOutRequest(conversationId: string) {
  const client = useInboxClient()
  const { data: conversation } = useConversation(conversationId)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<InboxError | null>(null)
  const run = useCallback(async (action: () => Promise<unknown>) => {
    setBusy(true)
    setError(null)
    try {
      await action()
    } catch (thrown) {
      setError(toInboxError(thrown))
    } finally {
      setBusy(false)
    }
  }, [])
  const request: OptOutRequest | null =
    conversation?.optOutRequest && !conversation.contact.optedOut ? conversation.optOutRequest : null
  return {
    /** The flagged text (its excerpt without direction characters), or null when there is nothing to decide. */
    request: request ? { ...request, excerpt: withoutControls(request.excerpt) } : null,
    record: useCallback(() => run(() => client.actions.recordOptOut(conversationId)), [client, conversationId, run]),
    dismiss: useCallback(
      () => run(() => client.actions.dismissOptOutRequest(conversationId)),
      [client, conversationId, run],
    ),
    busy,
    error,
  }
}

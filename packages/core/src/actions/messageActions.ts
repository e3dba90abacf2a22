import {
  type Attachment,
  type Conversation,
  MAX_BODY_LENGTH,
  type Message,
  messagePreview,
  textingRefusal,
} from '@switchboard/protocol'
import { findConversation } from '../cache/conversationCache'
import { InboxError } from '../errors'
import type { OutboxEntry } from '../outbox/outboxEntry'
import type { ActionContext } from './context'

/** Refuses, before anything is queued, what the server would refuse for sure. */
function assertSendable(conversation: Conversation | undefined): void {
  const refusal = conversation ? textingRefusal(conversation.contact) : null
  if (refusal) throw new InboxError(refusal.code, refusal.message)
}

/**
 * Records an acknowledged message in the cache: its thread (messages carry their own version,
 * `updatedAt`, so a late copy never wins) and its conversation's row, until the server's own
 * events say the same.
 */
export function recordSent(ctx: ActionContext, message: Message): void {
  ctx.sync.applyLocal({ type: 'message.created', message })
  const conversation = findConversation(ctx.qc, message.conversationId)
  if (conversation && (!conversation.lastMessage || conversation.lastMessage.createdAt <= message.createdAt)) {
    ctx.sync.applyLocal({
      type: 'conversation.updated',
      conversation: {
        ...conversation,
        lastMessage: messagePreview(message),
        lastActivityAt: [message.createdAt, conversation.lastActivityAt].sort().at(-1) as string,
      },
    })
  }
}

export function messageActions(ctx: ActionContext) {
  let lastTypingSent = 0
  return {
    /**
     * Sends a message: it shows in the thread at once (as pending), goes out when its turn comes,
     * is retried while retrying makes sense, and survives a reload. Returns its outbox entry.
     */
    send(conversationId: string, message: { body?: string; attachments?: Attachment[] }): OutboxEntry {
      const body = (message.body ?? '').trim()
      const attachments = message.attachments ?? []
      if (!body && attachments.length === 0)
        throw new InboxError('validation_failed', 'Write a message or attach a file.')
      if (body.length > MAX_BODY_LENGTH) {
        throw new InboxError('validation_failed', `A message can be at most ${MAX_BODY_LENGTH} characters.`)
      }
      assertSendable(findConversation(ctx.qc, conversationId))
      const entry = ctx.outbox.enqueue({ clientMessageId: ctx.newId(), conversationId, body, attachments })
      ctx.store.getState().setDraft(conversationId, '')
      return entry
    },
    /** Sends a failed message again. */
    retry: (clientMessageId: string) => ctx.outbox.retry(clientMessageId),
    /** Drops a failed or waiting message. */
    discard: (clientMessageId: string) => ctx.outbox.discard(clientMessageId),
    /** Tells other staff this user is typing (sent at most every 3 s) or stopped. */
    setTyping(conversationId: string, typing: boolean): void {
      const now = Date.now()
      if (typing && now - lastTypingSent < 3000) return
      lastTypingSent = typing ? now : 0
      ctx.transport.sendTyping(conversationId, typing)
    },
  }
}

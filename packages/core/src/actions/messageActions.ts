import {
  type Attachment,
  attachmentRefusal,
  type Conversation,
  MAX_BODY_LENGTH,
  type Message,
  messagePreview,
  parsePhone,
  type StartConversationResponse,
  textingRefusal,
} from '@switchboard/protocol'
import { findConversation } from '../cache/conversationCache'
import { findMessage } from '../cache/threads'
import { InboxError, toInboxError } from '../errors'
import type { OutboxEntry } from '../outbox/outboxEntry'
import type { UploadOptions } from '../transport/Transport'
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
    /**
     * Sends a text the carrier failed once more, where that can help (`canSendAgain`): the new
     * message joins the thread and the failed one shows it was sent again. Rejects with a typed
     * error when the server refuses (a landline, an opt-out, already sent again).
     */
    async resend(conversationId: string, messageId: string): Promise<Message> {
      try {
        const message = await ctx.transport.resendMessage(conversationId, messageId, { clientMessageId: ctx.newId() })
        ctx.sync.applyLocal({ type: 'message.created', message })
        const failed = findMessage(ctx.qc, conversationId, messageId)
        if (failed) {
          // Marked in the same step on the server: its time is the new message's.
          ctx.sync.applyLocal({
            type: 'message.updated',
            message: { ...failed, resentAs: message.id, updatedAt: message.createdAt },
          })
        }
        return message
      } catch (error) {
        throw toInboxError(error)
      }
    },
    /** Drops a failed or waiting message. */
    discard: (clientMessageId: string) => ctx.outbox.discard(clientMessageId),
    /**
     * Starts (or finds) the conversation with a client or any valid number, optionally sending a
     * first message; the conversation joins the cached lists.
     */
    async startConversation(
      target: { clientId: string } | { phone: string },
      body?: string,
    ): Promise<StartConversationResponse> {
      let request: { clientId: string } | { phone: string } = target
      if ('phone' in target) {
        const parsed = parsePhone(target.phone, ctx.country())
        if (!parsed.ok) throw new InboxError('invalid_phone', `"${target.phone}" is not a valid phone number.`)
        request = { phone: parsed.e164 }
      }
      try {
        const text = body?.trim()
        const { data: result, seq } = await ctx.transport.startConversation({
          ...request,
          ...(text ? { body: text, clientMessageId: ctx.newId() } : {}),
        })
        ctx.sync.placeReply(result.conversation, seq)
        if (result.message) ctx.sync.applyLocal({ type: 'message.created', message: result.message })
        return result
      } catch (error) {
        throw toInboxError(error)
      }
    },
    /**
     * Uploads a file for a message, refusing at once (a typed `InboxError`) what the clinic's
     * limits refuse: a type that cannot be texted, a file or a message too large (`already`:
     * bytes attached so far). Progress and cancel through `options`.
     */
    async upload(
      file: Blob & { name?: string },
      options: UploadOptions & { already?: number } = {},
    ): Promise<Attachment> {
      const limits = ctx.limits()
      const { already = 0, ...rest } = options
      const refusal = limits
        ? attachmentRefusal({ name: file.name ?? 'attachment', size: file.size, type: file.type }, limits, already)
        : null
      if (refusal) throw new InboxError(refusal.code, refusal.message)
      try {
        return await ctx.transport.uploadAttachment(file, rest)
      } catch (error) {
        throw toInboxError(error)
      }
    },
    /** Tells other staff this user is typing (sent at most every 3 s) or stopped. */
    setTyping(conversationId: string, typing: boolean): void {
      const now = Date.now()
      if (typing && now - lastTypingSent < 3000) return
      lastTypingSent = typing ? now : 0
      ctx.transport.sendTyping(conversationId, typing)
    },
  }
}

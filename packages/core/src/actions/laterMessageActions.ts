import {
  type Attachment,
  attachmentRefusal,
  type Message,
  parsePhone,
  type StartConversationResponse,
} from '@switchboard/protocol'
import { findMessage } from '../cache/threads'
import { InboxError, toInboxError } from '../errors'
import type { UploadOptions } from '../transport/Transport'
import type { ActionContext } from './context'

/**
 * The message actions that wait for a person's choice: uploading a file picked for a message,
 * starting a conversation, sending a carrier-failed text again. They load with the menus' actions, after
 * the inbox is up (see `actionsOnDemand`); `send` stays with the inbox so a text shows at once.
 */
export function laterMessageActions(ctx: ActionContext) {
  return {
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
  }
}

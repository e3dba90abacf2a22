import {
  canSendAgain,
  type Message,
  parseOrThrow,
  type ResendMessageRequest,
  resendMessageRequestSchema,
  SwitchboardError,
  textingRefusal,
} from '@switchboard/protocol'
import { toContact } from '../ports'
import { type Actor, requirePermission } from './actor'
import { inClinic, type ServiceContext } from './context'
import { reread, sendInWork } from './messaging'
import { ensureContact, loadConversation, toMessage } from './records'

/** The text staff wrote, without the opt-out footer the service added to it. */
function draftBody(message: { body: string; carriesFooter: boolean }): string {
  if (!message.carriesFooter) return message.body
  const cut = message.body.lastIndexOf('\n\n')
  return cut < 0 ? '' : message.body.slice(0, cut)
}

/**
 * Sends a failed text again where that can help (the phone was off, a carrier filter): a new
 * message with the same text and attachments (the opt-out footer added again only if the
 * contact still has not received it), and the failed one marked as sent again so it is not sent
 * a third time. Idempotent on `clientMessageId`. Refused for a landline, a number not in service,
 * an opt-out or a block, for another staff member's or an automatic text, and for one already
 * sent again.
 */
export async function resendMessage(
  ctx: ServiceContext,
  actor: Actor,
  conversationId: string,
  messageId: string,
  input: ResendMessageRequest,
): Promise<Message> {
  requirePermission(actor)
  const { clientMessageId } = parseOrThrow(resendMessageRequestSchema, input, 'request')
  const sent = await inClinic(ctx, actor.clinicId, async (w) => {
    const conversation = await loadConversation(w, conversationId)
    const failed = await w.tx.getMessage(messageId)
    if (!failed || failed.conversationId !== conversationId) {
      throw new SwitchboardError('not_found', 'This message does not exist.', { messageId })
    }
    const again = await w.tx.getMessageByClientMessageId(clientMessageId)
    if (again && failed.resentAs === again.id) return toMessage(again)
    const contact = await ensureContact(w, conversation.phone)
    const refusal = textingRefusal(contact)
    if (refusal) throw new SwitchboardError(refusal.code, refusal.message)
    if (!canSendAgain(failed, toContact(contact))) {
      throw new SwitchboardError(
        'conflict',
        failed.resentAs
          ? 'This text was already sent again.'
          : 'This text cannot be sent again: sending it again would fail the same way.',
        { messageId },
      )
    }
    const message = await sendInWork(
      ctx,
      w,
      actor,
      conversation,
      {
        clientMessageId,
        body: draftBody(failed),
        attachmentIds: failed.attachments.map((a) => a.id),
      },
      contact,
    )
    const marked = { ...failed, resentAs: message.id, updatedAt: w.now }
    await w.tx.updateMessage(marked)
    w.emit({ type: 'message.updated', message: toMessage(marked) })
    return message
  })
  return reread(ctx, actor.clinicId, sent)
}

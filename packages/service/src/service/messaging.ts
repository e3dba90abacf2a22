import {
  type Attachment,
  listMessagesQuerySchema,
  type Message,
  type MessagePage,
  normalizePhone,
  parseOrThrow,
  type SendMessageRequest,
  SwitchboardError,
  sendMessageRequestSchema,
} from '@switchboard/protocol'
import { canAdvanceStatus, describeDeliveryError } from '../rules/delivery'
import { type Actor, requirePermission } from './actor'
import { inClinic, type ServiceContext, type Work } from './context'
import { createOutbound, updateMessageStatus } from './outbound'
import { assertCanText, ensureContact, ensureConversation, loadConversation, saveContact, toMessage } from './records'

/** Resolves attachment ids to uploaded files of this clinic within the per-message limits. */
export async function resolveAttachments(
  w: Work,
  ids: readonly string[],
  conversationId: string,
): Promise<Attachment[]> {
  const limits = w.clinic.limits
  if (ids.length > limits.maxAttachments) {
    throw new SwitchboardError('validation_failed', `A message can carry at most ${limits.maxAttachments} attachments.`)
  }
  const attachments: Attachment[] = []
  for (const id of ids) {
    const record = await w.tx.getAttachment(id)
    if (!record || (record.conversationId !== null && record.conversationId !== conversationId)) {
      throw new SwitchboardError('not_found', 'An attachment was not found; upload it again.', { id })
    }
    const { library: _l, conversationId: _c, createdAt: _t, ...attachment } = record
    attachments.push(attachment)
  }
  const total = attachments.reduce((sum, a) => sum + a.size, 0)
  if (total > limits.maxMessageBytes) {
    const mb = (limits.maxMessageBytes / 1_000_000).toFixed(0)
    throw new SwitchboardError('attachment_too_large', `Attachments may add up to ${mb} MB per message.`, { total })
  }
  return attachments
}

/** Sends a staff message; the same `clientMessageId` twice yields the one message. */
export async function sendMessage(
  ctx: ServiceContext,
  actor: Actor,
  conversationId: string,
  input: SendMessageRequest,
): Promise<Message> {
  requirePermission(actor)
  const request = parseOrThrow(sendMessageRequestSchema, input, 'message')
  const sent = await inClinic(ctx, actor.clinicId, async (w) => {
    const existing = await w.tx.getMessageByClientMessageId(request.clientMessageId)
    if (existing) {
      if (existing.conversationId !== conversationId) {
        throw new SwitchboardError('conflict', 'This clientMessageId was already used in another conversation.')
      }
      return toMessage(existing)
    }
    const conversation = await loadConversation(w, conversationId)
    const contact = await ensureContact(w, conversation.phone)
    assertCanText(contact)
    const attachments = await resolveAttachments(w, request.attachmentIds, conversationId)
    const author = await w.tx.getMember(actor.userId)
    const message = await createOutbound(ctx, w, conversation, contact, {
      origin: 'staff',
      body: request.body.trim(),
      attachments,
      clientMessageId: request.clientMessageId,
      author: { id: actor.userId, name: author?.name ?? 'Staff' },
    })
    return toMessage(message)
  })
  // The provider hand-off ran after commit: answer with the message as it stands now.
  const current = await inClinic(ctx, actor.clinicId, (w) => w.tx.getMessage(sent.id))
  return current ? toMessage(current) : sent
}

/** A page of a thread's history, oldest first, older than `before` (a seq) when given. */
export async function listMessages(
  ctx: ServiceContext,
  actor: Actor,
  conversationId: string,
  query: { before?: number | string; limit?: number | string } = {},
): Promise<MessagePage> {
  requirePermission(actor)
  const { before, limit = 50 } = parseOrThrow(listMessagesQuerySchema, query, 'query')
  return inClinic(ctx, actor.clinicId, async (w) => {
    await loadConversation(w, conversationId)
    const rows = await w.tx.listMessages(conversationId, before ?? null, limit + 1)
    const more = rows.length > limit
    const items = (more ? rows.slice(1) : rows).map(toMessage)
    return { items, nextBefore: more && items[0] ? items[0].seq : null }
  })
}

/** A provider's delivery report for an outbound message. */
export interface DeliveryStatusReport {
  /** The clinic's SMS number the message was sent from. */
  clinicNumber: string
  providerMessageId: string
  status: 'sending' | 'sent' | 'delivered' | 'failed'
  errorCode?: string
  errorMessage?: string
}

/**
 * Applies a provider status callback. Statuses only move forward; repeats and late arrivals are
 * ignored (`applied: false`). A carrier opt-out failure marks the contact opted out.
 */
export async function applyDeliveryStatus(
  ctx: ServiceContext,
  report: DeliveryStatusReport,
): Promise<{ applied: boolean }> {
  const clinicId = await ctx.storage.clinicIdForNumber(normalizePhone(report.clinicNumber))
  if (!clinicId) throw new SwitchboardError('not_found', `No clinic uses the number ${report.clinicNumber}.`)
  return inClinic(ctx, clinicId, async (w) => {
    const message = await w.tx.getMessageByProviderId(report.providerMessageId)
    if (!message || !canAdvanceStatus(message.status, report.status)) return { applied: false }
    const error =
      report.status === 'failed' ? describeDeliveryError(report.errorCode ?? 'unknown', report.errorMessage) : undefined
    await updateMessageStatus(w, message, { status: report.status, ...(error ? { error } : {}) })
    if (error?.reason === 'opted-out') {
      const contact = await ensureContact(w, message.phone)
      if (!contact.optedOut) await saveContact(w, { ...contact, optedOut: { at: w.now, via: 'carrier' } })
    }
    return { applied: true }
  })
}

/** A campaign message (reminder, confirmation) from the PMS. */
export interface CampaignMessage {
  phone: string
  body: string
  campaign: { id: string; name: string }
  clientMessageId?: string
}

/**
 * Records and sends a campaign message. It joins the contact's history but does not open a
 * conversation (a new one is created closed); a reply to it does. Refused for opted-out and
 * blocked contacts like any other text.
 */
export async function sendCampaignMessage(
  ctx: ServiceContext,
  clinicId: string,
  input: CampaignMessage,
): Promise<Message> {
  return inClinic(ctx, clinicId, async (w) => {
    if (input.clientMessageId) {
      const existing = await w.tx.getMessageByClientMessageId(input.clientMessageId)
      if (existing) return toMessage(existing)
    }
    const phone = normalizePhone(input.phone, w.clinic.clinic.country)
    const contact = await ensureContact(w, phone)
    assertCanText(contact)
    const { record } = await ensureConversation(w, ctx.newId, phone, 'closed')
    const message = await createOutbound(ctx, w, record, contact, {
      origin: 'campaign',
      body: input.body,
      campaign: input.campaign,
      ...(input.clientMessageId ? { clientMessageId: input.clientMessageId } : {}),
    })
    return toMessage(message)
  })
}

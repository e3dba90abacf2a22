import {
  type Attachment,
  type CampaignMessageRequest,
  campaignMessageRequestSchema,
  checkQuietHours,
  listMessagesQuerySchema,
  type Message,
  type MessagePage,
  mediaTotalRefusal,
  normalizePhone,
  parseOrThrow,
  type SendMessageRequest,
  SwitchboardError,
  sendMessageRequestSchema,
} from '@switchboard/protocol'
import type { ContactRecord, ConversationRecord, MessageRecord } from '../ports'
import { canAdvanceStatus, describeDeliveryError } from '../rules/delivery'
import { type Actor, requirePermission } from './actor'
import { inClinic, presentMessage, type ServiceContext, type Work } from './context'
import { createOutbound, updateMessageStatus } from './outbound'
import { assertCanText, contactPhone, ensureContact, ensureConversation, loadConversation, toMessage } from './records'

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
  const refusal = mediaTotalRefusal(total, limits)
  if (refusal) throw new SwitchboardError(refusal.code, refusal.message, { total })
  return attachments
}

/** Refuses staff texts in a one-way clinic: its number sends reminders but takes no conversation. */
export function assertTwoWay(w: Work): void {
  if (w.clinic.clinic.mode === 'one-way') {
    throw new SwitchboardError(
      'one_way_mode',
      `${w.clinic.clinic.name} uses one-way texting: staff cannot send messages from the inbox.`,
    )
  }
}

/**
 * Sends a staff message inside a unit of work: the same `clientMessageId` twice yields the one
 * message; refused (nothing written) in one-way mode, to an opted-out or blocked contact, with
 * an unknown attachment or over the limits.
 */
export async function sendInWork(
  ctx: ServiceContext,
  w: Work,
  actor: Actor,
  conversation: ConversationRecord,
  request: ReturnType<typeof parseSend>,
  contact?: ContactRecord,
): Promise<Message> {
  const existing = await w.tx.getMessageByClientMessageId(request.clientMessageId)
  if (existing) {
    if (existing.conversationId !== conversation.id) {
      throw new SwitchboardError('conflict', 'This clientMessageId was already used in another conversation.')
    }
    return toMessage(existing)
  }
  assertTwoWay(w)
  const recipient = contact ?? (await ensureContact(w, conversation.phone))
  assertCanText(recipient)
  const attachments = await resolveAttachments(w, request.attachmentIds, conversation.id)
  const author = await w.tx.getMember(actor.userId)
  const message = await createOutbound(ctx, w, conversation, recipient, {
    origin: 'staff',
    body: request.body.trim(),
    attachments,
    clientMessageId: request.clientMessageId,
    author: { id: actor.userId, name: author?.name ?? 'Staff' },
  })
  return toMessage(message)
}

/** Validates a send request. */
export const parseSend = (input: SendMessageRequest) => parseOrThrow(sendMessageRequestSchema, input, 'message')

/** Reads a message again after commit: the provider hand-off may have moved its status. */
export async function reread(ctx: ServiceContext, clinicId: string, message: Message): Promise<Message> {
  const current = await inClinic(ctx, clinicId, (w) => w.tx.getMessage(message.id))
  return presentMessage(ctx, clinicId, current ? toMessage(current) : message)
}

/** Sends a staff message; the same `clientMessageId` twice yields the one message. */
export async function sendMessage(
  ctx: ServiceContext,
  actor: Actor,
  conversationId: string,
  input: SendMessageRequest,
): Promise<Message> {
  requirePermission(actor)
  const request = parseSend(input)
  const sent = await inClinic(ctx, actor.clinicId, async (w) =>
    sendInWork(ctx, w, actor, await loadConversation(w, conversationId), request),
  )
  return reread(ctx, actor.clinicId, sent)
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
    const items = (more ? rows.slice(1) : rows).map((m) => presentMessage(ctx, actor.clinicId, toMessage(m)))
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
  /**
   * The service's id of the message, when the provider carries it back (the gateway got it with
   * the send): a report that arrives before the provider's id was recorded still finds its message.
   */
  messageId?: string
}

/**
 * The message `id` if it is being handed to the provider and has no provider id yet (the report
 * came before the hand-off recorded it), with `providerMessageId` now its own.
 */
async function unclaimed(w: Work, id: string, providerMessageId: string): Promise<MessageRecord | null> {
  const message = await w.tx.getMessage(id)
  if (message?.direction !== 'outbound' || message.status !== 'sending' || message.providerMessageId !== null) {
    return null
  }
  return { ...message, providerMessageId }
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
    const message =
      (await w.tx.getMessageByProviderId(report.providerMessageId)) ??
      (report.messageId ? await unclaimed(w, report.messageId, report.providerMessageId) : null)
    if (!message || !canAdvanceStatus(message.status, report.status)) return { applied: false }
    const error =
      report.status === 'failed' ? describeDeliveryError(report.errorCode ?? 'unknown', report.errorMessage) : undefined
    await updateMessageStatus(w, message, { status: report.status, ...(error ? { error } : {}) })
    return { applied: true }
  })
}

/** A campaign message from the PMS (reminder, confirmation, promotion). */
export type CampaignMessage = CampaignMessageRequest

/** Throws `consent_required` unless the contact's latest marketing consent record grants it. */
function assertMarketingConsent(contact: ContactRecord): void {
  const latest = contact.consent
    .filter((record) => record.scope === 'marketing')
    .reduce<ContactRecord['consent'][number] | null>(
      (last, record) => (!last || record.at >= last.at ? record : last),
      null,
    )
  if (latest?.status !== 'granted') {
    throw new SwitchboardError(
      'consent_required',
      latest
        ? `This contact withdrew marketing consent on ${latest.at.slice(0, 10)}; marketing texts need a new opt-in.`
        : 'No marketing consent is on record for this contact; marketing texts need a separate opt-in.',
      { phone: contact.phone },
    )
  }
}

/**
 * Records and sends a campaign message. It joins the contact's history but does not open a
 * conversation (a new one is created closed); a reply to it does. Refused for opted-out and
 * blocked contacts like any other text; a marketing one also without recorded marketing consent;
 * and any of them in the recipient's quiet hours (8 am–9 pm their time, 8 pm for marketing in
 * Florida and Maryland), with the time it may go in `details.allowedAt`.
 */
export async function sendCampaignMessage(
  ctx: ServiceContext,
  clinicId: string,
  input: CampaignMessage,
): Promise<Message> {
  const request = parseOrThrow(campaignMessageRequestSchema, input, 'campaign message')
  const message = await inClinic(ctx, clinicId, async (w) => {
    if (request.clientMessageId) {
      const existing = await w.tx.getMessageByClientMessageId(request.clientMessageId)
      if (existing) return toMessage(existing)
    }
    const phone = contactPhone(w, request.phone)
    const contact = await ensureContact(w, phone)
    assertCanText(contact)
    if (request.purpose === 'marketing') assertMarketingConsent(contact)
    const quiet = checkQuietHours({
      at: new Date(w.now),
      phone,
      clinicTimeZone: w.clinic.clinic.timezone,
      purpose: request.purpose,
    })
    if (quiet.quiet) {
      throw new SwitchboardError(
        'quiet_hours',
        `It is ${quiet.localTime} for this contact; texts may go out between ${quiet.hours.start} and ${quiet.hours.end} their time.`,
        { allowedAt: quiet.allowedAt.toISOString(), timeZones: quiet.timeZones },
      )
    }
    const { record } = await ensureConversation(w, ctx.newId, phone, 'closed')
    const sent = await createOutbound(ctx, w, record, contact, {
      origin: 'campaign',
      body: request.body,
      campaign: request.campaign,
      ...(request.clientMessageId ? { clientMessageId: request.clientMessageId } : {}),
    })
    return toMessage(sent)
  })
  return presentMessage(ctx, clinicId, message)
}

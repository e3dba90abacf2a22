import type { Attachment, DeliveryError, Message, MessageOrigin } from '@switchboard/protocol'
import type { ContactRecord, ConversationRecord, MessageRecord } from '../ports'
import { describeDeliveryError } from '../rules/delivery'
import { outboxStep } from '../rules/outboxStep'
import { inClinic, presentAttachment, type ServiceContext, type Work } from './context'
import { emitConversation, ensureContact, previewOf, saveContact, toMessage } from './records'

/** What an outbound message is made of. */
export interface OutboundDraft {
  origin: MessageOrigin
  body: string
  attachments?: Attachment[]
  author?: { id: string; name: string }
  campaign?: { id: string; name: string }
  clientMessageId?: string
  /** Keyword confirmations go out without the opt-out footer. */
  withoutFooter?: boolean
}

/**
 * Records an outbound message as `queued` in the conversation, adds the opt-out footer until a
 * text carrying it has been delivered to the contact, and hands it to the provider after commit.
 * The caller has already checked that the contact may be texted.
 */
export async function createOutbound(
  ctx: ServiceContext,
  w: Work,
  conversation: ConversationRecord,
  contact: ContactRecord,
  draft: OutboundDraft,
): Promise<MessageRecord> {
  const footer = w.clinic.settings.optOutFooter.trim()
  const carriesFooter = !draft.withoutFooter && footer.length > 0 && contact.footerSentAt === null
  const body = carriesFooter ? (draft.body ? `${draft.body}\n\n${footer}` : footer) : draft.body
  const message: MessageRecord = {
    id: ctx.newId('msg'),
    conversationId: conversation.id,
    seq: await w.tx.nextMessageSeq(conversation.id),
    ...(draft.clientMessageId ? { clientMessageId: draft.clientMessageId } : {}),
    direction: 'outbound',
    origin: draft.origin,
    ...(draft.author ? { author: draft.author } : {}),
    ...(draft.campaign ? { campaign: draft.campaign } : {}),
    body,
    attachments: draft.attachments ?? [],
    status: 'queued',
    createdAt: w.now,
    updatedAt: w.now,
    phone: contact.phone,
    providerMessageId: null,
    carriesFooter,
  }
  await w.tx.insertMessage(message)
  conversation.lastMessage = previewOf(message)
  conversation.lastActivityAt = w.now
  await w.tx.putConversation(conversation)
  w.emit({ type: 'message.created', message: toMessage(message) })
  await emitConversation(w, conversation.id)
  const from = w.clinic.clinic.smsNumber
  w.afterCommit(() => dispatch(ctx, w.clinicId, from, message))
  return message
}

/** The message if it is still waiting for the provider hand-off (it may have been deleted or failed). */
async function stillQueued(w: Work, id: string): Promise<MessageRecord | null> {
  const message = await w.tx.getMessage(id)
  return message?.status === 'queued' ? message : null
}

/**
 * Hands a queued message to the SMS provider. The contact is read again first: a STOP or a block
 * that landed after the message was queued stops it (only keyword confirmations still go out, and
 * never to a blocked number), so nothing reaches an opted-out or blocked number. The message is
 * marked `sending` before the provider is called and gets the provider's id after, so a server
 * that stops in between leaves a trace {@link resumeOutbox} can read: `queued` was never handed
 * over, `sending` without an id may have been.
 */
async function dispatch(ctx: ServiceContext, clinicId: string, from: string, message: MessageRecord): Promise<void> {
  const handing = await inClinic(ctx, clinicId, async (w) => {
    const current = await stillQueued(w, message.id)
    if (!current) return null
    const contact = await w.tx.getContact(message.phone)
    const refused = contact?.blocked || (message.origin !== 'system' && contact?.optedOut)
    if (refused) {
      const code = contact?.blocked ? 'blocked' : 'opted-out'
      await updateMessageStatus(w, current, { status: 'failed', error: describeDeliveryError(code) })
      return null
    }
    await updateMessageStatus(w, current, { status: 'sending' })
    return current
  })
  if (!handing) return
  let outcome: { providerMessageId: string } | { error: DeliveryError }
  try {
    const { providerMessageId } = await ctx.gateway.send({
      from,
      to: message.phone,
      body: message.body,
      messageId: message.id,
      // The provider fetches the media itself: it gets signed links like anyone else.
      mediaUrls: message.attachments.map((a) => presentAttachment(ctx, clinicId, a).url),
    })
    outcome = { providerMessageId }
  } catch (error) {
    const code = (error as { code?: unknown }).code
    outcome = {
      error: describeDeliveryError(typeof code === 'string' ? code : 'provider-error', (error as Error).message),
    }
  }
  await inClinic(ctx, clinicId, async (w) => {
    const current = await w.tx.getMessage(message.id)
    if (current?.status !== 'sending' || current.providerMessageId !== null) return
    if ('error' in outcome) await updateMessageStatus(w, current, { status: 'failed', error: outcome.error })
    // The provider's id is for its callbacks; the message as staff see it has not changed.
    else await w.tx.updateMessage({ ...current, providerMessageId: outcome.providerMessageId })
  })
}

/** What {@link resumeOutbox} found, and the hand-over it started. */
export interface ResumedOutbox {
  /** Texts the last stop cut off mid-hand-off, now failed with the reason `interrupted`. */
  interrupted: number
  /** Texts queued and never handed over, now being handed over. */
  queued: number
  /** Settles when the queued texts have been handed to the provider. */
  handedOver: Promise<void>
}

const RESUME_PAGE = 10_000

/** Options of {@link resumeOutbox}. */
export interface ResumeOutboxOptions {
  /**
   * How long a text may stay `sending` without the provider's answer before it is taken as cut
   * off (see `outboxStep`). 0 (the default) for a server alone at its start; with several
   * servers on one database, longer than any provider call.
   */
  handOffTimeoutMs?: number
}

/**
 * After a restart, or as a periodic sweep beside other servers (`outboxStep` decides each text):
 * fails, with a reason staff can read, the texts a stopped server cut off in the middle of
 * handing over, then hands the provider, once, the texts that were queued and never handed over
 * (a crash between the commit and the hand-off; a client retrying with the same id gets the
 * stored text back, so nothing else would ever send it). Alone, call it at start before taking
 * requests: a send in flight would otherwise look cut off. The hand-over may go on while the
 * server serves (`handedOver`); the per-message check keeps a text from being sent twice.
 */
export async function resumeOutbox(
  ctx: ServiceContext,
  clinicId: string,
  options: ResumeOutboxOptions = {},
): Promise<ResumedOutbox> {
  const timeout = options.handOffTimeoutMs ?? 0
  const found = await inClinic(ctx, clinicId, async (w) => {
    const pending = await w.tx.listUndispatched(RESUME_PAGE)
    const queued: MessageRecord[] = []
    let interrupted = 0
    for (const message of pending) {
      const step = outboxStep(message, new Date(w.now), timeout)
      if (step === 'hand-over') queued.push(message)
      else if (step === 'cut-off') {
        await updateMessageStatus(w, message, { status: 'failed', error: describeDeliveryError('interrupted') })
        interrupted += 1
      }
    }
    return { queued, interrupted, full: pending.length === RESUME_PAGE, from: w.clinic.clinic.smsNumber }
  })
  const handOver = async () => {
    let batch = found.queued
    let full = found.full
    for (;;) {
      for (const message of batch) await dispatch(ctx, clinicId, found.from, message)
      if (!full) return
      const next = await inClinic(ctx, clinicId, (w) => w.tx.listUndispatched(RESUME_PAGE))
      batch = next.filter((m) => m.status === 'queued')
      full = next.length === RESUME_PAGE && batch.length > 0
    }
  }
  return { interrupted: found.interrupted, queued: found.queued.length, handedOver: handOver() }
}

/**
 * Applies a status change to a stored message and queues its events. A delivered text that
 * carried the opt-out footer means the contact has seen it: later texts go without. A failure
 * because the number opted out (at the provider or the carrier) records the opt-out.
 */
export async function updateMessageStatus(
  w: Work,
  message: MessageRecord,
  change: Partial<Pick<MessageRecord, 'status' | 'providerMessageId' | 'error'>>,
): Promise<Message> {
  const updated: MessageRecord = { ...message, ...change, updatedAt: w.now }
  if (change.error === undefined) delete updated.error
  if (change.status === 'failed' && change.error) updated.error = change.error
  await w.tx.updateMessage(updated)
  if (change.status === 'delivered' && updated.carriesFooter) {
    const contact = await w.tx.getContact(updated.phone)
    if (contact && contact.footerSentAt === null) await w.tx.putContact({ ...contact, footerSentAt: w.now })
  }
  // The provider or the carrier says the number opted out (Twilio 21610 when sending, 30004 in a
  // report): nothing more goes to it until the contact texts START.
  if (change.status === 'failed' && change.error?.reason === 'opted-out') {
    const contact = await ensureContact(w, updated.phone)
    if (!contact.optedOut) await saveContact(w, { ...contact, optedOut: { at: w.now, via: 'carrier' } })
  }
  w.emit({ type: 'message.updated', message: toMessage(updated) })
  const conversation = await w.tx.getConversationRecord(updated.conversationId)
  if (conversation?.lastMessage?.id === updated.id) {
    conversation.lastMessage = previewOf(updated)
    await w.tx.putConversation(conversation)
    await emitConversation(w, conversation.id)
  }
  return toMessage(updated)
}

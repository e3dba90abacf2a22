import {
  closedPeriodId,
  type InboundText,
  inboundTextSchema,
  type Message,
  normalizePhone,
  oneLine,
  parseOrThrow,
  SwitchboardError,
  senderPhone,
} from '@switchboard/protocol'
import type { AttachmentRecord, ContactRecord, ConversationRecord, MessageRecord } from '../ports'
import { classifyKeyword, type Keyword, readsAsOptOutRequest } from '../rules/keywords'
import { discardFiles, storeInboundMedia } from './attachments'
import { inClinic, presentMessage, type ServiceContext, type Work } from './context'
import { createOutbound } from './outbound'
import { emitConversation, ensureContact, ensureConversation, previewOf, saveContact, toMessage } from './records'

export type { InboundText }

const OPT_OUT_CONFIRMATION = (clinic: string) =>
  `${clinic}: You have been unsubscribed and will receive no more texts. Reply START to resubscribe.`
const OPT_IN_CONFIRMATION = (clinic: string) =>
  `${clinic}: You are resubscribed and will receive texts again. Reply STOP to unsubscribe.`

/**
 * Records a text from a contact: matched to a client by number (otherwise a lead), opening or
 * reopening its conversation; then applies keywords (STOP / START / HELP), flags other wordings
 * of an opt-out for staff, and sends the after-hours auto-reply and e-mail alert. The payload is
 * validated first (a malformed one is refused whole, nothing stored); media are kept as the
 * clinic's own files, typed by their bytes. Texts from blocked numbers are kept and open nothing.
 */
export async function receiveInbound(ctx: ServiceContext, input: InboundText): Promise<Message> {
  const text = parseOrThrow(inboundTextSchema, input, 'inbound text')
  const clinicId = await ctx.storage.clinicIdForNumber(normalizePhone(text.to))
  if (!clinicId) throw new SwitchboardError('not_found', `No clinic uses the number ${text.to}.`)
  if (text.body.trim() === '' && text.media.length === 0) {
    throw new SwitchboardError('validation_failed', 'An inbound text needs a body or media.')
  }
  const stored = await storeInboundMedia(ctx, clinicId, text.media)
  let duplicate = false
  try {
    const message = await inClinic(ctx, clinicId, async (w) => {
      if (text.providerMessageId) {
        const seen = await w.tx.getMessageByProviderId(text.providerMessageId)
        if (seen) {
          duplicate = true
          return toMessage(seen)
        }
      }
      const phone = senderPhone(text.from, w.clinic.clinic.country)
      if (phone === w.clinic.clinic.smsNumber) {
        throw new SwitchboardError('validation_failed', "A text from the clinic's own number is not accepted (a loop).")
      }
      return record(ctx, w, phone, text.body, stored, text.providerMessageId ?? null)
    })
    if (duplicate) discardFiles(ctx, stored)
    return presentMessage(ctx, clinicId, message)
  } catch (error) {
    discardFiles(ctx, stored)
    throw error
  }
}

async function record(
  ctx: ServiceContext,
  w: Work,
  phone: string,
  body: string,
  files: readonly AttachmentRecord[],
  providerMessageId: string | null,
): Promise<Message> {
  const contact = await ensureContact(w, phone)
  const { record: conversation } = await ensureConversation(w, ctx.newId, phone, contact.blocked ? 'closed' : 'open')
  const message: MessageRecord = {
    id: ctx.newId('msg'),
    conversationId: conversation.id,
    seq: await w.tx.nextMessageSeq(conversation.id),
    direction: 'inbound',
    origin: 'client',
    body,
    attachments: files.map(({ library: _l, conversationId: _c, createdAt: _t, ...a }) => a),
    status: 'received',
    createdAt: w.now,
    updatedAt: w.now,
    phone,
    providerMessageId,
    carriesFooter: false,
  }
  for (const file of files) await w.tx.putAttachment({ ...file, conversationId: conversation.id, createdAt: w.now })
  await w.tx.insertMessage(message)
  w.emit({ type: 'message.created', message: toMessage(message) })
  const keyword = classifyKeyword(body)
  const asksToStop = !keyword && !contact.optedOut && readsAsOptOutRequest(body)
  if (!contact.blocked) {
    conversation.status = 'open'
    conversation.closedAt = null
    conversation.unreadCount += 1
    conversation.lastMessage = previewOf(message)
    conversation.lastActivityAt = w.now
    if (asksToStop) {
      // At most 160 characters, never splitting an emoji in two.
      conversation.optOutRequest = {
        messageId: message.id,
        at: w.now,
        excerpt: [...oneLine(body)].slice(0, 160).join(''),
      }
    }
    w.unreadChanged()
  }
  await w.tx.putConversation(conversation)
  await emitConversation(w, conversation.id)

  if (keyword) await applyKeyword(ctx, w, conversation, contact, keyword)
  else if (!contact.blocked) await handleAfterHours(ctx, w, conversation, contact, message, { autoReply: !asksToStop })
  return toMessage(message)
}

async function applyKeyword(
  ctx: ServiceContext,
  w: Work,
  conversation: ConversationRecord,
  contact: ContactRecord,
  keyword: Keyword,
): Promise<void> {
  const clinicName = w.clinic.clinic.name
  // A blocked number is sent nothing, confirmations included; its opt-out is still recorded.
  const reply = async (body: string) => {
    if (!contact.blocked)
      await createOutbound(ctx, w, conversation, contact, { origin: 'system', body, withoutFooter: true })
  }
  const consent = (status: 'granted' | 'revoked', scope: 'transactional' | 'marketing') => ({
    status,
    method: 'sms-keyword' as const,
    scope,
    at: w.now,
    recordedBy: null,
    note: keyword.keyword,
  })
  if (keyword.kind === 'opt-out') {
    if (contact.optedOut) return
    contact.optedOut = { at: w.now, via: 'keyword', keyword: keyword.keyword }
    contact.consent = [...contact.consent, consent('revoked', 'transactional'), consent('revoked', 'marketing')]
    await saveContact(w, contact, conversation)
    await reply(OPT_OUT_CONFIRMATION(clinicName))
  } else if (keyword.kind === 'opt-in') {
    if (!contact.optedOut) return
    contact.optedOut = null
    contact.consent = [...contact.consent, consent('granted', 'transactional')]
    await saveContact(w, contact, conversation)
    await reply(OPT_IN_CONFIRMATION(clinicName))
  } else {
    await reply(`${clinicName}: ${w.clinic.settings.helpText}`)
  }
}

/**
 * One auto-reply and one alert e-mail per contact per closed period. No auto-reply answers a text
 * that asks to stop texting (staff see the alert and the flag).
 */
async function handleAfterHours(
  ctx: ServiceContext,
  w: Work,
  conversation: ConversationRecord,
  contact: ContactRecord,
  message: MessageRecord,
  options: { autoReply: boolean },
): Promise<void> {
  const { settings, clinic } = w.clinic
  if (!settings.autoReply.enabled && !settings.afterHoursAlert.enabled) return
  const period = closedPeriodId(settings.businessHours, new Date(w.now))
  if (period === null || contact.afterHoursPeriod === period) return
  contact.afterHoursPeriod = period
  await w.tx.putContact(contact)
  if (options.autoReply && settings.autoReply.enabled && settings.autoReply.text.trim() && !contact.optedOut) {
    await createOutbound(ctx, w, conversation, contact, { origin: 'auto-reply', body: settings.autoReply.text.trim() })
  }
  const recipients = settings.afterHoursAlert.recipients
  if (settings.afterHoursAlert.enabled && recipients.length > 0) {
    const client = contact.clientId ? await w.tx.getClient(contact.clientId) : null
    const who = client ? `${client.firstName} ${client.lastName} (${contact.phone})` : contact.phone
    const attached = message.attachments.length ? `\n\n(${message.attachments.length} attachment(s))` : ''
    const mail = {
      to: recipients,
      // Names come from records anyone may have typed: the subject is forced onto one line.
      subject: oneLine(`${clinic.name}: new text after hours from ${who}`),
      text: `${who} texted ${clinic.name} after hours:\n\n${message.body}${attached}\n\nReply from the SMS inbox.`,
    }
    w.afterCommit(() => ctx.mailer.send(mail).catch((error) => ctx.reportError(error, 'after-hours alert e-mail')))
  }
}

import { type Attachment, type Message, normalizePhone, SwitchboardError } from '@switchboard/protocol'
import type { ContactRecord, ConversationRecord, MessageRecord } from '../ports'
import { closedPeriodId } from '../rules/businessHours'
import { classifyKeyword, type Keyword } from '../rules/keywords'
import { inClinic, type ServiceContext, type Work } from './context'
import { createOutbound } from './outbound'
import { emitConversation, ensureContact, ensureConversation, previewOf, saveContact, toMessage } from './records'

/** An inbound text as a provider webhook delivers it. */
export interface InboundText {
  /** The clinic's SMS number it was sent to. */
  to: string
  /** The sender's number. */
  from: string
  body: string
  attachments?: Omit<Attachment, 'id'>[]
  /** The provider's id, so a webhook delivered twice records one message. */
  providerMessageId?: string
}

const OPT_OUT_CONFIRMATION = (clinic: string) =>
  `${clinic}: You have been unsubscribed and will receive no more texts. Reply START to resubscribe.`
const OPT_IN_CONFIRMATION = (clinic: string) =>
  `${clinic}: You are resubscribed and will receive texts again. Reply STOP to unsubscribe.`

/**
 * Records a text from a contact: matched to a client by number (otherwise a lead), opening or
 * reopening its conversation; then applies keywords (STOP / START / HELP) and the after-hours
 * auto-reply and e-mail alert. Texts from blocked numbers are kept but open nothing.
 */
export async function receiveInbound(ctx: ServiceContext, text: InboundText): Promise<Message> {
  const clinicId = await ctx.storage.clinicIdForNumber(normalizePhone(text.to))
  if (!clinicId) throw new SwitchboardError('not_found', `No clinic uses the number ${text.to}.`)
  return inClinic(ctx, clinicId, async (w) => {
    if (text.providerMessageId) {
      const duplicate = await w.tx.getMessageByProviderId(text.providerMessageId)
      if (duplicate) return toMessage(duplicate)
    }
    const phone = normalizePhone(text.from, w.clinic.clinic.country)
    const contact = await ensureContact(w, phone)
    const { record: conversation } = await ensureConversation(w, ctx.newId, phone, 'open')
    const message: MessageRecord = {
      id: ctx.newId('msg'),
      conversationId: conversation.id,
      seq: await w.tx.nextMessageSeq(conversation.id),
      direction: 'inbound',
      origin: 'client',
      body: text.body,
      attachments: (text.attachments ?? []).map((a) => ({ ...a, id: ctx.newId('att') })),
      status: 'received',
      createdAt: w.now,
      updatedAt: w.now,
      phone,
      providerMessageId: text.providerMessageId ?? null,
    }
    await w.tx.insertMessage(message)
    w.emit({ type: 'message.created', message: toMessage(message) })
    if (!contact.blocked) {
      conversation.status = 'open'
      conversation.closedAt = null
      conversation.unreadCount += 1
      conversation.lastMessage = previewOf(message)
      conversation.lastActivityAt = w.now
      w.unreadChanged()
    }
    await w.tx.putConversation(conversation)
    await emitConversation(w, conversation.id)

    const keyword = classifyKeyword(text.body)
    if (keyword) await applyKeyword(ctx, w, conversation, contact, keyword)
    else if (!contact.blocked) await handleAfterHours(ctx, w, conversation, contact, message)
    return toMessage(message)
  })
}

async function applyKeyword(
  ctx: ServiceContext,
  w: Work,
  conversation: ConversationRecord,
  contact: ContactRecord,
  keyword: Keyword,
): Promise<void> {
  const clinicName = w.clinic.clinic.name
  const reply = (body: string) =>
    createOutbound(ctx, w, conversation, contact, { origin: 'system', body, withoutFooter: true })
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
    await saveContact(w, contact)
    await reply(OPT_OUT_CONFIRMATION(clinicName))
  } else if (keyword.kind === 'opt-in') {
    if (!contact.optedOut) return
    contact.optedOut = null
    contact.consent = [...contact.consent, consent('granted', 'transactional')]
    await saveContact(w, contact)
    if (!contact.blocked) await reply(OPT_IN_CONFIRMATION(clinicName))
  } else if (!contact.blocked) {
    await reply(`${clinicName}: ${w.clinic.settings.helpText}`)
  }
}

/** One auto-reply and one alert e-mail per contact per closed period. */
async function handleAfterHours(
  ctx: ServiceContext,
  w: Work,
  conversation: ConversationRecord,
  contact: ContactRecord,
  message: MessageRecord,
): Promise<void> {
  const { settings, clinic } = w.clinic
  if (!settings.autoReply.enabled && !settings.afterHoursAlert.enabled) return
  const period = closedPeriodId(settings.businessHours, clinic.timezone, new Date(w.now))
  if (period === null || contact.afterHoursPeriod === period) return
  contact.afterHoursPeriod = period
  await w.tx.putContact(contact)
  if (settings.autoReply.enabled && settings.autoReply.text.trim() && !contact.optedOut) {
    await createOutbound(ctx, w, conversation, contact, { origin: 'auto-reply', body: settings.autoReply.text.trim() })
  }
  const recipients = settings.afterHoursAlert.recipients
  if (settings.afterHoursAlert.enabled && recipients.length > 0) {
    const client = contact.clientId ? await w.tx.getClient(contact.clientId) : null
    const who = client ? `${client.firstName} ${client.lastName} (${contact.phone})` : contact.phone
    const mail = {
      to: recipients,
      subject: `${clinic.name}: new text after hours from ${who}`,
      text: `${who} texted ${clinic.name} after hours:\n\n${message.body}\n\nReply from the SMS inbox.`,
    }
    w.afterCommit(() => ctx.mailer.send(mail).catch((error) => ctx.reportError(error, 'after-hours alert e-mail')))
  }
}

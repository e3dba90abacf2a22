import * as z from 'zod/mini'
import { compiledObject } from './compiledObject'

/** An ISO-8601 timestamp in UTC, e.g. `2026-11-29T14:03:00.000Z`. */
export const isoDateTime = z.iso.datetime()
const id = z.string().check(z.minLength(1))
const count = z.number().check(z.int(), z.minimum(0))

/** Every permission string a staff user may hold. */
export const PERMISSIONS = [
  'messaging',
  'messaging.delete',
  'messaging.block',
  'messaging.manageInboxes',
  'messaging.settings',
  'clients.edit',
] as const
export const permissionSchema = z.enum(PERMISSIONS)
export type Permission = z.infer<typeof permissionSchema>

const hhmm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/))

/**
 * One opening of a day in the clinic's time zone, `HH:MM` 24h; `close` may be `24:00` (open until
 * midnight).
 */
export const timeRangeSchema = compiledObject({
  open: hhmm,
  close: z.string().check(z.regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/)),
})
export type TimeRange = z.infer<typeof timeRangeSchema>

/** A day the clinic is closed whatever the weekday: `date` is the local calendar day. */
export const holidaySchema = compiledObject({
  date: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)),
  name: z.string(),
})
export type Holiday = z.infer<typeof holidaySchema>

/**
 * When the clinic is open: up to four openings per weekday (Sunday first, index 0, like
 * `Date#getDay`; an empty day is closed), holidays closed all day, all read in `timezone` (IANA).
 */
export const businessHoursSchema = compiledObject({
  timezone: z.string().check(z.minLength(1), z.maxLength(64)),
  weekly: z.array(z.array(timeRangeSchema).check(z.maxLength(4))).check(z.length(7)),
  holidays: z.array(holidaySchema).check(z.maxLength(100)),
})
export type BusinessHours = z.infer<typeof businessHoursSchema>

export const clinicSchema = compiledObject({
  id,
  name: z.string(),
  smsNumber: z.string(),
  timezone: z.string(),
  country: z.string().check(z.length(2)),
  mode: z.enum(['two-way', 'one-way']),
})
export type Clinic = z.infer<typeof clinicSchema>

export const teamMemberSchema = compiledObject({
  id,
  name: z.string(),
  role: z.string(),
  permissions: z.array(permissionSchema),
})
export type TeamMember = z.infer<typeof teamMemberSchema>

/** A named queue; an `archived` one is kept for its conversations but offered for no new ones. */
export const inboxSchema = compiledObject({
  id,
  name: z.string().check(z.minLength(1)),
  archived: z.optional(z.boolean()),
})
export type Inbox = z.infer<typeof inboxSchema>

export const consentRecordSchema = compiledObject({
  status: z.enum(['granted', 'revoked']),
  /** How it was given or withdrawn; `sms-reply` is a text in other words that staff recorded. */
  method: z.enum(['verbal', 'written', 'online-form', 'sms-keyword', 'sms-reply', 'imported']),
  scope: z.enum(['transactional', 'marketing']),
  at: isoDateTime,
  recordedBy: z.nullable(id),
  note: z.optional(z.string()),
})
export type ConsentRecord = z.infer<typeof consentRecordSchema>

/** One phone number as the clinic sees it. */
export const contactSchema = compiledObject({
  phone: z.string(),
  clientId: z.nullable(id),
  optedOut: z.nullable(
    compiledObject({ at: isoDateTime, via: z.enum(['keyword', 'staff', 'carrier']), keyword: z.optional(z.string()) }),
  ),
  blocked: z.boolean(),
  consent: z.array(consentRecordSchema),
})
export type Contact = z.infer<typeof contactSchema>

export const moneySchema = compiledObject({
  amountMinor: z.number().check(z.int()),
  currency: z.string().check(z.length(3)),
})
export type Money = z.infer<typeof moneySchema>

export const patientSchema = compiledObject({ id, name: z.string(), species: z.string() })
export type Patient = z.infer<typeof patientSchema>

/** The PMS record of a person. */
export const clientSchema = compiledObject({
  id,
  firstName: z.string(),
  lastName: z.string(),
  phones: z.array(z.string()),
  email: z.nullable(z.string()),
  balance: moneySchema,
  patients: z.array(patientSchema),
})
export type Client = z.infer<typeof clientSchema>

/**
 * A stored file. `contentType` is what the server proved from the file's own bytes (an image
 * is drawn only when it says so); `url` and `thumbnailUrl` are the server's own, usually signed
 * and expiring.
 */
export const attachmentSchema = compiledObject({
  id,
  name: z.string(),
  contentType: z.string(),
  size: count,
  url: z.string(),
  thumbnailUrl: z.optional(z.string()),
})
export type Attachment = z.infer<typeof attachmentSchema>

export const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'failed', 'received'] as const
export const messageStatusSchema = z.enum(MESSAGE_STATUSES)
export type MessageStatus = z.infer<typeof messageStatusSchema>

export const messageOriginSchema = z.enum(['client', 'staff', 'campaign', 'auto-reply', 'system'])
export type MessageOrigin = z.infer<typeof messageOriginSchema>

export const deliveryErrorSchema = compiledObject({
  code: z.string(),
  reason: z.enum(['landline', 'invalid-number', 'opted-out', 'blocked', 'carrier-rejected', 'unreachable', 'unknown']),
  message: z.string(),
})
export type DeliveryError = z.infer<typeof deliveryErrorSchema>

export const messageSchema = compiledObject({
  id,
  conversationId: id,
  seq: z.number().check(z.int(), z.minimum(1)),
  clientMessageId: z.optional(z.string()),
  direction: z.enum(['inbound', 'outbound']),
  origin: messageOriginSchema,
  author: z.optional(compiledObject({ id, name: z.string() })),
  campaign: z.optional(compiledObject({ id, name: z.string() })),
  body: z.string(),
  attachments: z.array(attachmentSchema),
  status: messageStatusSchema,
  error: z.optional(deliveryErrorSchema),
  /** The message sent again in this failed one's place (staff pressed Retry after a carrier failure). */
  resentAs: z.optional(id),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
})
export type Message = z.infer<typeof messageSchema>

/** What a conversation row shows of its newest message. */
export const messagePreviewSchema = compiledObject({
  id,
  direction: z.enum(['inbound', 'outbound']),
  origin: messageOriginSchema,
  body: z.string(),
  attachmentCount: count,
  status: messageStatusSchema,
  createdAt: isoDateTime,
})
export type MessagePreview = z.infer<typeof messagePreviewSchema>

/** The client fields a conversation row needs: names and pets, for display and search. */
export const clientSummarySchema = compiledObject({
  id,
  firstName: z.string(),
  lastName: z.string(),
  patients: z.array(patientSchema),
})
export type ClientSummary = z.infer<typeof clientSummarySchema>

/** An inbound text that reads as a request to stop texting in words other than a keyword. */
export const optOutRequestSchema = compiledObject({
  messageId: id,
  at: isoDateTime,
  /** The start of the text, for staff to judge. */
  excerpt: z.string(),
})
export type OptOutRequest = z.infer<typeof optOutRequestSchema>

export const conversationSchema = compiledObject({
  id,
  contact: contactSchema,
  client: z.nullable(clientSummarySchema),
  status: z.enum(['open', 'closed']),
  inboxId: z.nullable(id),
  assigneeId: z.nullable(id),
  unreadCount: count,
  markedUnread: z.boolean(),
  lastMessage: z.nullable(messagePreviewSchema),
  lastActivityAt: isoDateTime,
  createdAt: isoDateTime,
  closedAt: z.nullable(isoDateTime),
  /** A possible opt-out for staff to record or dismiss ("please stop texting me"); null when none. */
  optOutRequest: z.nullable(optOutRequestSchema),
})
export type Conversation = z.infer<typeof conversationSchema>

export const templateSchema = compiledObject({ id, name: z.string(), category: z.string(), body: z.string() })
export type Template = z.infer<typeof templateSchema>

export const settingsSchema = compiledObject({
  autoReply: compiledObject({ enabled: z.boolean(), text: z.string() }),
  afterHoursAlert: compiledObject({ enabled: z.boolean(), recipients: z.array(z.string()) }),
  businessHours: businessHoursSchema,
  optOutFooter: z.string(),
  helpText: z.string(),
})
export type Settings = z.infer<typeof settingsSchema>

/** Limits the server states for attachments and bodies. */
export const limitsSchema = compiledObject({
  maxAttachmentBytes: count,
  maxMessageBytes: count,
  maxAttachments: count,
  allowedContentTypes: z.array(z.string()),
  maxBodyLength: count,
})
export type Limits = z.infer<typeof limitsSchema>

/** Inbound (from the contact) or outbound (to the contact). */
export type MessageDirection = Message['direction']

/**
 * What a conversation row shows of a message (used by the service when a message lands and by
 * the client when it records its own send).
 */
export function messagePreview(message: Message): MessagePreview {
  return {
    id: message.id,
    direction: message.direction,
    origin: message.origin,
    body: message.body,
    attachmentCount: message.attachments.length,
    status: message.status,
    createdAt: message.createdAt,
  }
}

import * as z from 'zod/mini'
import { businessHoursProblems } from './businessHours'
import { type BusinessHours, businessHoursSchema, consentRecordSchema, isoDateTime } from './entities'
import { type ConversationFilter, conversationFilterSchema } from './filter'
import { templateProblems } from './templates'
import { isSingleLine, MAX_BODY_LENGTH, multilineText, singleLineText, TEXT_LIMITS } from './text'

const id = z.string().check(z.minLength(1), z.maxLength(200))
const limit = z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200)))

/** `GET /conversations` query string. */
export const listConversationsQuerySchema = z.extend(conversationFilterSchema, {
  cursor: z.optional(z.string().check(z.maxLength(500))),
  limit,
})
/** A list query: any filter fields (the rest default), a cursor, a page size (numbers may come as query strings). */
export type ListConversationsQuery = Partial<ConversationFilter> & { cursor?: string; limit?: number | string }

const body = z.string().check(z.maxLength(MAX_BODY_LENGTH))
const clientMessageId = z.string().check(z.minLength(1), z.maxLength(100))

/** `POST /conversations`: start with a client (their mobile) or any valid phone number. */
export const startConversationRequestSchema = z
  .object({
    clientId: z.optional(id),
    phone: z.optional(z.string().check(z.maxLength(40))),
    body: z.optional(body),
    clientMessageId: z.optional(clientMessageId),
    attachmentIds: z.optional(z.array(id)),
  })
  .check(
    z.refine((r) => (r.clientId === undefined) !== (r.phone === undefined), {
      message: 'give exactly one of clientId or phone',
    }),
  )
export type StartConversationRequest = z.infer<typeof startConversationRequestSchema>

/**
 * `PATCH /conversations/:id`: close/reopen, assign/unassign, move to an inbox, or dismiss a
 * possible opt-out request (`optOutRequest: null`: staff judged it is not one).
 */
export const patchConversationRequestSchema = z
  .strictObject({
    status: z.optional(z.enum(['open', 'closed'])),
    assigneeId: z.optional(z.nullable(id)),
    inboxId: z.optional(z.nullable(id)),
    optOutRequest: z.optional(z.null()),
  })
  .check(z.refine((r) => Object.keys(r).length > 0, { message: 'give status, assigneeId, inboxId or optOutRequest' }))
export type PatchConversationRequest = z.infer<typeof patchConversationRequestSchema>

const name = singleLineText(TEXT_LIMITS.name)
/** An e-mail address as every request takes one. */
export const emailAddressSchema = z.email().check(z.maxLength(TEXT_LIMITS.email))
const email = emailAddressSchema

/** A patient added with a new client: a name, and the species when known ("Dog", "Cat"). */
export const newPatientSchema = z.object({
  name,
  species: z._default(
    z
      .string()
      .check(
        z.trim(),
        z.maxLength(TEXT_LIMITS.species),
        z.refine(isSingleLine, { message: 'must be one line without control or direction characters' }),
      ),
    '',
  ),
})
export type NewPatient = z.input<typeof newPatientSchema>
const newPatients = z.optional(z.array(newPatientSchema).check(z.maxLength(10)))

/** A new client record from inside the inbox, optionally with their first patients. */
export const newClientSchema = z.object({
  firstName: name,
  lastName: name,
  email: z.optional(z.nullable(email)),
  patients: newPatients,
})
export type NewClient = z.input<typeof newClientSchema>

/** `POST /conversations/:id/client`: the number belongs to this client, or to a new one. */
export const assignToClientRequestSchema = z.union([
  z.strictObject({ clientId: id }),
  z.strictObject({ newClient: newClientSchema }),
])
export type AssignToClientRequest = z.input<typeof assignToClientRequestSchema>

/** `POST /conversations/:id/messages`. */
export const sendMessageRequestSchema = z
  .object({
    clientMessageId,
    body: z._default(body, ''),
    attachmentIds: z._default(z.array(id).check(z.maxLength(10)), []),
  })
  .check(
    z.refine((r) => r.body.trim().length > 0 || r.attachmentIds.length > 0, {
      message: 'a message needs a body or an attachment',
    }),
  )
export type SendMessageRequest = z.input<typeof sendMessageRequestSchema>

/** `POST /conversations/:id/messages/:messageId/resend`: send a failed text again, once per `clientMessageId`. */
export const resendMessageRequestSchema = z.strictObject({ clientMessageId })
export type ResendMessageRequest = z.infer<typeof resendMessageRequestSchema>

/** `GET /conversations/:id/messages` query: pages of history older than `before` (a seq). */
export const listMessagesQuerySchema = z.object({
  before: z.optional(z.coerce.number().check(z.int(), z.minimum(1))),
  limit,
})
export type ListMessagesQuery = { before?: number | string; limit?: number | string }

/** `POST /clients`. */
export const createClientRequestSchema = z.object({
  firstName: name,
  lastName: name,
  phones: z._default(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(5)), []),
  email: z.optional(z.nullable(email)),
  patients: newPatients,
})
export type CreateClientRequest = z.input<typeof createClientRequestSchema>

/** `PATCH /clients/:id`. */
export const patchClientRequestSchema = z
  .object({
    firstName: z.optional(name),
    lastName: z.optional(name),
    phones: z.optional(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(5))),
    email: z.optional(z.nullable(email)),
  })
  .check(z.refine((r) => Object.keys(r).length > 0, { message: 'give at least one field to change' }))
export type PatchClientRequest = z.infer<typeof patchClientRequestSchema>

/** `POST /contacts/:phone/consent`. */
export const consentRequestSchema = z.object({
  status: consentRecordSchema.shape.status,
  method: consentRecordSchema.shape.method,
  scope: consentRecordSchema.shape.scope,
  note: z.optional(multilineText(TEXT_LIMITS.consentNote)),
  /** When it was given or withdrawn, if not now (a form signed last week); never in the future. */
  at: z.optional(isoDateTime),
})
export type ConsentRequest = z.infer<typeof consentRequestSchema>

/** `POST /inboxes`. */
export const createInboxRequestSchema = z.object({ name: singleLineText(TEXT_LIMITS.inboxName) })
export type CreateInboxRequest = z.infer<typeof createInboxRequestSchema>

/** `PATCH /inboxes/:id`: rename, archive (kept for its conversations, offered for no new ones) or restore. */
export const patchInboxRequestSchema = z
  .strictObject({ name: z.optional(singleLineText(TEXT_LIMITS.inboxName)), archived: z.optional(z.boolean()) })
  .check(z.refine((p) => p.name !== undefined || p.archived !== undefined, { message: 'name or archived is required' }))
export type PatchInboxRequest = z.infer<typeof patchInboxRequestSchema>

/** Business hours as staff set them: the schema's shape, plus {@link businessHoursProblems}. */
const checkedBusinessHours = businessHoursSchema.check(
  z.superRefine((hours: BusinessHours, ctx) => {
    for (const problem of businessHoursProblems(hours)) {
      ctx.issues.push({ code: 'custom', input: hours, message: problem.message, path: problem.path.split('.') })
    }
  }),
)

/**
 * `PUT /settings`: the whole settings object, every text within its limit ({@link TEXT_LIMITS}):
 * an auto-reply that is on has a text, the opt-out footer tells how to opt out (STOP), alert
 * recipients are e-mail addresses (each once), business hours are sound in a known time zone.
 */
export const updateSettingsRequestSchema = z.object({
  autoReply: z.object({ enabled: z.boolean(), text: multilineText(TEXT_LIMITS.autoReply) }).check(
    z.refine((a) => !a.enabled || a.text.trim().length > 0, {
      message: 'write the auto-reply, or turn it off',
      path: ['text'],
    }),
  ),
  afterHoursAlert: z
    .object({
      enabled: z.boolean(),
      recipients: z.array(email).check(z.maxLength(TEXT_LIMITS.alertRecipients)),
    })
    .check(
      z.refine((a) => new Set(a.recipients.map((r) => r.toLowerCase())).size === a.recipients.length, {
        message: 'lists an address twice',
        path: ['recipients'],
      }),
      z.refine((a) => !a.enabled || a.recipients.length > 0, {
        message: 'add an address, or turn the alert off',
        path: ['recipients'],
      }),
    ),
  businessHours: checkedBusinessHours,
  optOutFooter: singleLineText(TEXT_LIMITS.optOutFooter).check(
    z.refine((text) => /\bSTOP\b/i.test(text), { message: 'must tell how to opt out, e.g. "Reply STOP to opt out."' }),
  ),
  helpText: multilineText(TEXT_LIMITS.helpText).check(z.trim(), z.minLength(1)),
})
export type UpdateSettingsRequest = z.infer<typeof updateSettingsRequestSchema>

const templateBody = multilineText(MAX_BODY_LENGTH).check(
  z.trim(),
  z.minLength(1),
  z.superRefine((body: string, ctx) => {
    const { unknown, malformed } = templateProblems(body)
    if (unknown.length) {
      const list = unknown.map((v) => `{{${v}}}`).join(', ')
      ctx.issues.push({ code: 'custom', input: body, message: `uses unknown variable(s) ${list}` })
    }
    if (malformed) ctx.issues.push({ code: 'custom', input: body, message: 'has a variable without its closing }}' })
  }),
)

/**
 * `POST /templates`: a message template as staff write it; its `{{variables}}` must be among
 * `TEMPLATE_VARIABLES`, each closed.
 */
export const templateRequestSchema = z.object({
  name: singleLineText(TEXT_LIMITS.templateName),
  category: singleLineText(TEXT_LIMITS.templateCategory),
  body: templateBody,
})
export type TemplateRequest = z.infer<typeof templateRequestSchema>

/** `PATCH /templates/:id`: any of the fields. */
export const patchTemplateRequestSchema = z.partial(z.strictObject(templateRequestSchema.shape))
export type PatchTemplateRequest = z.infer<typeof patchTemplateRequestSchema>

/** `PATCH /attachments/library/:id`: a document's new name (its extension is kept). */
export const renameDocumentRequestSchema = z.strictObject({ name: singleLineText(TEXT_LIMITS.filename) })
export type RenameDocumentRequest = z.infer<typeof renameDocumentRequestSchema>

/** The longest period metrics are counted for, in days. */
export const MAX_METRICS_DAYS = 366

/** `GET /metrics?from&to`: a period of at most {@link MAX_METRICS_DAYS} days. */
export const metricsQuerySchema = z.object({ from: z.iso.datetime(), to: z.iso.datetime() }).check(
  z.refine((r) => r.from <= r.to, { message: 'from must not be after to' }),
  z.refine((r) => Date.parse(r.to) - Date.parse(r.from) <= MAX_METRICS_DAYS * 86_400_000, {
    message: `the period is at most ${MAX_METRICS_DAYS} days`,
  }),
)
export type MetricsQuery = z.infer<typeof metricsQuerySchema>

/** `GET /events?after=SEQ`. */
export const eventsQuerySchema = z.object({ after: z.coerce.number().check(z.int(), z.minimum(0)) })
export type EventsQuery = { after: number | string }

/** `GET /clients?q`. */
export const searchClientsQuerySchema = z.object({ q: z._default(z.string().check(z.maxLength(100)), ''), limit })

/** `GET /clients/:id/messages` query: pages of a client's history older than `before` (a cursor). */
export const clientHistoryQuerySchema = z.object({
  before: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
  limit,
})
export type ClientHistoryQuery = { before?: string; limit?: number | string }

/** `GET /contacts?optedOut=true` · `?blocked=true`: the opted-out or blocked numbers. */
export const listContactsQuerySchema = z.object({
  optedOut: z.optional(z.enum(['true', 'false'])),
  blocked: z.optional(z.enum(['true', 'false'])),
})

/** Longest inbound text accepted from a provider, in characters (carriers join at most 10 segments; this leaves room). */
export const MAX_INBOUND_BODY_LENGTH = 5000

/**
 * One media file of an inbound MMS, as the webhook fetched it from the provider: bytes, never a
 * URL or a size of its own (both are the server's to set); other fields are refused.
 */
export const inboundMediaSchema = z.strictObject({
  /** The provider's filename, if any. */
  name: z.optional(z.string().check(z.maxLength(1000))),
  /** The type the provider declared; the service trusts only what the bytes prove. */
  contentType: z.optional(z.string().check(z.maxLength(255))),
  data: z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'expected the file bytes (Uint8Array)' })
    .check(z.refine((d) => d.byteLength > 0, { message: 'must not be empty' })),
})
export type InboundMedia = z.infer<typeof inboundMediaSchema>

/**
 * A text from a contact as a provider webhook delivers it, after the webhook checked its
 * signature and fetched its media: validated at the service boundary, so a malformed payload is
 * refused whole (`validation_failed`, nothing stored).
 */
export const inboundTextSchema = z.object({
  /** The clinic's SMS number it was sent to. */
  to: z.string().check(z.minLength(1), z.maxLength(40)),
  /** The sender's number. */
  from: z.string().check(z.minLength(1), z.maxLength(40)),
  body: z._default(z.string().check(z.maxLength(MAX_INBOUND_BODY_LENGTH)), ''),
  media: z._default(z.array(inboundMediaSchema).check(z.maxLength(10)), []),
  /** The provider's id, so a webhook delivered twice records one message. */
  providerMessageId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
})
export type InboundText = z.input<typeof inboundTextSchema>

/** A campaign text from the PMS (reminder, confirmation, promotion): who, what, and why. */
export const campaignMessageRequestSchema = z.object({
  phone: z.string().check(z.minLength(1), z.maxLength(40)),
  body: multilineText(MAX_BODY_LENGTH).check(z.trim(), z.minLength(1)),
  campaign: z.object({ id, name: singleLineText(TEXT_LIMITS.templateName) }),
  /** Care and reminders (`transactional`) or promotion (`marketing`, which needs recorded marketing consent). */
  purpose: z.enum(['transactional', 'marketing']),
  clientMessageId: z.optional(clientMessageId),
})
export type CampaignMessageRequest = z.input<typeof campaignMessageRequestSchema>

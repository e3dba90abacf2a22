import * as z from 'zod/mini'
import { consentRecordSchema, settingsSchema } from './entities'
import { type ConversationFilter, conversationFilterSchema } from './filter'

const id = z.string().check(z.minLength(1), z.maxLength(200))
const limit = z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200)))

/** Longest message body accepted, in characters (10 SMS segments of UCS-2 is 670). */
export const MAX_BODY_LENGTH = 1600

/** `GET /conversations` query string. */
export const listConversationsQuerySchema = z.extend(conversationFilterSchema, {
  cursor: z.optional(z.string()),
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

/** `PATCH /conversations/:id`: close/reopen, assign/unassign, move to an inbox. */
export const patchConversationRequestSchema = z
  .object({
    status: z.optional(z.enum(['open', 'closed'])),
    assigneeId: z.optional(z.nullable(id)),
    inboxId: z.optional(z.nullable(id)),
  })
  .check(z.refine((r) => Object.keys(r).length > 0, { message: 'give status, assigneeId or inboxId' }))
export type PatchConversationRequest = z.infer<typeof patchConversationRequestSchema>

const name = z.string().check(z.trim(), z.minLength(1), z.maxLength(100))

/** A new client record from inside the inbox. */
export const newClientSchema = z.object({
  firstName: name,
  lastName: name,
  email: z.optional(z.nullable(z.email())),
})
export type NewClient = z.infer<typeof newClientSchema>

/** `POST /conversations/:id/client`: the number belongs to this client, or to a new one. */
export const assignToClientRequestSchema = z.union([
  z.strictObject({ clientId: id }),
  z.strictObject({ newClient: newClientSchema }),
])
export type AssignToClientRequest = z.infer<typeof assignToClientRequestSchema>

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
  email: z.optional(z.nullable(z.email())),
})
export type CreateClientRequest = z.input<typeof createClientRequestSchema>

/** `PATCH /clients/:id`. */
export const patchClientRequestSchema = z
  .object({
    firstName: z.optional(name),
    lastName: z.optional(name),
    phones: z.optional(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(5))),
    email: z.optional(z.nullable(z.email())),
  })
  .check(z.refine((r) => Object.keys(r).length > 0, { message: 'give at least one field to change' }))
export type PatchClientRequest = z.infer<typeof patchClientRequestSchema>

/** `POST /contacts/:phone/consent`. */
export const consentRequestSchema = z.object({
  status: consentRecordSchema.shape.status,
  method: consentRecordSchema.shape.method,
  scope: consentRecordSchema.shape.scope,
  note: z.optional(z.string().check(z.maxLength(500))),
})
export type ConsentRequest = z.infer<typeof consentRequestSchema>

/** `POST /inboxes`. */
export const createInboxRequestSchema = z.object({ name: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)) })
export type CreateInboxRequest = z.infer<typeof createInboxRequestSchema>

/** `PUT /settings`: the whole settings object. */
export const updateSettingsRequestSchema = settingsSchema
export type UpdateSettingsRequest = z.infer<typeof updateSettingsRequestSchema>

/** `GET /metrics?from&to`. */
export const metricsQuerySchema = z
  .object({ from: z.iso.datetime(), to: z.iso.datetime() })
  .check(z.refine((r) => r.from <= r.to, { message: 'from must not be after to' }))
export type MetricsQuery = z.infer<typeof metricsQuerySchema>

/** `GET /events?after=SEQ`. */
export const eventsQuerySchema = z.object({ after: z.coerce.number().check(z.int(), z.minimum(0)) })
export type EventsQuery = { after: number | string }

/** `GET /clients?q`. */
export const searchClientsQuerySchema = z.object({ q: z._default(z.string().check(z.maxLength(100)), ''), limit })

/** `GET /contacts?optedOut=true`. */
export const listContactsQuerySchema = z.object({ optedOut: z.optional(z.enum(['true', 'false'])) })

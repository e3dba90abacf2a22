import * as z from 'zod/mini'
import {
  clinicSchema,
  conversationSchema,
  limitsSchema,
  messageOriginSchema,
  messageSchema,
  teamMemberSchema,
} from './entities'
import { inboxEventSchema } from './events'

/** A cursor page: `{ items, nextCursor }`, `nextCursor` null on the last page. */
export function pageSchema<T extends z.ZodMiniType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) })
}
export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

/** `GET /me`. */
export const meResponseSchema = z.object({ user: teamMemberSchema, clinic: clinicSchema, limits: limitsSchema })
export type MeResponse = z.infer<typeof meResponseSchema>

/** `POST /conversations`: the conversation (new or the open one), and the first message if one was sent. */
export const startConversationResponseSchema = z.object({
  conversation: conversationSchema,
  created: z.boolean(),
  message: z.nullable(messageSchema),
})
export type StartConversationResponse = z.infer<typeof startConversationResponseSchema>

/** `GET /conversations/:id/messages`: older pages by `before` seq; items oldest first. */
export const messagePageSchema = z.object({
  items: z.array(messageSchema),
  /** Pass as `before` for the next older page; null when the start of the thread is reached. */
  nextBefore: z.nullable(z.number().check(z.int())),
})
export type MessagePage = z.infer<typeof messagePageSchema>

/**
 * `GET /clients/:id/messages`: a client's history across their numbers and conversations (closed
 * ones included), a page at a time; items oldest first within a page.
 */
export const clientHistoryPageSchema = z.object({
  items: z.array(messageSchema),
  /** Pass as `before` for the next older page; null when the first message is reached. */
  nextBefore: z.nullable(z.string()),
})
export type ClientHistoryPage = z.infer<typeof clientHistoryPageSchema>

const counts = z.object({
  sent: z.number(),
  delivered: z.number(),
  failed: z.number(),
  received: z.number(),
})
/** `GET /metrics`: SMS counts for a period, in total and by origin. */
export const metricsSchema = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  totals: counts,
  byOrigin: z.partialRecord(messageOriginSchema, counts),
})
export type Metrics = z.infer<typeof metricsSchema>

/** `GET /events?after=SEQ`. */
export const eventsResponseSchema = z.object({ events: z.array(inboxEventSchema), lastSeq: z.number() })
export type EventsResponse = z.infer<typeof eventsResponseSchema>

/**
 * A reply with the position in the clinic's event log that it reflects: it includes the effect of
 * every event up to `seq` and of none after. A client that has applied events past `seq` replays
 * them onto the reply instead of reading again.
 */
export interface Stamped<T> {
  data: T
  seq: number
}

/** The HTTP response header that carries a reply's {@link Stamped} seq. */
export const SEQ_HEADER = 'switchboard-seq'

import * as z from 'zod/mini'
import { compiledObject } from './compiledObject'
import {
  clinicSchema,
  conversationSchema,
  deliveryErrorSchema,
  limitsSchema,
  messageOriginSchema,
  messageSchema,
  teamMemberSchema,
} from './entities'
import { inboxEventSchema } from './events'

/** A cursor page: `{ items, nextCursor }`, `nextCursor` null on the last page. */
export function pageSchema<T extends z.ZodMiniType>(item: T) {
  return compiledObject({ items: z.array(item), nextCursor: z.nullable(z.string()) })
}
export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

/** `GET /me`. */
export const meResponseSchema = compiledObject({ user: teamMemberSchema, clinic: clinicSchema, limits: limitsSchema })
export type MeResponse = z.infer<typeof meResponseSchema>

/** `POST /conversations`: the conversation (new or the open one), and the first message if one was sent. */
export const startConversationResponseSchema = compiledObject({
  conversation: conversationSchema,
  created: z.boolean(),
  message: z.nullable(messageSchema),
})
export type StartConversationResponse = z.infer<typeof startConversationResponseSchema>

/** `GET /conversations/:id/messages`: older pages by `before` seq; items oldest first. */
export const messagePageSchema = compiledObject({
  items: z.array(messageSchema),
  /** Pass as `before` for the next older page; null when the start of the thread is reached. */
  nextBefore: z.nullable(z.number().check(z.int())),
})
export type MessagePage = z.infer<typeof messagePageSchema>

/**
 * `GET /clients/:id/messages`: a client's history across their numbers and conversations (closed
 * ones included), a page at a time; items oldest first within a page.
 */
export const clientHistoryPageSchema = compiledObject({
  items: z.array(messageSchema),
  /** Pass as `before` for the next older page; null when the first message is reached. */
  nextBefore: z.nullable(z.string()),
})
export type ClientHistoryPage = z.infer<typeof clientHistoryPageSchema>

const n = z.number().check(z.int(), z.minimum(0))
const counts = compiledObject({
  /** Outbound texts handed to the provider; `delivered` and `failed` are what became of them. */
  sent: n,
  delivered: n,
  failed: n,
  received: n,
  /** Billed SMS segments of the texts sent (a text with media counts as one MMS). */
  segmentsSent: n,
  segmentsReceived: n,
})
export type MetricsCounts = z.infer<typeof counts>

/** One calendar day of the clinic (its own time zone), `date` as `YYYY-MM-DD`. */
const dayCounts = z.extend(counts, { date: z.string() })
export type DayCounts = z.infer<typeof dayCounts>

/**
 * `GET /metrics`: SMS counts for a period, in total, by origin (staff, campaign, auto-reply…),
 * per day of the clinic's time zone (every day of the period, quiet ones as zeros) and failures
 * by reason.
 */
export const metricsSchema = compiledObject({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  timezone: z.string(),
  totals: counts,
  byOrigin: z.partialRecord(messageOriginSchema, counts),
  days: z.array(dayCounts),
  failures: z.partialRecord(deliveryErrorSchema.shape.reason, n),
})
export type Metrics = z.infer<typeof metricsSchema>

/** `GET /events?after=SEQ`. */
export const eventsResponseSchema = compiledObject({ events: z.array(inboxEventSchema), lastSeq: z.number() })
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

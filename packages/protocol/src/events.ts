import * as z from 'zod/mini'
import { compiledObject } from './compiledObject'
import { contactSchema, conversationSchema, messageSchema } from './entities'

/** Unread totals of a clinic's inbox: what the badge shows. */
export const unreadTotalsSchema = compiledObject({
  /** Open conversations with unread messages or marked unread. */
  conversations: z.number().check(z.int(), z.minimum(0)),
  /** Unread inbound messages across open conversations. */
  messages: z.number().check(z.int(), z.minimum(0)),
  /** Unread conversations per inbox id (`none` for those in no inbox). */
  byInbox: z.record(z.string(), z.number().check(z.int(), z.minimum(0))),
})
export type UnreadTotals = z.infer<typeof unreadTotalsSchema>

const logged = { seq: z.number().check(z.int(), z.minimum(1)), at: z.iso.datetime() }

/** Every change the service makes, as kept in the event log and pushed over the socket. */
export const inboxEventSchema = z.discriminatedUnion('type', [
  compiledObject({ ...logged, type: z.literal('message.created'), message: messageSchema }),
  compiledObject({ ...logged, type: z.literal('message.updated'), message: messageSchema }),
  compiledObject({ ...logged, type: z.literal('conversation.updated'), conversation: conversationSchema }),
  compiledObject({ ...logged, type: z.literal('conversation.deleted'), conversationId: z.string() }),
  compiledObject({ ...logged, type: z.literal('contact.updated'), contact: contactSchema }),
  compiledObject({ ...logged, type: z.literal('unread.updated'), unread: unreadTotalsSchema }),
])
export type InboxEvent = z.infer<typeof inboxEventSchema>
export type InboxEventType = InboxEvent['type']
/** An event as created inside the service, before the log gives it `seq` and `at`. */
export type NewInboxEvent = InboxEvent extends infer E ? (E extends InboxEvent ? Omit<E, 'seq' | 'at'> : never) : never

/** Someone started or stopped typing in a conversation. Ephemeral: never logged, no `seq`. */
export const typingEventSchema = compiledObject({
  type: z.literal('typing'),
  conversationId: z.string(),
  userId: z.string(),
  name: z.string(),
  typing: z.boolean(),
})
export type TypingEvent = z.infer<typeof typingEventSchema>

/** Someone opened (or left) a conversation. Ephemeral; repeated every 20 s while it stays open. */
export const viewingEventSchema = compiledObject({
  type: z.literal('viewing'),
  conversationId: z.string(),
  userId: z.string(),
  name: z.string(),
  viewing: z.boolean(),
})
export type ViewingEvent = z.infer<typeof viewingEventSchema>

/** What the socket's `event` channel carries. */
export const serverEventSchema = z.union([inboxEventSchema, typingEventSchema, viewingEventSchema])
export type ServerEvent = z.infer<typeof serverEventSchema>

export const EVENT_TYPES = [
  'message.created',
  'message.updated',
  'conversation.updated',
  'conversation.deleted',
  'contact.updated',
  'unread.updated',
  'typing',
  'viewing',
] as const

/** What a client emits on the socket's `typing` channel. */
export const typingRequestSchema = compiledObject({
  conversationId: z.string().check(z.minLength(1)),
  typing: z.boolean(),
})
export type TypingRequest = z.infer<typeof typingRequestSchema>

/** What a client emits on the socket's `viewing` channel. */
export const viewingRequestSchema = compiledObject({
  conversationId: z.string().check(z.minLength(1)),
  viewing: z.boolean(),
})
export type ViewingRequest = z.infer<typeof viewingRequestSchema>

import {
  attachmentSchema,
  type Conversation,
  conversationSchema,
  type Message,
  type MessagePage,
  messageSchema,
  type Page,
  type ServerEvent,
  serverEventSchema,
} from '@switchboard/protocol'
import * as z from 'zod/mini'
import { InboxError } from '../errors'

/** Reads a reply body into what the contract promises, or throws `malformed_response`. */
export type Reader<T> = (body: unknown, what: string) => T

/** Where items left out of a reply are reported (they break the contract; the rest is shown). */
export type ReportMalformed = (error: InboxError) => void

/** Validates a whole reply; one that breaks the contract is `malformed_response`, never a crash later. */
export function validate<S extends z.ZodMiniType>(schema: S, body: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(body)
  if (result.success) return result.data as z.infer<S>
  const first = result.error.issues[0]
  const where = first?.path.length ? ` at ${first.path.join('.')}` : ''
  throw new InboxError('malformed_response', `The server sent an unexpected ${what}${where}.`, {
    retryable: false,
    details: result.error.issues.slice(0, 5),
  })
}

/** A reader that validates the whole reply against `schema`. */
export function strict<S extends z.ZodMiniType>(schema: S): Reader<z.infer<S>> {
  return (body, what) => validate(schema, body, what)
}

/** Whether a value is a plain object (not null, not an array). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Readers that keep what is good in a reply: an item of a list, an attachment of a message or an
 * event of a catch-up that breaks the contract is left out and reported, so one bad message never
 * hides a thread. The envelope itself (a page without `items`) is still refused whole.
 */
export function createReaders(report: ReportMalformed) {
  const dropped = (what: string, issues: readonly z.core.$ZodIssue[]) =>
    report(
      new InboxError(
        'malformed_response',
        `The server sent ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} that breaks the contract; it is not shown.`,
        {
          retryable: false,
          details: issues.slice(0, 3),
        },
      ),
    )

  /** Validates each item on its own, leaving out (and reporting) those that fail. */
  function each<T>(
    schema: z.ZodMiniType<T>,
    items: readonly unknown[],
    what: string,
    prepare = (v: unknown) => v,
  ): T[] {
    const kept: T[] = []
    for (const item of items) {
      const result = schema.safeParse(prepare(item))
      if (result.success) kept.push(result.data as T)
      else dropped(what, result.error.issues)
    }
    return kept
  }

  /** A raw message with only its valid attachments. */
  function withValidAttachments(raw: unknown): unknown {
    if (!isRecord(raw) || !Array.isArray(raw.attachments)) return raw
    return { ...raw, attachments: each(attachmentSchema, raw.attachments, 'attachment') }
  }
  /** A raw event whose message (if any) keeps only its valid attachments. */
  const withValidEventAttachments = (raw: unknown): unknown =>
    isRecord(raw) && 'message' in raw ? { ...raw, message: withValidAttachments(raw.message) } : raw

  /** Reads `{ items: [...], ...rest }`: `rest` strictly, each item on its own. */
  function page<T, R>(
    item: z.ZodMiniType<T>,
    rest: z.ZodMiniType<R>,
    what: string,
    prepare?: (v: unknown) => unknown,
  ): Reader<R & { items: T[] }> {
    const envelope = z.object({ items: z.array(z.unknown()) })
    return (body, reply) => {
      const { items } = validate(envelope, body, reply)
      return { ...validate(rest, body, reply), items: each(item, items, what, prepare) }
    }
  }

  const message: Reader<Message> = (body, what) => validate(messageSchema, withValidAttachments(body), what)
  const list =
    <T>(item: z.ZodMiniType<T>, what: string): Reader<T[]> =>
    (body, reply) =>
      each(item, validate(z.array(z.unknown()), body, reply), what)

  return {
    strict,
    message,
    list,
    page,
    withValidAttachments,
    messagePage: page(
      messageSchema,
      z.object({ nextBefore: z.nullable(z.number().check(z.int())) }),
      'message',
      withValidAttachments,
    ) as Reader<MessagePage>,
    conversationPage: page(
      conversationSchema,
      z.object({ nextCursor: z.nullable(z.string()) }),
      'conversation',
    ) as Reader<Page<Conversation>>,
    each,
    withValidEventAttachments,
    /** A pushed event, or null (reported) when it breaks the contract. */
    event(payload: unknown): ServerEvent | null {
      const [event] = each<ServerEvent>(serverEventSchema, [payload], 'live event', withValidEventAttachments)
      return event ?? null
    },
  }
}

/** The readers of one transport, as made by {@link createReaders}. */
export type Readers = ReturnType<typeof createReaders>

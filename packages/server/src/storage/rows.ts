import {
  type Client,
  type Conversation,
  clientSortKey,
  clientWords,
  type InboxEvent,
  phoneDigits,
} from '@switchboard/protocol'
import {
  type AttachmentRecord,
  billedSegments,
  blankContact,
  type ContactRecord,
  type ConversationRecord,
  type MessageRecord,
  toContact,
} from '@switchboard/service'
import type { Insertable, Kysely } from 'kysely'
import type { Database } from './database'

/** The storage's database handle, or one transaction of it. */
export type Db = Kysely<Database>

/** Reads a JSON column. */
export const parse = <T>(text: string): T => JSON.parse(text) as T
/** Reads the `data` column of rows. */
export const datas = <T>(rows: Array<{ data: string }>): T[] => rows.map((r) => parse<T>(r.data))
/** Reads the `data` column of a row, if any. */
export const data = <T>(row: { data: string } | undefined): T | null => (row ? parse<T>(row.data) : null)
/** A `where` on the clinic's rows: `.where(...inClinic('clinic_id'))`. */
export const scopeTo =
  (clinicId: string) =>
  <T extends 'clinic_id'>(column: T) =>
    [column, '=', clinicId] as const

/** The end of every prefix range: above any character a word can hold (`w >= p AND w < p + MAX`). */
export const PREFIX_END = '\u{10FFFF}'
/** After every digit, so `suffix >= d AND suffix < d + ':'` finds the suffixes starting with `d`. */
export const DIGITS_END = ':'

/** Every suffix of a phone's digits (a digit search is a prefix search on one of them). */
export function phoneSuffixes(phone: string): string[] {
  const digits = phoneDigits(phone)
  return Array.from({ length: digits.length }, (_, i) => digits.slice(i))
}

export const contactRow = (clinicId: string, contact: ContactRecord): Insertable<Database['contacts']> => ({
  clinic_id: clinicId,
  phone: contact.phone,
  client_id: contact.clientId,
  opted_out: contact.optedOut ? 1 : 0,
  blocked: contact.blocked ? 1 : 0,
  data: JSON.stringify(contact),
})

export const clientRow = (clinicId: string, client: Client): Insertable<Database['clients']> => ({
  clinic_id: clinicId,
  id: client.id,
  sort_key: clientSortKey(client),
  data: JSON.stringify(client),
})

/** The rows that find a client: one per distinct word, one per phone. */
export function clientIndexRows(clinicId: string, client: Client) {
  return {
    words: [...new Set(clientWords(client))].map((word) => ({ clinic_id: clinicId, client_id: client.id, word })),
    phones: [...new Set(client.phones)].map((phone) => ({ clinic_id: clinicId, client_id: client.id, phone })),
  }
}

export const conversationRow = (clinicId: string, c: ConversationRecord): Insertable<Database['conversations']> => ({
  clinic_id: clinicId,
  id: c.id,
  phone: c.phone,
  status: c.status,
  inbox_id: c.inboxId,
  assignee_id: c.assigneeId,
  unread_count: c.unreadCount,
  marked_unread: c.markedUnread ? 1 : 0,
  last_activity_at: c.lastActivityAt,
  data: JSON.stringify(c),
})

export const messageRow = (clinicId: string, m: MessageRecord): Insertable<Database['messages']> => ({
  clinic_id: clinicId,
  id: m.id,
  conversation_id: m.conversationId,
  seq: m.seq,
  phone: m.phone,
  client_message_id: m.clientMessageId ?? null,
  provider_message_id: m.providerMessageId,
  created_at: m.createdAt,
  origin: m.origin,
  direction: m.direction,
  status: m.status,
  segments: billedSegments(m),
  failure: m.status === 'failed' ? (m.error?.reason ?? 'unknown') : null,
  data: JSON.stringify(m),
})

export const messageAttachmentRows = (clinicId: string, m: MessageRecord) =>
  [...new Set(m.attachments.map((a) => a.id))].map((attachmentId) => ({
    clinic_id: clinicId,
    message_id: m.id,
    attachment_id: attachmentId,
    conversation_id: m.conversationId,
  }))

export const attachmentRow = (clinicId: string, a: AttachmentRecord): Insertable<Database['attachments']> => ({
  clinic_id: clinicId,
  id: a.id,
  library: a.library ? 1 : 0,
  name: a.name,
  data: JSON.stringify(a),
})

export const eventRow = (clinicId: string, e: InboxEvent): Insertable<Database['events']> => ({
  clinic_id: clinicId,
  seq: e.seq,
  data: JSON.stringify(e),
})

/** A conversation row joined with its contact's and client's rows, as the wire has it. */
export function hydrateConversation(row: {
  data: string
  contact_data: string | null
  client_data: string | null
}): Conversation {
  const { phone, ...record } = parse<ConversationRecord>(row.data)
  const contact = row.contact_data ? parse<ContactRecord>(row.contact_data) : blankContact(phone)
  const client = row.client_data && contact.clientId ? parse<Client>(row.client_data) : null
  return {
    ...record,
    contact: toContact(contact),
    client: client
      ? { id: client.id, firstName: client.firstName, lastName: client.lastName, patients: client.patients }
      : null,
  }
}

/** Inserts rows in chunks small enough for every dialect's limit on bound parameters. */
export async function insertChunked<T extends keyof Database & string>(
  db: Db,
  table: T,
  rows: Array<Insertable<Database[T]>>,
): Promise<void> {
  // SQLite binds at most 32,766 parameters per statement, PostgreSQL 65,535.
  const size = Math.max(1, Math.floor(30_000 / Object.keys(rows[0] ?? { a: 1 }).length))
  for (let i = 0; i < rows.length; i += size) {
    // Kysely cannot relate a table chosen by a type parameter to its row type; the caller's rows are checked above.
    await (db as unknown as Kysely<Record<string, object>>)
      .insertInto(table)
      .values(rows.slice(i, i + size))
      .execute()
  }
}

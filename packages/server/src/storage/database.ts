/**
 * The SQL tables of the inbox, as Kysely sees them. Every row belongs to one clinic (`clinic_id`
 * leads every key and index). `data` holds the whole record as JSON; the other columns copy the
 * fields the queries filter, sort or join on, so one statement answers each storage call in both
 * SQLite and PostgreSQL. Booleans are integers 0/1 and times ISO-8601 text in both dialects.
 */
export interface Database {
  clinics: ClinicsTable
  team: PositionedTable
  inboxes: PositionedTable
  templates: PositionedTable
  contacts: ContactsTable
  clients: ClientsTable
  client_words: ClientWordsTable
  client_phones: ClientPhonesTable
  phone_suffixes: PhoneSuffixesTable
  conversations: ConversationsTable
  messages: MessagesTable
  message_attachments: MessageAttachmentsTable
  attachments: AttachmentsTable
  events: EventsTable
}

export interface ClinicsTable {
  id: string
  sms_number: string
  /** The clinic record, settings and limits (`ClinicRecord`). */
  data: string
  /** The seq of the clinic's last logged event (the log's head). */
  last_seq: number
}

/** Team members, inboxes and templates: listed in the order they were added. */
export interface PositionedTable {
  clinic_id: string
  id: string
  position: number
  data: string
}

export interface ContactsTable {
  clinic_id: string
  phone: string
  client_id: string | null
  opted_out: number
  blocked: number
  data: string
}

export interface ClientsTable {
  clinic_id: string
  id: string
  /** The search order: folded last name, first name (see `clientSortKey`). */
  sort_key: string
  data: string
}

/** The words a client is found by (names and patients' names, folded): one row per word. */
export interface ClientWordsTable {
  clinic_id: string
  client_id: string
  word: string
}

export interface ClientPhonesTable {
  clinic_id: string
  client_id: string
  phone: string
}

/**
 * Every suffix of every known phone's digits: "digits anywhere in the number" becomes a prefix
 * match on a suffix, which a B-tree index answers in both dialects.
 */
export interface PhoneSuffixesTable {
  clinic_id: string
  phone: string
  suffix: string
}

export interface ConversationsTable {
  clinic_id: string
  id: string
  phone: string
  status: string
  inbox_id: string | null
  assignee_id: string | null
  unread_count: number
  marked_unread: number
  last_activity_at: string
  data: string
}

export interface MessagesTable {
  clinic_id: string
  id: string
  conversation_id: string
  seq: number
  phone: string
  client_message_id: string | null
  provider_message_id: string | null
  created_at: string
  origin: string
  direction: string
  status: string
  /** Billed segments (`billedSegments`), for metrics. */
  segments: number
  /** A failed text's reason, for metrics; null otherwise. */
  failure: string | null
  data: string
}

/** Which message carries which attachment (a file used in two conversations is kept for both). */
export interface MessageAttachmentsTable {
  clinic_id: string
  message_id: string
  attachment_id: string
  conversation_id: string
}

export interface AttachmentsTable {
  clinic_id: string
  id: string
  library: number
  name: string
  data: string
}

export interface EventsTable {
  clinic_id: string
  seq: number
  data: string
}

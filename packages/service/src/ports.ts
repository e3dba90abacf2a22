import type {
  Attachment,
  Client,
  Clinic,
  Contact,
  Conversation,
  ConversationFilter,
  ConversationSortKey,
  DeliveryError,
  Inbox,
  InboxEvent,
  Limits,
  Message,
  MessageDirection,
  MessageOrigin,
  MessagePreview,
  MessageStatus,
  NewInboxEvent,
  OptOutRequest,
  Settings,
  TeamMember,
  Template,
  UnreadTotals,
  Viewer,
} from '@switchboard/protocol'

type DeliveryReason = DeliveryError['reason']

/** A clinic with its settings and the limits it states to clients. */
export interface ClinicRecord {
  clinic: Clinic
  settings: Settings
  limits: Limits
}

/** A contact as stored: the wire fields plus what the SMS rules remember about it. */
export interface ContactRecord extends Contact {
  /** When the opt-out footer was first sent (it goes only on the first outbound message). */
  footerSentAt: string | null
  /** The closed period (named by its start) in which the contact last got after-hours handling: one auto-reply and one alert per period. */
  afterHoursPeriod: string | null
}

/** A number the clinic knows nothing about yet: no client, consent, opt-out or block. */
export function blankContact(phone: string): ContactRecord {
  return {
    phone,
    clientId: null,
    optedOut: null,
    blocked: false,
    consent: [],
    footerSentAt: null,
    afterHoursPeriod: null,
  }
}

/** A contact as handed out: the stored record without what only the SMS rules remember. */
export function toContact({ footerSentAt: _f, afterHoursPeriod: _a, ...contact }: ContactRecord): Contact {
  return contact
}

/** A conversation as stored: contact and client are joined in when read. */
export interface ConversationRecord {
  id: string
  phone: string
  status: 'open' | 'closed'
  inboxId: string | null
  assigneeId: string | null
  unreadCount: number
  markedUnread: boolean
  lastMessage: MessagePreview | null
  lastActivityAt: string
  createdAt: string
  closedAt: string | null
  /** A text that reads as an opt-out in other words, for staff to record or dismiss. */
  optOutRequest: OptOutRequest | null
}

/** A message as stored: the wire fields plus the contact's phone and the provider's id. */
export interface MessageRecord extends Message {
  phone: string
  providerMessageId: string | null
  /** The opt-out footer was added to this text; once it is delivered the contact has seen it. */
  carriesFooter: boolean
}

/** An uploaded file; `library` ones are the clinic's reusable documents. */
export interface AttachmentRecord extends Attachment {
  library: boolean
  conversationId: string | null
  createdAt: string
}

/** How finely metrics rows cut time: a clinic's day starts on the hour, on the half hour (India, Newfoundland) or on a quarter (Nepal). */
export type CountBucket = 'hour' | 'tenMinutes' | 'minute'

/** The length of an ISO timestamp cut to a {@link CountBucket}: `2026-11-30T18`, `…T18:1`, `…T18:15`. */
export const BUCKET_LENGTH: Readonly<Record<CountBucket, number>> = { hour: 13, tenMinutes: 15, minute: 16 }

/** Rows for metrics: how many messages of a kind were created in one time bucket of a period. */
export interface MessageCountRow {
  origin: MessageOrigin
  direction: MessageDirection
  status: MessageStatus
  /** Why a failed text failed; null for every other message. */
  reason: DeliveryReason | null
  /** The creation time cut to the bucket's length ({@link BUCKET_LENGTH}). */
  bucket: string
  count: number
  /** Their billed segments ({@link billedSegments}), summed. */
  segments: number
}

/**
 * Everything the service reads and writes, scoped to one clinic and one transaction. A SQL
 * store answers each call with one or two statements; every call may be awaited.
 */
export interface StorageTx {
  clinic(): Promise<ClinicRecord>
  /** Replaces the settings; the clinic's `timezone` follows its business hours'. */
  putSettings(settings: Settings): Promise<void>

  listTeam(): Promise<TeamMember[]>
  getMember(id: string): Promise<TeamMember | null>
  listInboxes(): Promise<Inbox[]>
  /** Adds an inbox (last in order) or replaces one in place. */
  putInbox(inbox: Inbox): Promise<void>
  listTemplates(): Promise<Template[]>
  /** Adds a template (last in order) or replaces one in place. */
  putTemplate(template: Template): Promise<void>
  deleteTemplate(id: string): Promise<void>

  getContact(phone: string): Promise<ContactRecord | null>
  putContact(contact: ContactRecord): Promise<void>
  listContacts(query: { optedOut?: boolean; blocked?: boolean }): Promise<ContactRecord[]>

  getClient(id: string): Promise<Client | null>
  findClientByPhone(phone: string): Promise<Client | null>
  searchClients(q: string, limit: number): Promise<Client[]>
  putClient(client: Client): Promise<void>

  /** A conversation with its contact and client joined in. */
  getConversation(id: string): Promise<Conversation | null>
  getConversationRecord(id: string): Promise<ConversationRecord | null>
  findConversationByPhone(phone: string): Promise<ConversationRecord | null>
  /** Matching conversations in list order, strictly after `after` when given. */
  listConversations(
    filter: ConversationFilter,
    viewer: Viewer,
    after: ConversationSortKey | null,
    limit: number,
  ): Promise<Conversation[]>
  putConversation(conversation: ConversationRecord): Promise<void>
  /** Removes the conversation and its messages (the service removes files no longer used). */
  deleteConversation(id: string): Promise<void>
  unreadTotals(): Promise<UnreadTotals>

  nextMessageSeq(conversationId: string): Promise<number>
  insertMessage(message: MessageRecord): Promise<void>
  updateMessage(message: MessageRecord): Promise<void>
  getMessage(id: string): Promise<MessageRecord | null>
  getMessageByClientMessageId(clientMessageId: string): Promise<MessageRecord | null>
  getMessageByProviderId(providerMessageId: string): Promise<MessageRecord | null>
  /** Up to `limit` messages with seq below `before` (all when null), oldest first. */
  listMessages(conversationId: string, before: number | null, limit: number): Promise<MessageRecord[]>
  /**
   * The newest `limit` messages to or from any of `phones` that come before `before` (by
   * created time, then id; all when null), oldest first.
   */
  listMessagesByPhones(
    phones: readonly string[],
    before: { createdAt: string; id: string } | null,
    limit: number,
  ): Promise<MessageRecord[]>
  /**
   * Outbound messages the provider may not have: `queued`, or `sending` without a provider id
   * (the server stopped during the hand-off). Oldest first (created, then id), up to `limit`.
   */
  listUndispatched(limit: number): Promise<MessageRecord[]>
  /** Messages created in `[from, to)`, counted by kind and time bucket. */
  countMessages(from: string, to: string, bucket: CountBucket): Promise<MessageCountRow[]>

  getAttachment(id: string): Promise<AttachmentRecord | null>
  putAttachment(attachment: AttachmentRecord): Promise<void>
  deleteAttachment(id: string): Promise<void>
  /** The clinic's library documents, in any order (the service sorts them for display). */
  listLibrary(): Promise<AttachmentRecord[]>
  /** Which of `ids` a message outside `exceptConversationId` still carries. */
  attachmentsInUse(ids: readonly string[], exceptConversationId: string): Promise<Set<string>>

  /** Gives each event the next clinic-wide `seq` and the time, and keeps it in the log. */
  appendEvents(events: readonly NewInboxEvent[], at: string): Promise<InboxEvent[]>
  /** The seq of the clinic's last logged event (0 when none): the position a read reflects. */
  lastSeq(): Promise<number>
  /** Events after `seq`, or `expired` when some of them are no longer kept. */
  eventsAfter(seq: number, limit: number): Promise<{ events: InboxEvent[]; expired: boolean; lastSeq: number }>
}

/** The storage behind the service: clinic-scoped transactions that commit whole or not at all. */
export interface Storage {
  /** Runs `fn` in one transaction of `clinicId`; rejects with `not_found` for an unknown clinic. */
  transaction<T>(clinicId: string, fn: (tx: StorageTx) => Promise<T>): Promise<T>
  /** Which clinic owns an SMS number (E.164), for provider webhooks. */
  clinicIdForNumber(smsNumber: string): Promise<string | null>
}

/** Sends e-mail (after-hours alerts). `subject` is always one line (no CR or LF reaches a header). */
export interface Mailer {
  send(mail: { to: string[]; subject: string; text: string }): Promise<void>
}

/** Hands outbound texts to an SMS provider. */
export interface SmsGateway {
  /**
   * Hands a text to the provider. `messageId` is the service's id of the message: a provider
   * whose status reports can arrive before this call returns should carry it back in them (see
   * `DeliveryStatusReport.messageId`).
   */
  send(sms: {
    from: string
    to: string
    body: string
    mediaUrls: string[]
    messageId?: string
  }): Promise<{ providerMessageId: string }>
}

/** Keeps uploaded bytes of one clinic and says where they can be fetched. */
export interface FileStore {
  put(file: {
    id: string
    clinicId: string
    name: string
    contentType: string
    data: Uint8Array
  }): Promise<{ url: string; thumbnailUrl?: string }>
  delete(id: string): Promise<void>
}

/**
 * Turns a stored file's URL into one a browser may fetch for a while: signed, expiring, scoped
 * to the clinic. Every attachment URL the service hands out goes through it.
 */
export interface FileUrlSigner {
  sign(url: string, file: { clinicId: string; fileId: string }, now: Date): string
}

/** One clinic's rows as the seed generator produces them and a storage loads them. */
export interface ClinicSeed {
  record: ClinicRecord
  team: TeamMember[]
  inboxes: Inbox[]
  templates: Template[]
  contacts: ContactRecord[]
  clients: Client[]
  conversations: ConversationRecord[]
  messages: MessageRecord[]
  attachments: AttachmentRecord[]
}

import type {
  AssignToClientRequest,
  Attachment,
  Client,
  ConsentRequest,
  Contact,
  Conversation,
  CreateClientRequest,
  Inbox,
  MeResponse,
  Message,
  PatchClientRequest,
  PatchInboxRequest,
  PatchTemplateRequest,
  Settings,
  StartConversationResponse,
  Template,
  TemplateRequest,
} from '@switchboard/protocol'
import type { QueryClient } from '@tanstack/query-core'
import type { InboxError } from './errors'
import type { RetryOptions } from './outbox/backoff'
import type { OutboxEntry } from './outbox/outboxEntry'
import type { StorageAdapter } from './outbox/storageAdapter'
import type { InboxQueries } from './queries'
import type { InboxStore } from './store'
import type { Transport, UploadOptions } from './transport/Transport'

/** Options of `createInboxClient`. */
export interface InboxClientOptions {
  transport: Transport
  /** The host's QueryClient, to share one cache; a new one otherwise. */
  queryClient?: QueryClient
  /** Where the outbox and drafts persist. Default: localStorage in browsers, memory elsewhere. */
  storage?: StorageAdapter
  /** Prefix of the persisted keys; give each signed-in user their own. Default `switchboard`. */
  storageKey?: string
  /** Outbox retry delays. */
  retry?: RetryOptions
  /** Makes client message ids. Default `crypto.randomUUID()`. */
  newId?: () => string
  /** Receives errors nobody awaits (a malformed pushed event, a failed catch-up, a failed auto mark-read). */
  onError?: (error: InboxError) => void
  /** Open the realtime channel on `connect()`. Default true; false keeps the client on HTTP only. */
  realtime?: boolean
  /** Conversations per list page (1–100). Default: the server's (30 on the reference server). */
  pageSize?: number
}

/**
 * What staff can do. Every action shows its effect at once, places the server's answer, and on a
 * refusal shows the server's state again and rejects with a typed `InboxError`.
 */
export interface InboxActions {
  /**
   * Sends a message: it shows in the thread at once (as pending), goes out when its turn comes,
   * is retried while retrying makes sense, and survives a reload. Returns its outbox entry.
   */
  send(conversationId: string, message: { body?: string; attachments?: Attachment[] }): OutboxEntry
  /** Sends a failed message again. */
  retry(clientMessageId: string): void
  /**
   * Sends a text the carrier failed once more where that can help (the phone was off, a
   * filter; see `canSendAgain`); never to a landline or an opted-out number.
   */
  resend(conversationId: string, messageId: string): Promise<Message>
  /** Drops a failed or waiting message. */
  discard(clientMessageId: string): void
  /** Starts (or finds) the conversation with a client or any valid number, optionally with a first message. */
  startConversation(target: { clientId: string } | { phone: string }, body?: string): Promise<StartConversationResponse>
  /**
   * Uploads a file for a message, refusing at once what the clinic's limits refuse (type, size,
   * the message's total with `already` bytes). Progress and cancel through `options`.
   */
  upload(file: Blob & { name?: string }, options?: UploadOptions & { already?: number }): Promise<Attachment>
  /** Tells other staff this user is typing (sent at most every 3 s) or stopped. */
  setTyping(conversationId: string, typing: boolean): void
  /** Closes a conversation (kept in history; a new text reopens it). */
  close(id: string): Promise<Conversation>
  reopen(id: string): Promise<Conversation>
  /** Marks read: one request; the row and the badge change at once. */
  markRead(id: string): Promise<Conversation>
  markUnread(id: string): Promise<Conversation>
  /** Assigns to a team member, or unassigns with `null`. */
  assign(id: string, memberId: string | null): Promise<Conversation>
  /** Moves to an inbox, or out of every inbox with `null`. */
  moveToInbox(id: string, inboxId: string | null): Promise<Conversation>
  /** Staff judged a "possible opt-out" text is not one: the flag goes (the text stays). */
  dismissOptOutRequest(id: string): Promise<Conversation>
  /** Creates a client record (`clients.edit`); cached client searches find it at once. */
  createClient(request: CreateClientRequest): Promise<Client>
  /**
   * Edits a client record (`clients.edit`): the new name shows at once on the record and on every
   * conversation with them; back as it was, with a typed error, if the server refuses.
   */
  updateClient(id: string, patch: PatchClientRequest): Promise<Client>
  /** Assigns the number to an existing client or a new one. */
  assignToClient(id: string, request: AssignToClientRequest): Promise<Conversation>
  /** Deletes for good: gone from every list at once, back if the server refuses. */
  remove(id: string): Promise<void>
  /** Blocks a number: nothing is sent to it and its texts open nothing. */
  block(phone: string): Promise<Contact>
  unblock(phone: string): Promise<Contact>
  /** Records consent given or withdrawn outside SMS; shown on the contact at once. */
  recordConsent(phone: string, request: ConsentRequest): Promise<Contact>
  /** Records a conversation's "possible opt-out" text as the contact's opt-out. */
  recordOptOut(conversationId: string): Promise<Contact>
  /** Creates an inbox (`messaging.manageInboxes`); it joins the cached inbox list at once. */
  createInbox(name: string): Promise<Inbox>
  /**
   * Renames an inbox, archives it (`{ archived: true }`: it keeps its conversations and takes no
   * new ones) or restores it (`messaging.manageInboxes`); the cached list changes at once.
   */
  updateInbox(id: string, patch: PatchInboxRequest): Promise<Inbox>
  /** Saves the settings (`messaging.settings`); the cached copy changes at once. */
  updateSettings(settings: Settings): Promise<Settings>
  /** Adds a message template (`messaging.settings`); its `{{variables}}` must be known. */
  createTemplate(request: TemplateRequest): Promise<Template>
  /** Edits a template; the cached list changes at once. */
  updateTemplate(id: string, patch: PatchTemplateRequest): Promise<Template>
  /** Deletes a template; gone from the cached list at once, back if the server refuses. */
  deleteTemplate(id: string): Promise<void>
  /** Uploads a document to the clinic's library (`messaging.settings`), within the clinic's limits. */
  addDocument(file: Blob & { name?: string }, options?: Omit<UploadOptions, 'library'>): Promise<Attachment>
  /** Renames a library document; its extension is kept. */
  renameDocument(id: string, name: string): Promise<Attachment>
  /** Takes a document out of the library; texts that carried it keep it. */
  removeDocument(id: string): Promise<void>
  /**
   * The conversation this user has on screen (`null` when none): other staff see it, and it is
   * read — when opened if unread, and each text arriving in it while the page is visible.
   */
  setViewing(conversationId: string | null): void
}

/** The headless inbox client, as made by `createInboxClient`. */
export interface InboxClient {
  /** The TanStack Query cache holding server state (the host's when it passed one). */
  readonly queryClient: QueryClient
  /** UI state: filter, selection, drafts, outbox, connection, presence. */
  readonly store: InboxStore
  /** Query options per kind of server data, for `useQuery` / `fetchQuery`. */
  readonly queries: InboxQueries
  /** The backend, as given (watched for expired sessions). */
  readonly transport: Transport
  readonly actions: InboxActions
  /** The persisted outbox: `flushed()` resolves once every change is stored (for shutdown). */
  readonly outbox: { flushed(): Promise<void> }
  /**
   * Whether an attachment link may be rendered: http(s) only, from the backend's own origins
   * (`transport.fileOrigins`). A `data:`, `javascript:` or foreign link is never put in the page.
   *
   * @example
   * client.isFileUrlAllowed('/api/files/att_1?sig=…') // true
   * client.isFileUrlAllowed('javascript:alert(1)') // false
   */
  isFileUrlAllowed(url: string): boolean
  /**
   * Loads who the user is, then opens the realtime channel and catches up from what the cache
   * already reflects. Rejects with `forbidden` for a user without the `messaging` permission.
   * Counted: each `connect()` holds the channel open until its own `disconnect()`, so several
   * parts of a page (a badge, the inbox) can share one client. `InboxProvider` does it for you.
   */
  connect(): Promise<MeResponse>
  /** Releases one `connect()`; the realtime channel closes when none is left. Queued messages keep trying over HTTP. */
  disconnect(): void
  /** Catches up with the server's event log now. */
  sync(): Promise<void>
  /** Stops everything: realtime, outbox timers, persistence. */
  destroy(): void
}

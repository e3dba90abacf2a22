import type {
  AssignToClientRequest,
  Attachment,
  Client,
  ClientHistoryPage,
  ConsentRequest,
  Contact,
  Conversation,
  CreateClientRequest,
  EventsResponse,
  Inbox,
  ListConversationsQuery,
  MeResponse,
  Message,
  MessagePage,
  Metrics,
  Page,
  PatchClientRequest,
  PatchConversationRequest,
  PatchInboxRequest,
  PatchTemplateRequest,
  SendMessageRequest,
  ServerEvent,
  Settings,
  Stamped,
  StartConversationRequest,
  StartConversationResponse,
  TeamMember,
  Template,
  TemplateRequest,
  UnreadTotals,
} from '@switchboard/protocol'
import type { InboxError } from '../errors'

/** The state of the realtime connection. */
export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'disconnected'

/** What a transport reports from its realtime channel. */
export interface RealtimeHandlers {
  /** A server event, validated. */
  onEvent(event: ServerEvent): void
  /** The connection changed; `error` says why it dropped or was refused. */
  onStatus(status: ConnectionStatus, error?: InboxError): void
  /** A pushed payload broke the contract and was dropped. */
  onError?(error: InboxError): void
}

/** A file to upload, with progress and cancel. */
export interface UploadOptions {
  onProgress?: (loaded: number, total: number) => void
  signal?: AbortSignal
  /** Keep it in the clinic's document library. */
  library?: boolean
}

/**
 * Everything the client needs from a backend. Replies about inbox state (conversations, messages,
 * contacts, unread totals) are {@link Stamped} with the event-log seq they reflect, so the client
 * merges them with the events it has applied instead of reading again. `createHttpTransport` speaks the HTTP + socket.io
 * contract; a vendor with another backend implements this interface and proves it with the
 * conformance suite in `@switchboard/core/testing`. Every method rejects with an `InboxError`.
 */
export interface Transport {
  /**
   * Origins that serve this backend's files. Attachment links from anywhere else (or not http(s))
   * are never rendered. Default: the page's own origin.
   */
  readonly fileOrigins?: readonly string[]
  me(): Promise<MeResponse>
  listConversations(query: ListConversationsQuery): Promise<Stamped<Page<Conversation>>>
  getConversation(id: string): Promise<Stamped<Conversation>>
  startConversation(request: StartConversationRequest): Promise<Stamped<StartConversationResponse>>
  updateConversation(id: string, patch: PatchConversationRequest): Promise<Stamped<Conversation>>
  deleteConversation(id: string): Promise<Stamped<void>>
  markRead(id: string): Promise<Stamped<Conversation>>
  markUnread(id: string): Promise<Stamped<Conversation>>
  assignToClient(id: string, request: AssignToClientRequest): Promise<Stamped<Conversation>>
  listMessages(conversationId: string, query?: { before?: number; limit?: number }): Promise<Stamped<MessagePage>>
  sendMessage(conversationId: string, request: SendMessageRequest): Promise<Message>
  /** Sends a failed text again (a carrier failure where that can help); idempotent on `clientMessageId`. */
  resendMessage(conversationId: string, messageId: string, request: { clientMessageId: string }): Promise<Message>
  uploadAttachment(file: Blob & { name?: string }, options?: UploadOptions): Promise<Attachment>
  listLibrary(): Promise<Attachment[]>
  /** Renames a library document (`messaging.settings`); its extension is kept. */
  renameDocument(id: string, name: string): Promise<Attachment>
  /** Takes a document out of the library (`messaging.settings`); texts that carried it keep it. */
  removeDocument(id: string): Promise<void>
  searchClients(q: string): Promise<Client[]>
  getClient(id: string): Promise<Client>
  createClient(request: CreateClientRequest): Promise<Client>
  updateClient(id: string, patch: PatchClientRequest): Promise<Client>
  /** A client's history across their numbers, closed conversations included: a page older than `before`. */
  clientMessages(clientId: string, query?: { before?: string; limit?: number }): Promise<ClientHistoryPage>
  block(phone: string): Promise<Stamped<Contact>>
  unblock(phone: string): Promise<Stamped<Contact>>
  /** The opted-out (`optedOut: true`) or blocked (`blocked: true`) numbers. */
  listContacts(query?: { optedOut?: boolean; blocked?: boolean }): Promise<Stamped<Contact[]>>
  recordConsent(phone: string, request: ConsentRequest): Promise<Stamped<Contact>>
  listInboxes(): Promise<Inbox[]>
  createInbox(name: string): Promise<Inbox>
  /** Renames, archives or restores an inbox (`messaging.manageInboxes`). */
  updateInbox(id: string, patch: PatchInboxRequest): Promise<Inbox>
  listTeam(): Promise<TeamMember[]>
  listTemplates(): Promise<Template[]>
  /** Adds a template (`messaging.settings`); its variables must be known. */
  createTemplate(request: TemplateRequest): Promise<Template>
  updateTemplate(id: string, patch: PatchTemplateRequest): Promise<Template>
  deleteTemplate(id: string): Promise<void>
  unread(): Promise<Stamped<UnreadTotals>>
  getSettings(): Promise<Settings>
  updateSettings(settings: Settings): Promise<Settings>
  metrics(query: { from: string; to: string }): Promise<Metrics>
  /** Events after `seq`; rejects with `events_expired` when they are no longer kept. */
  eventsAfter(seq: number): Promise<EventsResponse>
  /** Opens the realtime channel; returns a function that closes it. */
  connect(handlers: RealtimeHandlers): () => void
  /** Tells the other staff this user is (or stopped) typing. Best effort. */
  sendTyping(conversationId: string, typing: boolean): void
  /** Tells the other staff this user has a conversation open (or left it). Best effort. */
  sendViewing(conversationId: string, viewing: boolean): void
}

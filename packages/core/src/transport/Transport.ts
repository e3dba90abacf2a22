import type {
  AssignToClientRequest,
  Attachment,
  Client,
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
  SendMessageRequest,
  ServerEvent,
  Settings,
  StartConversationRequest,
  StartConversationResponse,
  TeamMember,
  Template,
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
 * Everything the client needs from a backend. `createHttpTransport` speaks the HTTP + socket.io
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
  listConversations(query: ListConversationsQuery): Promise<Page<Conversation>>
  getConversation(id: string): Promise<Conversation>
  startConversation(request: StartConversationRequest): Promise<StartConversationResponse>
  updateConversation(id: string, patch: PatchConversationRequest): Promise<Conversation>
  deleteConversation(id: string): Promise<void>
  markRead(id: string): Promise<Conversation>
  markUnread(id: string): Promise<Conversation>
  assignToClient(id: string, request: AssignToClientRequest): Promise<Conversation>
  listMessages(conversationId: string, query?: { before?: number; limit?: number }): Promise<MessagePage>
  sendMessage(conversationId: string, request: SendMessageRequest): Promise<Message>
  uploadAttachment(file: Blob & { name?: string }, options?: UploadOptions): Promise<Attachment>
  listLibrary(): Promise<Attachment[]>
  searchClients(q: string): Promise<Client[]>
  getClient(id: string): Promise<Client>
  createClient(request: CreateClientRequest): Promise<Client>
  updateClient(id: string, patch: PatchClientRequest): Promise<Client>
  clientMessages(clientId: string): Promise<Message[]>
  block(phone: string): Promise<Contact>
  unblock(phone: string): Promise<Contact>
  listContacts(query?: { optedOut?: boolean }): Promise<Contact[]>
  recordConsent(phone: string, request: ConsentRequest): Promise<Contact>
  listInboxes(): Promise<Inbox[]>
  createInbox(name: string): Promise<Inbox>
  listTeam(): Promise<TeamMember[]>
  listTemplates(): Promise<Template[]>
  unread(): Promise<UnreadTotals>
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

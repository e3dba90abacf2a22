// The public API of @switchboard/core. Cache internals stay inside; test helpers live in
// `@switchboard/core/testing`.

/**
 * The SMS rules (segments, phones, templates, quiet hours) are the wire contract's, shared with
 * the service that enforces them; re-exported here.
 */
export type {
  MessagePurpose,
  QuietHoursCheck,
  RenderedTemplate,
  SegmentInfo,
  SendingHours,
  TemplateContext,
} from '@switchboard/protocol'
export {
  checkQuietHours,
  countSegments,
  formatMoney,
  formatPhone,
  MARKETING_HOURS_BY_REGION,
  normalizePhone,
  parsePhone,
  phoneProblem,
  renderTemplate,
  SENDING_HOURS,
  templateContext,
  templateVariables,
} from '@switchboard/protocol'
export type { ConversationListData, ConversationPage } from './cache/conversationLists'
export { inboxKeys } from './cache/keys'
export type { ThreadData } from './cache/threads'
export { flattenThread } from './cache/threads'
export { createInboxClient } from './createInboxClient'
export type { ClientErrorCode, InboxErrorCode } from './errors'
export { InboxError, isInboxError, isRetryable, toInboxError } from './errors'
export type { InboxActions, InboxClient, InboxClientOptions } from './InboxClient'
export type { RetryOptions } from './outbox/backoff'
export type { OutboxEntry } from './outbox/outboxEntry'
export type { StorageAdapter } from './outbox/storageAdapter'
export { defaultStorageAdapter, memoryStorageAdapter } from './outbox/storageAdapter'
export { activePresence, TYPING_TTL, VIEWING_HEARTBEAT, VIEWING_TTL } from './presence'
export type { InboxInfiniteQueryOptions, InboxQueries, InboxQueryOptions } from './queries'
export type { InboxState, InboxStateActions, InboxStore, TypingPresence, ViewingPresence } from './store'
export type { ThreadItem } from './thread'
export { mergeThread } from './thread'
export type { HttpTransportOptions } from './transport/createHttpTransport'
export { createHttpTransport } from './transport/createHttpTransport'
export type { GetToken } from './transport/httpRequest'
export type { IoFactory, SocketLike, SocketOptions } from './transport/socket'
export type { ConnectionStatus, RealtimeHandlers, Transport, UploadOptions } from './transport/Transport'

export type {
  Attachment,
  BusinessHours,
  Client,
  ClientSummary,
  Clinic,
  ConsentRecord,
  Contact,
  Conversation,
  DayHours,
  DeliveryError,
  Inbox,
  Limits,
  Message,
  MessageDirection,
  MessageOrigin,
  MessagePreview,
  MessageStatus,
  Money,
  Patient,
  Permission,
  Settings,
  TeamMember,
  Template,
} from './entities'
export {
  attachmentSchema,
  businessHoursSchema,
  clientSchema,
  clientSummarySchema,
  clinicSchema,
  consentRecordSchema,
  contactSchema,
  conversationSchema,
  dayHoursSchema,
  deliveryErrorSchema,
  inboxSchema,
  isoDateTime,
  limitsSchema,
  MESSAGE_STATUSES,
  messageOriginSchema,
  messagePreviewSchema,
  messageSchema,
  messageStatusSchema,
  moneySchema,
  PERMISSIONS,
  patientSchema,
  permissionSchema,
  settingsSchema,
  teamMemberSchema,
  templateSchema,
} from './entities'
export type { ErrorBody, ErrorCode } from './errors'
export { ERROR_CODES, ERROR_STATUS, errorBodySchema, isSwitchboardError, SwitchboardError } from './errors'
export type {
  InboxEvent,
  InboxEventType,
  NewInboxEvent,
  ServerEvent,
  TypingEvent,
  TypingRequest,
  UnreadTotals,
} from './events'
export {
  EVENT_TYPES,
  inboxEventSchema,
  serverEventSchema,
  typingEventSchema,
  typingRequestSchema,
  unreadTotalsSchema,
} from './events'
export type { ConversationFilter, Viewer } from './filter'
export {
  CONTACT_TYPE_FILTERS,
  CONVERSATION_STATUS_FILTERS,
  conversationFilterSchema,
  DEFAULT_CONVERSATION_FILTER,
  foldText,
  isPhoneQuery,
  isUnread,
  matchesFilter,
  matchesSearch,
  normalizeFilter,
} from './filter'
export type { ConversationSortKey, MessageSortKey } from './ordering'
export { compareConversations, compareMessages, sortConversations, sortMessages } from './ordering'
export type { PhoneParseResult } from './phone'
export { normalizePhone, parsePhone, phoneDigits } from './phone'
export type {
  AssignToClientRequest,
  ConsentRequest,
  CreateClientRequest,
  CreateInboxRequest,
  EventsQuery,
  ListConversationsQuery,
  ListMessagesQuery,
  MetricsQuery,
  NewClient,
  PatchClientRequest,
  PatchConversationRequest,
  SendMessageRequest,
  StartConversationRequest,
  UpdateSettingsRequest,
} from './requests'
export {
  assignToClientRequestSchema,
  consentRequestSchema,
  createClientRequestSchema,
  createInboxRequestSchema,
  eventsQuerySchema,
  listContactsQuerySchema,
  listConversationsQuerySchema,
  listMessagesQuerySchema,
  MAX_BODY_LENGTH,
  metricsQuerySchema,
  newClientSchema,
  patchClientRequestSchema,
  patchConversationRequestSchema,
  searchClientsQuerySchema,
  sendMessageRequestSchema,
  startConversationRequestSchema,
  updateSettingsRequestSchema,
} from './requests'
export type { EventsResponse, MeResponse, MessagePage, Metrics, Page, StartConversationResponse } from './responses'
export {
  eventsResponseSchema,
  meResponseSchema,
  messagePageSchema,
  metricsSchema,
  pageSchema,
  startConversationResponseSchema,
} from './responses'
export type { ValidationIssue } from './validate'
export { describeIssues, parseOrThrow } from './validate'

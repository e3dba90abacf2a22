export type { AttachmentRefusal } from './attachmentRules'
export { attachmentRefusal, mediaTotalRefusal } from './attachmentRules'
export type { AfterHoursPreview, BusinessHoursProblem } from './businessHours'
export {
  afterHoursPreview,
  businessHoursProblems,
  closedPeriodId,
  isKnownTimeZone,
  isOpenAt,
  nextOpening,
} from './businessHours'
export type {
  Attachment,
  BusinessHours,
  Client,
  ClientSummary,
  Clinic,
  ConsentRecord,
  Contact,
  Conversation,
  DeliveryError,
  Holiday,
  Inbox,
  Limits,
  Message,
  MessageDirection,
  MessageOrigin,
  MessagePreview,
  MessageStatus,
  Money,
  OptOutRequest,
  Patient,
  Permission,
  Settings,
  TeamMember,
  Template,
  TimeRange,
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
  deliveryErrorSchema,
  holidaySchema,
  inboxSchema,
  isoDateTime,
  limitsSchema,
  MESSAGE_STATUSES,
  messageOriginSchema,
  messagePreview,
  messagePreviewSchema,
  messageSchema,
  messageStatusSchema,
  moneySchema,
  optOutRequestSchema,
  PERMISSIONS,
  patientSchema,
  permissionSchema,
  settingsSchema,
  teamMemberSchema,
  templateSchema,
  timeRangeSchema,
} from './entities'
export type { ErrorBody, ErrorCode } from './errors'
export {
  codeForStatus,
  ERROR_CODES,
  ERROR_STATUS,
  errorBodySchema,
  isSwitchboardError,
  SwitchboardError,
} from './errors'
export type {
  InboxEvent,
  InboxEventType,
  NewInboxEvent,
  ServerEvent,
  TypingEvent,
  TypingRequest,
  UnreadTotals,
  ViewingEvent,
  ViewingRequest,
} from './events'
export {
  EVENT_TYPES,
  inboxEventSchema,
  serverEventSchema,
  typingEventSchema,
  typingRequestSchema,
  unreadTotalsSchema,
  viewingEventSchema,
  viewingRequestSchema,
} from './events'
export { isAllowedFileUrl } from './fileUrl'
export type { ConversationFilter, Viewer } from './filter'
export {
  ASSIGNEE_FILTERS,
  CONTACT_TYPE_FILTERS,
  CONVERSATION_STATUS_FILTERS,
  clientWords,
  conversationFilterSchema,
  DEFAULT_CONVERSATION_FILTER,
  foldText,
  isPhoneQuery,
  isUnread,
  matchesFilter,
  matchesSearch,
  normalizeFilter,
  searchTokens,
  wordsMatch,
} from './filter'
export type { MatchRange } from './matchRanges'
export { matchRanges } from './matchRanges'
export type { ConversationSortKey, MessageSortKey } from './ordering'
export {
  clientSortKey,
  compareClients,
  compareConversations,
  compareMessages,
  sortConversations,
  sortMessages,
} from './ordering'
export { hasPermission } from './permissions'
export type { PhoneParseResult } from './phone'
export { normalizePhone, parsePhone, phoneDigits, senderPhone, TEXTING_CALLING_CODES } from './phone'
export { formatPhone, phoneProblem } from './phoneFormat'
export type { PhoneLocation } from './phoneLocation'
export { knownAreaCodes, phoneLocation } from './phoneLocation'
export type { MessagePurpose, QuietHoursCheck, SendingHours } from './quietHours'
export { checkQuietHours, MARKETING_HOURS_BY_REGION, SENDING_HOURS } from './quietHours'
export type {
  AssignToClientRequest,
  CampaignMessageRequest,
  ClientHistoryQuery,
  ConsentRequest,
  CreateClientRequest,
  CreateInboxRequest,
  EventsQuery,
  InboundMedia,
  InboundText,
  ListConversationsQuery,
  ListMessagesQuery,
  MetricsQuery,
  NewClient,
  NewPatient,
  PatchClientRequest,
  PatchConversationRequest,
  PatchInboxRequest,
  PatchTemplateRequest,
  RenameDocumentRequest,
  ResendMessageRequest,
  SendMessageRequest,
  StartConversationRequest,
  TemplateRequest,
  UpdateSettingsRequest,
} from './requests'
export {
  assignToClientRequestSchema,
  campaignMessageRequestSchema,
  clientHistoryQuerySchema,
  consentRequestSchema,
  createClientRequestSchema,
  createInboxRequestSchema,
  emailAddressSchema,
  eventsQuerySchema,
  inboundMediaSchema,
  inboundTextSchema,
  listContactsQuerySchema,
  listConversationsQuerySchema,
  listMessagesQuerySchema,
  MAX_INBOUND_BODY_LENGTH,
  MAX_METRICS_DAYS,
  metricsQuerySchema,
  newClientSchema,
  newPatientSchema,
  patchClientRequestSchema,
  patchConversationRequestSchema,
  patchInboxRequestSchema,
  patchTemplateRequestSchema,
  renameDocumentRequestSchema,
  resendMessageRequestSchema,
  searchClientsQuerySchema,
  sendMessageRequestSchema,
  startConversationRequestSchema,
  templateRequestSchema,
  updateSettingsRequestSchema,
} from './requests'
export type {
  ClientHistoryPage,
  DayCounts,
  EventsResponse,
  MeResponse,
  MessagePage,
  Metrics,
  MetricsCounts,
  Page,
  Stamped,
  StartConversationResponse,
} from './responses'
export {
  clientHistoryPageSchema,
  eventsResponseSchema,
  meResponseSchema,
  messagePageSchema,
  metricsSchema,
  pageSchema,
  SEQ_HEADER,
  startConversationResponseSchema,
} from './responses'
export type { SegmentInfo } from './segments'
export { countSegments } from './segments'
export type { RenderedTemplate, TemplateContext, TemplateVariable } from './templates'
export {
  formatMoney,
  renderTemplate,
  TEMPLATE_VARIABLES,
  templateContext,
  templateExample,
  templateProblems,
  templateVariables,
} from './templates'
export {
  displayFilename,
  isPlainMultiline,
  isSingleLine,
  MAX_BODY_LENGTH,
  multilineText,
  oneLine,
  singleLineText,
  TEXT_LIMITS,
  withoutControls,
  withoutDirectionOverrides,
} from './text'
export type { TextingRefusal } from './texting'
export { canSendAgain, RESENDABLE_FAILURES, textingRefusal } from './texting'
export { computeUnreadTotals, countUnread } from './unread'
export type { ValidationIssue } from './validate'
export { describeIssues, parseOrThrow } from './validate'
export type { LocalTime } from './zonedTime'
export { addDays, formatMinute, localTime, minuteOfDay, zonedInstant } from './zonedTime'

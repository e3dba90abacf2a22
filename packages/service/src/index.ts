export type { InboxService, InboxServiceOptions } from './createInboxService'
export { createInboxService } from './createInboxService'
export { cleanFilename } from './files/cleanFilename'
export type { FileUrlProof, SignedFileUrlOptions, SignedFileUrls } from './files/signedFileUrls'
export { createSignedFileUrls } from './files/signedFileUrls'
export type { MemoryStorage, MemoryStorageOptions } from './memory/createMemoryStorage'
export { createMemoryStorage } from './memory/createMemoryStorage'
export type { MemoryFile, MemoryFileStore, MemoryGateway, MemoryMailer } from './memory/memoryPorts'
export { createMemoryFileStore, createMemoryGateway, createMemoryMailer } from './memory/memoryPorts'
export type {
  AttachmentRecord,
  ClinicRecord,
  ClinicSeed,
  ContactRecord,
  ConversationRecord,
  FileStore,
  FileUrlSigner,
  Mailer,
  MessageCountRow,
  MessageRecord,
  SmsGateway,
  Storage,
  StorageTx,
} from './ports'
export { closedPeriodId, isOpenAt } from './rules/businessHours'
export { decodeCursor, encodeCursor } from './rules/cursor'
export { canAdvanceStatus, describeDeliveryError } from './rules/delivery'
export type { Keyword, KeywordKind } from './rules/keywords'
export {
  classifyKeyword,
  HELP_KEYWORDS,
  OPT_IN_KEYWORDS,
  OPT_OUT_KEYWORDS,
  readsAsOptOutRequest,
} from './rules/keywords'
export { summarizeMetrics } from './rules/metrics'
export { sniffContentType } from './rules/sniffContentType'
export type { SeedData, SeedOptions } from './seed/generateSeed'
export { DEFAULT_LIMITS, defaultSettings, generateSeed, SEED_TEAM, seedPhone } from './seed/generateSeed'
export { type Actor, requirePermission } from './service/actor'
export type { Upload } from './service/attachments'
export type { InboundText } from './service/inbound'
export type { CampaignMessage, DeliveryStatusReport } from './service/messaging'

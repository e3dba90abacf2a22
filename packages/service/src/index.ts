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
  CountBucket,
  FileStore,
  FileUrlSigner,
  Mailer,
  MessageCountRow,
  MessageRecord,
  SmsGateway,
  Storage,
  StorageTx,
} from './ports'
export { BUCKET_LENGTH, blankContact, toContact } from './ports'
export { billedSegments } from './rules/metrics'
export type { OutboxStep } from './rules/outboxStep'
export { outboxStep } from './rules/outboxStep'
export type { SeedData, SeedOptions } from './seed/generateSeed'
export { DEFAULT_LIMITS, defaultSettings, generateSeed, SEED_TEAM, seedPhone } from './seed/generateSeed'
export { placeholderFile } from './seed/placeholderFile'
export { rebaseSeedUrls } from './seed/rebaseSeedUrls'
export type { Actor } from './service/actor'
export type { Upload } from './service/attachments'
export type { InboundText } from './service/inbound'
export type { CampaignMessage, DeliveryStatusReport } from './service/messaging'
export type { ResumedOutbox, ResumeOutboxOptions } from './service/outbound'

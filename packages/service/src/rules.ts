// The SMS rules of the service, for servers and tests that need one alone
// (`@switchboard/service/rules`). The service applies all of them itself.
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
export { billedSegments, bucketFor, summarizeMetrics } from './rules/metrics'
export { sniffContentType } from './rules/sniffContentType'

export type { MockBackend, MockBackendOptions } from './createMockBackend'
export { createMockBackend } from './createMockBackend'
export type { FailureOptions, PlannedFailure } from './failures'

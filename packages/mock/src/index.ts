export type { MockBackend, MockBackendOptions, SimulatedMedia } from './createMockBackend'
export { createMockBackend } from './createMockBackend'
export type { FailureOptions, PlannedFailure } from './failures'

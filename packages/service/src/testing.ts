// @switchboard/service/testing: the suites every storage of the service, and every backend of its HTTP contract, must pass.

export type { HttpBackendUnderTest } from './testing/httpContractHardening'
export { httpContractHardening } from './testing/httpContractHardening'
export { readEverything } from './testing/readEverything'
export type { StorageFactory } from './testing/storageConformance'
export { storageConformance } from './testing/storageConformance'

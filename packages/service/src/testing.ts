// @switchboard/service/testing: the suite every storage of the service must pass.

export { readEverything } from './testing/readEverything'
export type { StorageFactory } from './testing/storageConformance'
export { storageConformance } from './testing/storageConformance'

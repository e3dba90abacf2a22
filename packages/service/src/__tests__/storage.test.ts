import { createMemoryStorage } from '../memory/createMemoryStorage'
import { storageConformance } from '../testing'

// The reference against itself: proves the suite runs and holds the memory storage to its
// transaction, isolation and event-log rules.
storageConformance('memory', async (clinics, options) => createMemoryStorage({ clinics, ...options }), { runs: 5 })

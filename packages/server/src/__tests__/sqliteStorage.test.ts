import { storageConformance } from '@switchboard/service/testing'
import { createSqliteStorage } from '../index'

// The SQL storage on SQLite passes the service's storage suite: every read equal to the
// reference's, after a clinic day of service calls and after random ones.
// Searches run both plans: matches looked up by index (few) and the list scanned in order (many).
for (const searchCandidates of [2000, 1]) {
  storageConformance(
    `sqlite, searches ${searchCandidates === 1 ? 'scanning in order' : 'by looked-up matches'}`,
    async (clinics, options) => {
      const storage = await createSqliteStorage({ file: ':memory:', searchCandidates, ...options })
      for (const clinic of clinics) await storage.addClinic(clinic)
      return storage
    },
    { runs: Number(process.env.PROPERTY_RUNS ?? (searchCandidates === 1 ? 4 : 10)) },
  )
}

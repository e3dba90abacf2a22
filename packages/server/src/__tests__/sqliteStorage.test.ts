import { storageConformance } from '@switchboard/service/testing'
import { createSqliteStorage } from '../index'

// The SQL storage on SQLite passes the service's storage suite: every read equal to the
// reference's, after a clinic day of service calls and after random ones.
storageConformance(
  'sqlite',
  async (clinics, options) => {
    const storage = await createSqliteStorage({ file: ':memory:', ...options })
    for (const clinic of clinics) await storage.addClinic(clinic)
    return storage
  },
  { runs: Number(process.env.PROPERTY_RUNS ?? 12) },
)

import { PERMISSIONS } from '@switchboard/protocol'
import { createInboxService, generateSeed } from '@switchboard/service'
import { storageConformance } from '@switchboard/service/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type StartedPostgres, startPostgres } from '../../../../../scripts/services.mjs'
import { createPostgresStorage, createSqliteStorage, type SqlStorage } from '../../index'

// The SQL storage on PostgreSQL passes the service's storage suite, as on SQLite: every read
// equal to the reference's, after a clinic day of service calls and after random ones. On a
// database whose own collation is ICU English, too: the storage orders and compares by code point.
const dana = { clinicId: 'cln_maple', userId: 'usr_dana', permissions: [...PERMISSIONS] }
let server: StartedPostgres
beforeAll(async () => {
  server = await startPostgres()
}, 60_000)
afterAll(async () => {
  await server?.stop()
})

for (const collation of [undefined, 'en-US'] as const) {
  storageConformance(
    `postgres${collation ? `, a database collated ${collation}` : ''}`,
    async (clinics, options) => {
      const storage = await createPostgresStorage({
        connectionString: await server.database(collation ? { collation } : {}),
        poolSize: 4,
        ...options,
      })
      for (const clinic of clinics) await storage.addClinic(clinic)
      return storage
    },
    { runs: Number(process.env.PROPERTY_RUNS ?? 4) },
  )
}

describe('text PostgreSQL cannot store', () => {
  it('answers a U+0000 in a search, an idempotency key or a provider id as SQLite does', async () => {
    const answers = async (storage: SqlStorage) => {
      for (const clinic of generateSeed({ seed: 3, conversations: 5 }).clinics) await storage.addClinic(clinic)
      const service = createInboxService({ storage, clock: () => new Date('2026-11-30T18:00:00Z') })
      const webhook = {
        to: '+14155550100',
        from: '+16505550111',
        body: 'hi\u0000there',
        providerMessageId: 'SM\u0000x',
      }
      const first = await service.receiveInbound(webhook)
      const again = await service.receiveInbound(webhook)
      const send = { clientMessageId: 'key\u0000x', body: 'On our way' }
      const sent = await service.sendMessage(dana, first.conversationId, send)
      const resent = await service.sendMessage(dana, first.conversationId, send)
      const found = await service.listConversations(dana, { status: 'all', q: 'an\u0000a' })
      const clients = await service.searchClients(dana, { q: 'Ro\u0000sa' })
      await storage.close()
      return {
        deduplicated: [again.id === first.id, resent.id === sent.id],
        body: first.body,
        found: found.items.length,
        clients: clients.length,
      }
    }
    const sqlite = await answers(await createSqliteStorage({ file: ':memory:' }))
    const postgres = await answers(await createPostgresStorage({ connectionString: await server.database() }))
    expect(postgres).toEqual(sqlite)
    expect(sqlite.deduplicated).toEqual([true, true])
  })
})

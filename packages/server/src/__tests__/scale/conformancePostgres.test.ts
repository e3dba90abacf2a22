import { transportConformance } from '@switchboard/core/testing'
import { afterAll, beforeAll } from 'vitest'
import { type StartedPostgres, startPostgres } from '../../../../../scripts/services.mjs'
import { createPostgresStorage } from '../../index'
import { conformanceTarget } from '../serverHarness'

// Core's transport suite against the reference server on PostgreSQL, over real HTTP and socket.io.
let postgres: StartedPostgres
beforeAll(async () => {
  postgres = await startPostgres()
})
afterAll(async () => {
  await postgres?.stop()
})

transportConformance('createHttpTransport over the reference server (PostgreSQL)', async () =>
  conformanceTarget(await createPostgresStorage({ connectionString: await postgres.database(), poolSize: 4 })),
)

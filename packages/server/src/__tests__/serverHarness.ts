import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHttpTransport, type IoFactory } from '@switchboard/core'
import type { ConformanceFixture } from '@switchboard/core/testing'
import { createInboxService, generateSeed, type InboxService } from '@switchboard/service'
import { io } from 'socket.io-client'
import {
  createFiles,
  createServer,
  createSqliteStorage,
  createTokens,
  loadConfig,
  type SqlStorage,
  type SwitchboardServer,
  startFromConfig,
  type Tokens,
} from '../index'

export const SECRET = 'test-secret-that-is-long-enough-for-hs256!'
export const BASE = '/api/sms'

/** A reference server on 127.0.0.1 (a free port) over SQLite in memory (or `storage`, empty), seeded. */
export async function startServer(
  options: {
    /** An empty storage to seed and serve instead of SQLite in memory (the server closes it). */
    storage?: SqlStorage
    clock?: () => Date
    ttlSeconds?: number
    conversations?: number
    slowMs?: number
    sendsPerMinute?: number
  } = {},
) {
  const storage = options.storage ?? (await createSqliteStorage({ file: ':memory:' }))
  const seed = generateSeed({ seed: 2, conversations: options.conversations ?? 20 })
  for (const clinic of seed.clinics) await storage.addClinic(clinic)
  const slow = options.slowMs
  const served = slow
    ? {
        clinicIdForNumber: (n: string) => storage.clinicIdForNumber(n),
        transaction: async <T>(clinicId: string, fn: Parameters<typeof storage.transaction<T>>[1]) => {
          await new Promise((r) => setTimeout(r, slow))
          return storage.transaction(clinicId, fn)
        },
      }
    : storage
  let listening = ''
  const filesDir = mkdtempSync(join(tmpdir(), 'switchboard-files-'))
  const files = createFiles({
    dir: filesDir,
    secret: `${SECRET}:files`,
    storage,
    publicApiUrl: () => `${listening}${BASE}`,
    // File links are signed with the service's clock and checked against the same one.
    ...(options.clock ? { clock: options.clock } : {}),
  })
  const service: InboxService = createInboxService({
    storage: served,
    files: files.store,
    fileUrls: files.fileUrls,
    ...(options.clock ? { clock: options.clock } : {}),
    onError: () => undefined,
  })
  const tokens: Tokens = createTokens({
    secret: SECRET,
    ...(options.ttlSeconds ? { ttlSeconds: options.ttlSeconds } : {}),
  })
  const staff = seed.clinics.flatMap((c) =>
    c.team.map((member) => ({ clinicId: c.record.clinic.id, clinicName: c.record.clinic.name, member })),
  )
  const server: SwitchboardServer = await createServer({
    service,
    tokens,
    corsOrigins: ['http://localhost:3000'],
    signIn: { dev: { staff: async () => staff } },
    files: files.serving,
    ...(options.sendsPerMinute ? { sendsPerMinute: options.sendsPerMinute } : {}),
  })
  const url = await server.listen({ port: 0 })
  listening = url
  const team = seed.clinics[0]?.team ?? []
  const tokenFor = async (userId: string, clinicId = 'cln_maple') => {
    const member = (clinicId === 'cln_maple' ? team : (seed.clinics[1]?.team ?? [])).find((m) => m.id === userId)
    return (await tokens.issue({ clinicId, userId, permissions: member?.permissions ?? [] })).token
  }
  return {
    server,
    service,
    storage,
    tokens,
    seed,
    filesDir,
    url,
    api: `${url}${BASE}`,
    tokenFor,
    async stop() {
      await server.close()
      await storage.close()
    },
  }
}

/** The server as `npm start` runs it (`startFromConfig`), on files in a fresh temporary folder. */
export async function startConfigured(
  env: Record<string, string> = {},
  options: Omit<Parameters<typeof startFromConfig>[1], 'log'> = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-started-'))
  const started = await startFromConfig(
    loadConfig({
      PORT: '0',
      DATABASE_FILE: join(dir, 'inbox.db'),
      FILES_DIR: join(dir, 'files'),
      SEED_CONVERSATIONS: '5',
      ...env,
    }),
    { log: () => undefined, ...options },
  )
  return {
    started,
    dir,
    api: `${started.url}${BASE}`,
    async stop() {
      await started.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * What core's transport suite runs against: a reference server (SQLite in memory, or `storage`)
 * over real HTTP and socket.io on 127.0.0.1, with Dana's and Sam's tokens.
 */
export async function conformanceTarget(storage?: SqlStorage): Promise<ConformanceFixture> {
  const running = await startServer({ ...(storage ? { storage } : {}), clock: () => new Date('2026-11-30T18:00:00Z') })
  const [dana, sam] = [await running.tokenFor('usr_dana'), await running.tokenFor('usr_sam')]
  const transport = (token: string) =>
    createHttpTransport({ baseUrl: running.api, getToken: () => token, socket: { io: io as unknown as IoFactory } })
  return {
    transport: transport(dana),
    forbidden: transport(sam),
    simulateInbound: (phone, body) => running.service.receiveInbound({ to: '+14155550100', from: phone, body }),
    realtime: true,
    close: () => running.stop(),
  }
}

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInboxService, generateSeed, type InboxService } from '@switchboard/service'
import {
  createFiles,
  createServer,
  createSqliteStorage,
  createTokens,
  loadConfig,
  type SwitchboardServer,
  startFromConfig,
  type Tokens,
} from '../index'

export const SECRET = 'test-secret-that-is-long-enough-for-hs256!'
export const BASE = '/api/sms'

/** A reference server on 127.0.0.1 (a free port) over SQLite in memory, seeded. */
export async function startServer(
  options: {
    clock?: () => Date
    ttlSeconds?: number
    conversations?: number
    slowMs?: number
    sendsPerMinute?: number
  } = {},
) {
  const storage = await createSqliteStorage({ file: ':memory:' })
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

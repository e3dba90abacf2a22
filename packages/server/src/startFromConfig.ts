import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { createInboxService, createMemoryMailer, generateSeed, type InboxService } from '@switchboard/service'
import { createTokens } from './auth/createTokens'
import type { ServerConfig } from './config'
import { createServer, type SwitchboardServer } from './createServer'
import { createFiles } from './files/createFiles'
import type { StaffEntry } from './http/signInRoutes'
import { createSmtpMailer } from './mail/createSmtpMailer'
import { createSimulator, type Simulator } from './providers/createSimulator'
import { simulatorRoutes } from './providers/simulatorRoutes'
import { createTwilioGateway } from './providers/twilio/createTwilioGateway'
import { twilioWebhooks } from './providers/twilio/twilioWebhooks'
import { connectRedis } from './realtime/connectRedis'
import { createPostgresStorage } from './storage/createPostgresStorage'
import { createSqliteStorage } from './storage/createSqliteStorage'
import type { SqlStorage } from './storage/createSqlStorage'

/** A server started from its configuration, with what it runs on. */
export interface StartedServer {
  server: SwitchboardServer
  storage: SqlStorage
  /** Where its data is: the SQLite file, or PostgreSQL's host and database (no password). */
  database: string
  url: string
  /** The simulated phone network the server sends through (null with a real provider). */
  simulator: Simulator | null
  /** Stops the server (sockets, then requests in flight) and closes the database. */
  stop(): Promise<void>
}

/** The storage the configuration names: PostgreSQL with `DATABASE_URL`, else the SQLite file. */
async function openStorage(config: ServerConfig): Promise<{ storage: SqlStorage; where: string }> {
  if (config.databaseUrl) {
    const storage = await createPostgresStorage({
      connectionString: config.databaseUrl,
      poolSize: config.databasePoolSize,
      eventRetention: config.eventRetention,
    })
    // Where, without the password.
    const url = new URL(config.databaseUrl)
    return { storage, where: `PostgreSQL at ${url.host}${url.pathname}` }
  }
  if (config.databaseFile !== ':memory:') mkdirSync(dirname(config.databaseFile), { recursive: true })
  const storage = await createSqliteStorage({ file: config.databaseFile, eventRetention: config.eventRetention })
  return { storage, where: config.databaseFile }
}

/** Every staff member of every clinic, for the development sign-in. */
async function seededStaff(storage: SqlStorage): Promise<StaffEntry[]> {
  const entries: StaffEntry[] = []
  for (const clinicId of await storage.clinicIds()) {
    await storage.transaction(clinicId, async (tx) => {
      const { clinic } = await tx.clinic()
      for (const member of await tx.listTeam()) entries.push({ clinicId, clinicName: clinic.name, member })
    })
  }
  return entries
}

/**
 * Opens the SQLite database (seeding the demo clinics into an empty one), builds the service and
 * starts the server. Texts go through the simulated phone network, or through Twilio (its REST
 * API out, its signed webhooks in) when `SMS_PROVIDER=twilio`.
 */
export async function startFromConfig(
  config: ServerConfig,
  options: {
    log?: (line: string) => void
    clock?: () => Date
    /** The simulated network's delays (tests make them 0). */
    simulatorDelays?: { sentMs: number; deliveredMs: number }
  } = {},
): Promise<StartedServer> {
  const log = options.log ?? console.log
  // Several instances share realtime events and presence through Redis: connected first, so a
  // wrong REDIS_URL stops the start before anything else is open.
  const redis = config.redisUrl
    ? await connectRedis(config.redisUrl, { onError: (error) => log(`Redis: ${error.message}`) })
    : null
  const { storage, where } = await openStorage(config).catch(async (error: unknown) => {
    await redis?.close()
    throw error
  })
  if ((await storage.clinicIds()).length === 0 && config.seedConversations > 0) {
    try {
      for (const clinic of generateSeed({ conversations: config.seedConversations }).clinics)
        await storage.addClinic(clinic)
      log(`Seeded the demo clinics into ${where}.`)
    } catch (error) {
      // Instances started together on one empty database: another one seeded it first (each
      // clinic is added whole or not at all).
      if ((await storage.clinicIds()).length === 0) throw error
    }
  }
  let listening = ''
  const files = createFiles({
    dir: config.filesDir,
    secret: config.fileUrlSecret,
    storage,
    publicApiUrl: () => `${config.publicUrl ?? listening}${config.basePath}`,
    // The service signs file links with its clock: they are checked against the same one.
    ...(options.clock ? { clock: options.clock } : {}),
  })
  // The phone network: the simulator, or Twilio when configured.
  let service: InboxService | null = null
  const twilio = config.twilio
  const simulator = twilio
    ? null
    : createSimulator({
        onStatus: (report) => (service as InboxService).applyDeliveryStatus(report),
        onInbound: (text) => (service as InboxService).receiveInbound(text),
        ...(options.simulatorDelays ? { delays: options.simulatorDelays } : {}),
      })
  const gateway =
    simulator ??
    createTwilioGateway({
      ...(twilio as NonNullable<typeof twilio>),
      statusCallbackUrl: () => `${config.publicUrl ?? listening}${config.basePath}/webhooks/sms/twilio/status`,
    })
  // After-hours alerts: SMTP when configured, else a mailbox the simulator shows.
  const mailbox = createMemoryMailer()
  const smtp = config.smtpUrl ? createSmtpMailer({ transport: config.smtpUrl, from: config.mailFrom }) : null
  service = createInboxService({
    storage,
    files: files.store,
    fileUrls: files.fileUrls,
    gateway,
    mailer: smtp ?? mailbox,
    ...(options.clock ? { clock: options.clock } : {}),
  })
  const tokens = createTokens({ secret: config.tokenSecret, ttlSeconds: config.tokenTtlSeconds })
  let staff: Promise<StaffEntry[]> | null = null
  const server = await createServer({
    service,
    tokens,
    ...(redis ? { socketAdapter: redis.adapter } : {}),
    basePath: config.basePath,
    corsOrigins: config.corsOrigins,
    files: files.serving,
    sendsPerMinute: config.sendsPerMinute,
    ...(config.devSignIn ? { signIn: { dev: { staff: () => (staff ??= seededStaff(storage)) } } } : {}),
  })
  if (twilio) twilioWebhooks(server.app, { ...twilio, service, basePath: config.basePath, publicUrl: config.publicUrl })
  if (config.simulatorEndpoints) {
    if (simulator) {
      simulatorRoutes(server.app, config.basePath, simulator, async () => {
        const numbers: string[] = []
        for (const id of await storage.clinicIds()) {
          numbers.push(await storage.transaction(id, async (tx) => (await tx.clinic()).clinic.smsNumber))
        }
        return numbers
      })
    }
    server.app.get(`${config.basePath}/simulator/mailbox`, async () => [...mailbox.sent].reverse())
  }
  // The outbox: at start, what the last stop left (alone on SQLite, every hand-off left `sending`
  // was cut off; on PostgreSQL, other servers may be handing theirs over: only stale ones are),
  // and then every OUTBOX_SWEEP_SECONDS, what a server that died left behind.
  const handOffTimeoutMs = config.handOffTimeoutSeconds * 1000
  const handOvers = new Set<Promise<void>>()
  const sweepOutbox = async (timeoutMs: number) => {
    for (const clinicId of await storage.clinicIds()) {
      const resumed = await service.resumeOutbox(clinicId, { handOffTimeoutMs: timeoutMs })
      if (resumed.queued || resumed.interrupted) {
        log(
          `Outbox of ${clinicId}: ${resumed.queued} queued text(s) to hand over, ${resumed.interrupted} cut off by a stopped server marked failed.`,
        )
      }
      const handOver = resumed.handedOver.catch((error) =>
        log(`Outbox of ${clinicId} could not be handed over: ${error}`),
      )
      handOvers.add(handOver)
      void handOver.finally(() => handOvers.delete(handOver))
    }
  }
  await sweepOutbox(config.databaseUrl ? handOffTimeoutMs : 0)
  let sweeping: Promise<void> | null = null
  const sweeper = setInterval(() => {
    sweeping ??= sweepOutbox(handOffTimeoutMs)
      .catch((error) => log(`The outbox sweep failed: ${error}`))
      .finally(() => {
        sweeping = null
      })
  }, config.outboxSweepSeconds * 1000)
  sweeper.unref()
  const url = await server.listen({ port: config.port, host: config.host })
  listening = url
  return {
    server,
    storage,
    database: where,
    url,
    simulator,
    async stop() {
      simulator?.stop()
      smtp?.close()
      clearInterval(sweeper)
      await server.close()
      await redis?.close()
      await sweeping
      await Promise.all(handOvers)
      await storage.close()
    },
  }
}

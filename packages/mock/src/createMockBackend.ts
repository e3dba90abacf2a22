import type { Clinic, InboundMedia, Message, Permission } from '@switchboard/protocol'
import {
  type Actor,
  type ClinicSeed,
  createInboxService,
  createMemoryFileStore,
  createMemoryGateway,
  createMemoryMailer,
  createMemoryStorage,
  createSignedFileUrls,
  type DeliveryStatusReport,
  generateSeed,
  placeholderFile,
  rebaseSeedUrls,
  type SeedOptions,
} from '@switchboard/service'
import { createFailurePlan, type FailureOptions, type PlannedFailure } from './failures'
import { fileRoute } from './files'
import { type Authenticate, unknownRoute } from './http/defineRoute'
import { errorOf } from './http/respond'
import { createRoutes } from './http/routes'
import { createSocketHandler } from './socket'

/** A file a simulated MMS carries: its name, and its bytes or a type to make placeholder bytes of. */
export interface SimulatedMedia {
  name?: string
  /** The type the provider declares; also picks the placeholder bytes (a PDF for `application/pdf`, else a PNG). */
  contentType?: string
  /** The file's bytes; a placeholder of `contentType` when left out. */
  data?: Uint8Array
}

/** Options of {@link createMockBackend}. */
export interface MockBackendOptions {
  /** Seed data options (PRNG seed, number of conversations), or a number as the PRNG seed. */
  seed?: number | SeedOptions
  /** Where the HTTP contract is served. Default `http://localhost/api`. */
  baseUrl?: string
  /** The socket.io server's origin. Default: the base URL's origin, as `ws:` / `wss:`. */
  socketUrl?: string
  /** Delay before each response, in ms: a number or a `[min, max]` range. Default 0. */
  latency?: number | [number, number]
  /** Random failures; plan exact ones with `backend.failNext()`. */
  failures?: FailureOptions
  /** Advance sent messages to `sent` then `delivered` after this many ms, as a real provider would. */
  autoDeliverAfterMs?: number
  /** The clock of the service. Default: the real time. */
  clock?: () => Date
  /** Events kept for catch-up before `GET /events` answers 410 events_expired. Default 5,000. */
  eventRetention?: number
  /** Changes to the main clinic, e.g. `{ mode: 'one-way' }`. */
  clinic?: Partial<Clinic>
  /** How long a signed file URL works, in ms. Default 12 hours. */
  fileUrlTtlMs?: number
}

function resolveSocketUrl(baseUrl: string): string {
  const origin = typeof location === 'undefined' ? 'http://localhost' : location.origin
  const url = new URL(baseUrl, origin)
  return `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`
}

/**
 * A whole Switchboard backend in memory: the inbox service over seeded data, served as MSW
 * handlers for the HTTP contract and socket.io events. Use its `handlers` with `setupServer` (Node)
 * or `setupWorker` (browser, Storybook), and drive it with `simulateInbound` and
 * `simulateDeliveryStatus`.
 *
 * Every seeded staff user has the token `tok_<userId>` (e.g. `tok_usr_dana`, all permissions).
 *
 * @example
 * const backend = createMockBackend({ seed: 1, latency: [50, 300] })
 * setupServer(...backend.handlers).listen()
 * await backend.simulateInbound('+14155550142', 'Is Biscuit ready?')
 */
export function createMockBackend(options: MockBackendOptions = {}) {
  const baseUrl = (options.baseUrl ?? 'http://localhost/api').replace(/\/$/, '')
  const seedOptions = typeof options.seed === 'number' ? { seed: options.seed } : (options.seed ?? {})
  const seed = generateSeed(seedOptions)
  const clinics: ClinicSeed[] = seed.clinics.map((c, i) => {
    const rebased = rebaseSeedUrls(c, baseUrl)
    if (i !== 0 || !options.clinic) return rebased
    return { ...rebased, record: { ...rebased.record, clinic: { ...rebased.record.clinic, ...options.clinic } } }
  })
  const storage = createMemoryStorage({
    clinics,
    ...(options.eventRetention ? { eventRetention: options.eventRetention } : {}),
  })
  const mailer = createMemoryMailer()
  const gateway = createMemoryGateway()
  const files = createMemoryFileStore(`${baseUrl}/files`)
  const clock = options.clock ?? (() => new Date())
  // A secret of this backend alone: its file links work only against it.
  const fileUrls = createSignedFileUrls({
    secret: `${crypto.randomUUID()}${crypto.randomUUID()}`,
    ...(options.fileUrlTtlMs ? { ttlMs: options.fileUrlTtlMs } : {}),
  })
  const service = createInboxService({
    storage,
    mailer,
    files,
    fileUrls,
    clock,
    gateway: {
      async send(sms) {
        const result = await gateway.send(sms)
        const after = options.autoDeliverAfterMs
        if (after !== undefined) {
          const report = (status: 'sent' | 'delivered') =>
            service.applyDeliveryStatus({ clinicNumber: sms.from, providerMessageId: result.providerMessageId, status })
          setTimeout(() => void report('sent').then(() => setTimeout(() => void report('delivered'), after)), after)
        }
        return result
      },
    },
  })
  const main = clinics[0] as ClinicSeed

  const tokens = new Map<string, { actor: Actor; expired: boolean; expiresAt: number | null }>()
  for (const clinic of clinics) {
    for (const member of clinic.team) {
      tokens.set(`tok_${member.id}`, {
        actor: { clinicId: clinic.record.clinic.id, userId: member.id, permissions: member.permissions },
        expired: false,
        expiresAt: null,
      })
    }
  }
  const authenticate: Authenticate = (token) => {
    if (!token) return { error: errorOf('unauthorized', 'Sign in to use the SMS inbox (no token was sent).') }
    const entry = tokens.get(token)
    if (!entry) return { error: errorOf('unauthorized', 'This session is not valid; sign in again.') }
    if (entry.expired || (entry.expiresAt !== null && Date.now() >= entry.expiresAt)) {
      return { error: errorOf('unauthorized', 'Your session has expired; sign in again.') }
    }
    return { actor: entry.actor, expiresAt: entry.expiresAt }
  }

  const failures = createFailurePlan(options.failures)
  const latency = options.latency ?? 0
  const routeOptions = {
    baseUrl,
    authenticate,
    failures,
    latency: () =>
      typeof latency === 'number' ? latency : latency[0] + Math.round(Math.random() * (latency[1] - latency[0])),
  }
  const socket = createSocketHandler(options.socketUrl ?? resolveSocketUrl(baseUrl), service, authenticate)
  const absoluteBase = new URL(baseUrl, typeof location === 'undefined' ? 'http://localhost' : location.origin).href
  let inboundCounter = 0

  return {
    /**
     * MSW handlers: the HTTP contract (one handler: malformed paths refused first, then the route
     * table), file downloads (signed links only), a coded 404 for anything else under the base URL,
     * and the socket.io link.
     */
    handlers: [
      createRoutes(routeOptions, service, absoluteBase.replace(/\/$/, '')),
      fileRoute({ baseUrl, files, signer: fileUrls, clock, storage }),
      unknownRoute(absoluteBase.replace(/\/$/, '')),
      socket.handler,
    ],
    /** Checks signed file links (the file route uses it; tests read links with it). */
    fileUrls,
    service,
    storage,
    mailer,
    gateway,
    files,
    baseUrl,
    clinic: main.record.clinic,
    team: main.team,
    /** The token of a seeded staff user (`tok_<userId>`). */
    tokenFor(userId: string): string {
      const token = `tok_${userId}`
      if (!tokens.has(token)) throw new Error(`No seeded staff user ${userId}.`)
      return token
    },
    /**
     * A token for a made-up user of the main clinic with exactly these permissions; with
     * `expiresInMs` it expires by itself, as a signed session token does.
     */
    createToken(userId: string, permissions: Permission[], options: { expiresInMs?: number } = {}): string {
      const token = `tok_custom_${userId}_${tokens.size}`
      tokens.set(token, {
        actor: { clinicId: main.record.clinic.id, userId, permissions },
        expired: false,
        expiresAt: options.expiresInMs === undefined ? null : Date.now() + options.expiresInMs,
      })
      return token
    },
    /**
     * Makes a token answer 401 `unauthorized` (an expired session) from now on; its open sockets
     * are told (`session_expired`) and closed at once.
     */
    expireToken(token: string): void {
      const entry = tokens.get(token)
      if (entry) entry.expired = true
      socket.registry.revalidate()
    },
    /** Plans a failure of the next matching request(s). */
    failNext(failure: PlannedFailure): void {
      failures.plan(failure)
    },
    /** Forgets planned failures. */
    clearFailures(): void {
      failures.clear()
    },
    /** Closes every open socket, as a dropped network would. */
    dropSockets(): void {
      socket.registry.dropAll()
    },
    /** How many sockets are connected. */
    socketCount: () => socket.registry.count(),
    /**
     * A text from `phone` to the clinic's number, as the SMS provider's webhook would deliver it
     * (media as bytes: a placeholder PNG or PDF by `contentType` unless `data` is given).
     */
    simulateInbound(phone: string, body: string, media: SimulatedMedia[] = []): Promise<Message> {
      inboundCounter += 1
      return service.receiveInbound({
        to: main.record.clinic.smsNumber,
        from: phone,
        body,
        providerMessageId: `SMmock-in-${inboundCounter}`,
        media: media.map(
          (m): InboundMedia => ({
            ...(m.name !== undefined ? { name: m.name } : {}),
            ...(m.contentType !== undefined ? { contentType: m.contentType } : {}),
            data: m.data ?? placeholderFile(m.contentType ?? 'image/png').data,
          }),
        ),
      })
    },
    /** A provider delivery report for a message (by its id), as the status webhook would deliver it. */
    async simulateDeliveryStatus(
      messageId: string,
      status: DeliveryStatusReport['status'],
      errorCode?: string,
    ): Promise<{ applied: boolean }> {
      const stored = await storage.transaction(main.record.clinic.id, (tx) => tx.getMessage(messageId))
      if (!stored?.providerMessageId) return { applied: false }
      return service.applyDeliveryStatus({
        clinicNumber: main.record.clinic.smsNumber,
        providerMessageId: stored.providerMessageId,
        status,
        ...(errorCode ? { errorCode } : {}),
      })
    },
  }
}

/** A running mock backend, as returned by {@link createMockBackend}. */
export type MockBackend = ReturnType<typeof createMockBackend>

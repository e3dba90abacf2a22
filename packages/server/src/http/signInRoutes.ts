import { SwitchboardError, type TeamMember } from '@switchboard/protocol'
import type { InboxService } from '@switchboard/service'
import type { FastifyInstance } from 'fastify'
import type { Tokens } from '../auth/createTokens'
import { createRateLimit } from './createRateLimit'

/** A staff member who may sign in, with their clinic. */
export interface StaffEntry {
  clinicId: string
  clinicName: string
  member: TeamMember
}

/** How staff sign in. */
export interface SignInOptions {
  /**
   * A development sign-in: pick any staff member of `staff()` (the seeded ones) without a
   * password. Never enable it where real clinics' data lives.
   */
  dev?: { staff(): Promise<StaffEntry[]> }
  /** Sign-in attempts allowed per client address in a minute. Default 10. */
  perMinute?: number
}

/**
 * `GET /auth/staff` and `POST /auth/dev-sign-in` (development only): a PMS signs its users in
 * itself and mints tokens with `tokens.issue`; the demo and tests use these.
 */
export function signInRoutes(
  app: FastifyInstance,
  base: string,
  _service: InboxService,
  tokens: Tokens,
  options: SignInOptions = {},
): void {
  const dev = options.dev
  if (!dev) return
  const limit = createRateLimit({ max: options.perMinute ?? 10, windowMs: 60_000 })
  app.get(`${base}/auth/staff`, async () =>
    (await dev.staff()).map(({ clinicId, clinicName, member }) => ({ clinicId, clinicName, ...member })),
  )
  app.post(`${base}/auth/dev-sign-in`, async (request, reply) => {
    limit.take(request.ip, 'Too many sign-in attempts; wait a minute and try again.')
    const body = (request.body ?? {}) as { clinicId?: unknown; userId?: unknown }
    const entry = (await dev.staff()).find((s) => s.clinicId === body.clinicId && s.member.id === body.userId)
    if (!entry) throw new SwitchboardError('unauthorized', 'No such staff member to sign in as.')
    const actor = { clinicId: entry.clinicId, userId: entry.member.id, permissions: entry.member.permissions }
    const { token, expiresAt } = await tokens.issue(actor)
    return reply.status(200).send({ token, expiresAt: new Date(expiresAt).toISOString(), user: entry.member })
  })
}

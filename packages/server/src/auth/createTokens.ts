import { PERMISSIONS, type Permission, SwitchboardError } from '@switchboard/protocol'
import type { Actor } from '@switchboard/service'
import { errors, jwtVerify, SignJWT } from 'jose'

/** Options of {@link createTokens}. */
export interface TokenOptions {
  /** The HMAC secret, at least 32 bytes. */
  secret: string
  /** How long a token is valid, in seconds. Default 8 hours (a clinic shift). */
  ttlSeconds?: number
  /** The `iss` and `aud` of every token. Default `switchboard`. */
  issuer?: string
  /** The current time; tests pass a clock. */
  clock?: () => Date
}

/** A verified token: who, and until when. */
export interface Session {
  actor: Actor
  /** When the token expires (ms since the epoch). */
  expiresAt: number
}

/** Signs and verifies staff tokens. */
export interface Tokens {
  issue(actor: Actor): Promise<{ token: string; expiresAt: number }>
  /** The session of a bearer token; `unauthorized` (with a reason) when it is missing, altered, expired or foreign. */
  verify(token: string | null | undefined): Promise<Session>
}

const unauthorized = (message: string) => new SwitchboardError('unauthorized', message)

/**
 * Staff tokens as signed, expiring JWTs (HS256, `jose`): the subject is the staff user, with
 * their clinic and permissions, so every request and socket knows who calls without a lookup.
 * A token is refused when its signature, issuer, audience or expiry does not hold.
 */
export function createTokens(options: TokenOptions): Tokens {
  const key = new TextEncoder().encode(options.secret)
  if (key.byteLength < 32) throw new Error('The token secret must be at least 32 bytes long.')
  const ttl = options.ttlSeconds ?? 8 * 3600
  const issuer = options.issuer ?? 'switchboard'
  const clock = options.clock ?? (() => new Date())
  const known = new Set<string>(PERMISSIONS)

  return {
    async issue(actor) {
      const now = Math.floor(clock().getTime() / 1000)
      const token = await new SignJWT({ clinic: actor.clinicId, perms: actor.permissions })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(actor.userId)
        .setIssuer(issuer)
        .setAudience(issuer)
        .setIssuedAt(now)
        .setExpirationTime(now + ttl)
        .sign(key)
      return { token, expiresAt: (now + ttl) * 1000 }
    },
    async verify(token) {
      if (!token) throw unauthorized('Sign in to use the SMS inbox (no bearer token was sent).')
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer,
          audience: issuer,
          algorithms: ['HS256'],
          currentDate: clock(),
        })
        const { sub, clinic, perms, exp } = payload
        if (typeof sub !== 'string' || typeof clinic !== 'string' || !Array.isArray(perms) || typeof exp !== 'number') {
          throw unauthorized('The session token is not one of ours; sign in again.')
        }
        const permissions = perms.filter((p): p is Permission => typeof p === 'string' && known.has(p))
        return { actor: { clinicId: clinic, userId: sub, permissions }, expiresAt: exp * 1000 }
      } catch (error) {
        if (error instanceof SwitchboardError) throw error
        if (error instanceof errors.JWTExpired) throw unauthorized('Your session has expired; sign in again.')
        throw unauthorized('The session token is not valid; sign in again.')
      }
    },
  }
}

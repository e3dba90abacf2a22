import { createHttpTransport, createInboxClient, type InboxClient } from '@switchboard/core'
import { API, call, type Session, type StaffEntry } from './api'

const KEY = 'hearth-pms.session'

/** The staff the development sign-in offers (every seeded clinic's team). */
export const listStaff = () => call<StaffEntry[]>('/auth/staff')

/**
 * Signs a staff member in. A real PMS signs its users in itself and mints a Switchboard token on
 * its server (`createTokens().issue`); the demo uses the reference server's development sign-in.
 */
export async function signIn(clinicId: string, clinicName: string, userId: string): Promise<Session> {
  const reply = await call<{ token: string; expiresAt: string; user: Session['user'] }>('/auth/dev-sign-in', {
    method: 'POST',
    body: { clinicId, userId },
  })
  const session: Session = { clinicId, clinicName, user: reply.user, token: reply.token, expiresAt: reply.expiresAt }
  sessionStorage.setItem(KEY, JSON.stringify(session))
  return session
}

/** The session this tab signed in with, unless it has expired. */
export function storedSession(): Session | null {
  try {
    const session = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Session | null
    return session && Date.parse(session.expiresAt) > Date.now() ? session : null
  } catch {
    return null
  }
}

export function forgetSession(): void {
  sessionStorage.removeItem(KEY)
}

/**
 * The inbox client of a session, as a vendor makes it: the HTTP transport on the same origin and a
 * token that is renewed when the server says it expired (the PMS's own session still holds).
 */
export function inboxClientFor(session: Session): InboxClient {
  let token = session.token
  return createInboxClient({
    transport: createHttpTransport({
      baseUrl: API,
      getToken: async ({ forceRefresh }) => {
        if (forceRefresh) token = (await signIn(session.clinicId, session.clinicName, session.user.id)).token
        return token
      },
    }),
    // Each staff member's drafts and unsent texts are their own.
    storageKey: `switchboard:${session.clinicId}:${session.user.id}`,
  })
}

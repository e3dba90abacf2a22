import type { TeamMember } from '@switchboard/protocol'

/** Where the reference server's HTTP contract is served: the same origin, proxied (see vite.config.ts). */
export const API = '/api/sms'

/** A staff member the development sign-in offers, with their clinic. */
export interface StaffEntry extends TeamMember {
  clinicId: string
  clinicName: string
}

/** A signed-in staff member: who, where, and the token the inbox calls the server with. */
export interface Session {
  clinicId: string
  clinicName: string
  user: TeamMember
  token: string
  expiresAt: string
}

/** An error the server answered with: its `code` and readable `message`. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** One call to the server outside the inbox (sign-in, the phone simulator): JSON both ways, errors as ApiError. */
export async function call<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response
  try {
    response = await fetch(`${API}${path}`, {
      method: init.method ?? 'GET',
      headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    })
  } catch {
    throw new ApiError('network', 'The server cannot be reached. Is `npm start` still running?')
  }
  const text = await response.text()
  let data: unknown = null
  try {
    data = text ? JSON.parse(text) : null
  } catch {
    throw new ApiError('malformed', `The server answered ${response.status} with something that is not JSON.`)
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string } } | null)?.error
    throw new ApiError(
      error?.code ?? `http_${response.status}`,
      error?.message ?? `The server answered ${response.status}.`,
    )
  }
  return data as T
}

import { codeForStatus, errorBodySchema, SEQ_HEADER, type Stamped } from '@switchboard/protocol'
import { InboxError, toInboxError } from '../errors'
import type { Reader } from './readers'

/** Supplies the bearer token; `forceRefresh` after a 401 asks for a new one. */
export type GetToken = (options: { forceRefresh: boolean }) => string | Promise<string>

/** One JSON call of the HTTP contract. */
export interface HttpCall<T> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  path: string
  query?: Record<string, string | number | boolean | undefined>
  body?: unknown
  /** Reads (validates) the answer; null for 204 answers. */
  read: Reader<T> | null
  signal?: AbortSignal
}

export interface HttpConfig {
  baseUrl: string
  getToken: GetToken
  fetch: typeof fetch
  timeoutMs: number
}

export function buildUrl(baseUrl: string, path: string, query?: HttpCall<unknown>['query']): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) params.set(key, String(value))
  const search = params.toString()
  return `${baseUrl}${path}${search ? `?${search}` : ''}`
}

/** Turns a non-2xx answer into an InboxError, reading the `{ error }` body when there is one. */
export async function errorFromResponse(response: Response): Promise<InboxError> {
  let body: unknown = null
  try {
    body = await response.json()
  } catch {
    // not JSON: fall through
  }
  const parsed = errorBodySchema.safeParse(body)
  if (parsed.success) {
    const { code, message, details } = parsed.data.error
    return new InboxError(code as InboxError['code'], message, { status: response.status, details })
  }
  return new InboxError(
    codeForStatus(response.status),
    `The SMS inbox answered ${response.status} ${response.statusText}`.trim(),
    {
      status: response.status,
    },
  )
}

/** Sends a call (bearer token refreshed once on 401, timeout); a non-2xx answer rejects typed. */
async function perform(config: HttpConfig, call: HttpCall<unknown>): Promise<Response> {
  const attempt = async (forceRefresh: boolean): Promise<Response> => {
    const given = config.getToken({ forceRefresh })
    // A token at hand is used at once, so the request leaves now, not after the task that asked
    // (the inbox's first requests leave before it draws its panes, not after).
    const token = typeof given === 'string' ? given : await given
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), config.timeoutMs)
    const onAbort = () => controller.abort(call.signal?.reason)
    call.signal?.addEventListener('abort', onAbort)
    try {
      return await config.fetch(buildUrl(config.baseUrl, call.path, call.query), {
        method: call.method,
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${token}`,
          ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
        signal: controller.signal,
      })
    } catch (error) {
      if (controller.signal.aborted && !call.signal?.aborted) {
        throw new InboxError('timeout', `The SMS inbox did not answer within ${Math.round(config.timeoutMs / 1000)} s.`)
      }
      throw toInboxError(error)
    } finally {
      clearTimeout(timer)
      call.signal?.removeEventListener('abort', onAbort)
    }
  }
  let response = await attempt(false)
  if (response.status === 401) response = await attempt(true)
  if (!response.ok) throw await errorFromResponse(response)
  return response
}

/** Reads and validates the JSON body of a successful answer. */
async function readBody<T>(response: Response, call: HttpCall<T>): Promise<T> {
  if (call.read === null) return undefined as T
  let body: unknown
  try {
    body = await response.json()
  } catch {
    throw new InboxError('malformed_response', 'The server sent a reply that is not JSON.', { retryable: false })
  }
  return call.read(body, `reply to ${call.method} ${call.path}`)
}

/**
 * Performs a call: bearer token (refreshed once on 401), timeout, JSON both ways, typed errors,
 * and validation of the answer.
 */
export async function httpRequest<T>(config: HttpConfig, call: HttpCall<T>): Promise<T> {
  return readBody(await perform(config, call), call)
}

/**
 * Performs a call whose answer is stamped with the event-log position it reflects (the
 * `switchboard-seq` header); an answer without it breaks the contract (`malformed_response`).
 */
export async function stampedRequest<T>(config: HttpConfig, call: HttpCall<T>): Promise<Stamped<T>> {
  const response = await perform(config, call)
  const header = response.headers.get(SEQ_HEADER)
  const seq = header === null || !/^\d{1,15}$/.test(header.trim()) ? Number.NaN : Number(header)
  if (!Number.isSafeInteger(seq)) {
    throw new InboxError(
      'malformed_response',
      `The reply to ${call.method} ${call.path} has no valid ${SEQ_HEADER} header (a cross-origin server must list it in Access-Control-Expose-Headers).`,
      { retryable: false },
    )
  }
  return { data: await readBody(response, call), seq }
}

import { ERROR_STATUS, type ErrorCode } from '@switchboard/protocol'

/** Codes only the client produces: the request never got a usable answer. */
export type ClientErrorCode = 'network_error' | 'timeout' | 'malformed_response' | 'aborted'

/** Every code an {@link InboxError} can carry: the server's error codes and the client's own. */
export type InboxErrorCode = ErrorCode | ClientErrorCode

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504])

/**
 * The one error type of `@switchboard/core`: a `code` to switch on, a readable `message`, the
 * HTTP `status` (0 when there was no answer) and whether trying again may succeed.
 *
 * @example
 * try { await client.actions.close(id) } catch (e) { if (isInboxError(e) && e.code === 'forbidden') … }
 */
export class InboxError extends Error {
  override readonly name = 'InboxError'
  readonly code: InboxErrorCode
  readonly status: number
  readonly retryable: boolean
  readonly details?: unknown

  constructor(
    code: InboxErrorCode,
    message: string,
    options: { status?: number; retryable?: boolean; details?: unknown } = {},
  ) {
    super(message)
    this.code = code
    this.status = options.status ?? (code in ERROR_STATUS ? ERROR_STATUS[code as ErrorCode] : 0)
    this.retryable = options.retryable ?? isRetryable(code, this.status)
    if (options.details !== undefined) this.details = options.details
  }
}

/** Network failures, timeouts, 408, 429 and 5xx may succeed on a retry; refusals (4xx) never do. */
export function isRetryable(code: InboxErrorCode, status: number): boolean {
  if (code === 'network_error' || code === 'timeout') return true
  if (code === 'aborted' || code === 'malformed_response') return false
  return RETRYABLE_STATUS.has(status)
}

/** Whether a value is an {@link InboxError} (also across bundle copies). */
export function isInboxError(value: unknown): value is InboxError {
  return value instanceof Error && value.name === 'InboxError' && 'code' in value && 'retryable' in value
}

/** Any thrown value as an {@link InboxError}, keeping ones that already are. */
export function toInboxError(error: unknown): InboxError {
  if (isInboxError(error)) return error
  if (error instanceof Error && error.name === 'SwitchboardError' && 'code' in error) {
    const e = error as Error & { code: ErrorCode; details?: unknown }
    return new InboxError(e.code, e.message, { details: e.details })
  }
  if (error instanceof Error && error.name === 'AbortError')
    return new InboxError('aborted', 'The request was cancelled.')
  return new InboxError('network_error', 'Could not reach the SMS inbox. Check the connection and try again.', {
    details: error instanceof Error ? error.message : String(error),
  })
}

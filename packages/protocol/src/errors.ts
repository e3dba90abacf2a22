import * as z from 'zod/mini'

/** Every error code the API and the client can report, with the HTTP status it travels with. */
export const ERROR_STATUS = {
  validation_failed: 422,
  invalid_phone: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  recipient_opted_out: 409,
  recipient_blocked: 409,
  one_way_mode: 409,
  consent_required: 409,
  quiet_hours: 409,
  events_expired: 410,
  attachment_too_large: 413,
  attachment_type_not_allowed: 415,
  invalid_signature: 401,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const

export type ErrorCode = keyof typeof ERROR_STATUS
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[]

const GENERAL_CODE: Record<number, ErrorCode> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  410: 'events_expired',
  413: 'attachment_too_large',
  415: 'attachment_type_not_allowed',
  422: 'validation_failed',
  429: 'rate_limited',
  503: 'unavailable',
}

/**
 * The general error code of an HTTP status, for an answer that did not say (a proxy's 502, an
 * injected failure): 5xx is `unavailable` (503) or `internal`; an unknown 4xx is `internal`.
 * The inverse of {@link ERROR_STATUS} for the codes that own their status.
 */
export function codeForStatus(status: number): ErrorCode {
  return GENERAL_CODE[status] ?? (status >= 500 && status !== 500 ? 'unavailable' : 'internal')
}

/** The JSON body of every error response: `{ error: { code, message, details? } }`. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.optional(z.unknown()),
  }),
})
export type ErrorBody = z.infer<typeof errorBodySchema>

/**
 * An error with a `code` a program can switch on and a `message` a person can read.
 *
 * @example
 * throw new SwitchboardError('recipient_opted_out', 'This number replied STOP on 3 May.')
 */
export class SwitchboardError extends Error {
  override readonly name = 'SwitchboardError'
  readonly code: ErrorCode
  readonly status: number
  readonly details?: unknown

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message)
    this.code = code
    this.status = ERROR_STATUS[code]
    if (details !== undefined) this.details = details
  }

  /** The wire form of this error. */
  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    }
  }
}

/** Whether a value is a {@link SwitchboardError} (also across bundle copies). */
export function isSwitchboardError(value: unknown): value is SwitchboardError {
  return value instanceof Error && value.name === 'SwitchboardError' && 'code' in value
}

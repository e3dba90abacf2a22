import { SwitchboardError } from '@switchboard/protocol'

/** The longest path parameter the contract accepts (ids are far shorter; phone numbers too). */
export const MAX_PATH_PARAM_LENGTH = 200

/**
 * Why a decoded path parameter is malformed (over {@link MAX_PATH_PARAM_LENGTH} characters, or
 * with control characters such as CR/LF), or null when it is acceptable. The mock's path guard
 * and every route of the contract ask it, so both backends refuse the same addresses.
 */
export function pathParamRefusal(decoded: string): string | null {
  if (decoded.length > MAX_PATH_PARAM_LENGTH) return `is longer than ${MAX_PATH_PARAM_LENGTH} characters`
  if (/\p{Cc}/u.test(decoded)) return 'contains control characters'
  return null
}

/** Throws `validation_failed` for the first malformed parameter among `params`. */
export function checkPathParams(params: Record<string, string>): void {
  for (const value of Object.values(params)) {
    const problem = pathParamRefusal(value)
    if (problem)
      throw new SwitchboardError(
        'validation_failed',
        `The request address is malformed: a part of the path ${problem}.`,
      )
  }
}

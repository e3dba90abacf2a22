import type { PhoneParseResult } from '@switchboard/protocol'
import type { InboxStrings } from '../strings'

/**
 * Why a typed number cannot be texted, in staff's words (from the protocol's one phone rule),
 * or null when it can.
 */
export function phoneProblem(parsed: PhoneParseResult, t: InboxStrings): string | null {
  if (parsed.ok) return null
  return {
    empty: t.phoneEmpty,
    too_short: t.phoneTooShort,
    too_long: t.phoneTooLong,
    invalid: t.phoneInvalid,
    unsupported_country: t.phoneCountryUnsupported,
  }[parsed.reason]
}

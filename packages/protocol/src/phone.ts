import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/min'
import { SwitchboardError } from './errors'

/** Result of {@link parsePhone}: the E.164 form, or why the input is not a textable number. */
export type PhoneParseResult =
  | { ok: true; e164: string; national: string; international: string; country: string | undefined }
  | { ok: false; reason: 'empty' | 'too_short' | 'too_long' | 'invalid' }

/**
 * Parses a phone number typed by a person or sent by a provider.
 * National numbers are read in `defaultCountry` (the clinic's, `US` when not given).
 *
 * @example
 * parsePhone('(415) 555-2671') // { ok: true, e164: '+14155552671', national: '(415) 555-2671', ... }
 */
export function parsePhone(input: string, defaultCountry = 'US'): PhoneParseResult {
  // Lists and threads show the same few hundred numbers on every render: each is read once.
  if (input.length > 64) return parse(input, defaultCountry)
  const key = `${defaultCountry} ${input}`
  const known = parsed.get(key)
  if (known) return known
  const result = Object.freeze(parse(input, defaultCountry))
  if (parsed.size >= PARSED_LIMIT) parsed.delete(parsed.keys().next().value as string)
  parsed.set(key, result)
  return result
}

/** Numbers already read, oldest first (a Map keeps insertion order), at most {@link PARSED_LIMIT}. */
const parsed = new Map<string, PhoneParseResult>()
const PARSED_LIMIT = 5000

function parse(input: string, defaultCountry: string): PhoneParseResult {
  const trimmed = input.trim()
  if (!trimmed) return { ok: false, reason: 'empty' }
  const digits = trimmed.replace(/\D/g, '')
  if (digits.length < 7) return { ok: false, reason: 'too_short' }
  if (digits.length > 15) return { ok: false, reason: 'too_long' }
  const phone = parsePhoneNumberFromString(trimmed, defaultCountry as CountryCode)
  if (!phone?.isValid()) return { ok: false, reason: 'invalid' }
  return {
    ok: true,
    e164: phone.number,
    national: phone.formatNational(),
    international: phone.formatInternational(),
    country: phone.country,
  }
}

/**
 * Normalizes a phone number to E.164 or throws `invalid_phone`.
 *
 * @example
 * normalizePhone('415.555.2671') // '+14155552671'
 */
export function normalizePhone(input: string, defaultCountry = 'US'): string {
  const result = parsePhone(input, defaultCountry)
  if (result.ok) return result.e164
  const why = {
    empty: 'is empty',
    too_short: 'is too short',
    too_long: 'is too long',
    invalid: 'is not a valid number',
  }[result.reason]
  throw new SwitchboardError('invalid_phone', `Phone number "${input.slice(0, 40)}" ${why}.`, { reason: result.reason })
}

/** Only the digits of a phone number or query, for search by digits. */
export function phoneDigits(input: string): string {
  return input.replace(/\D/g, '')
}

import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/core'
import { SwitchboardError } from './errors'
import { PHONE_METADATA, TEXTING_CALLING_CODES } from './phoneMetadata'

export { TEXTING_CALLING_CODES }

/** Result of {@link parsePhone}: the E.164 form, or why the input is not a textable number. */
export type PhoneParseResult =
  | { ok: true; e164: string; national: string; international: string; country: string | undefined }
  | { ok: false; reason: 'empty' | 'too_short' | 'too_long' | 'invalid' | 'unsupported_country' }

/**
 * Parses a phone number typed by a person or sent by a provider.
 * National numbers are read in `defaultCountry` (the clinic's, `US` when not given). Only the
 * countries a clinic can text are known ({@link TEXTING_CALLING_CODES}: North America, the UK,
 * Ireland, Australia, New Zealand); another country's number is `unsupported_country`.
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
  const country = defaultCountry in PHONE_METADATA.countries ? (defaultCountry as CountryCode) : undefined
  const phone = parsePhoneNumberFromString(trimmed, country ? { defaultCountry: country } : {}, PHONE_METADATA)
  if (!phone?.isValid()) {
    const international = /^\s*(\+|00)/.test(trimmed)
    const code = digits.replace(/^00/, '')
    const known = TEXTING_CALLING_CODES.some((c) => code.startsWith(c))
    return { ok: false, reason: international && !known ? 'unsupported_country' : 'invalid' }
  }
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
    unsupported_country: 'is in a country the clinic cannot text',
  }[result.reason]
  throw new SwitchboardError('invalid_phone', `Phone number "${input.slice(0, 40)}" ${why}.`, { reason: result.reason })
}

/**
 * The sender of an inbound text as the clinic keeps it: normalized when it can be read, and kept
 * as the provider gave it (E.164) when it is in a country the clinic cannot text, so a text from
 * abroad is recorded rather than refused. Anything else throws `invalid_phone`.
 *
 * @example
 * senderPhone('+33612345678') // '+33612345678'
 */
export function senderPhone(input: string, defaultCountry = 'US'): string {
  const result = parsePhone(input, defaultCountry)
  if (result.ok) return result.e164
  const e164 = input.trim()
  if (result.reason === 'unsupported_country' && /^\+[1-9]\d{6,14}$/.test(e164)) return e164
  return normalizePhone(input, defaultCountry)
}

/** Only the digits of a phone number or query, for search by digits. */
export function phoneDigits(input: string): string {
  return input.replace(/\D/g, '')
}

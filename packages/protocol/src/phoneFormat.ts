import { parsePhone } from './phone'

/**
 * A phone number for display: national format for the clinic's own country, international
 * otherwise; the input unchanged when it cannot be read.
 *
 * @example
 * formatPhone('+14155552671', 'US') // '(415) 555-2671'
 * formatPhone('+442079460958', 'US') // '+44 20 7946 0958'
 */
export function formatPhone(phone: string, clinicCountry = 'US'): string {
  const parsed = parsePhone(phone, clinicCountry)
  if (!parsed.ok) return phone
  return parsed.country === clinicCountry ? parsed.national : parsed.international
}

/** A readable reason a typed number cannot be texted, or null when it can. */
export function phoneProblem(input: string, clinicCountry = 'US'): string | null {
  const parsed = parsePhone(input, clinicCountry)
  if (parsed.ok) return null
  return {
    empty: 'Enter a phone number.',
    too_short: 'This number is too short.',
    too_long: 'This number is too long.',
    invalid: 'This is not a valid phone number.',
    unsupported_country: 'The clinic’s number cannot text this country.',
  }[parsed.reason]
}

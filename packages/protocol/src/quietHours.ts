import { phoneLocation } from './phoneLocation'
import { addDays, formatMinute, localTime, zonedInstant } from './zonedTime'

/** Why a text goes out: care and reminders (transactional) or promotion (marketing). */
export type MessagePurpose = 'transactional' | 'marketing'

/** Local hours in which texts may go out, as minutes since midnight: `[start, end)`. */
export interface SendingHours {
  start: number
  end: number
}

/** 8 am to 9 pm in the recipient's time zone (TCPA, 47 CFR 64.1200(c)(1)). */
export const SENDING_HOURS: SendingHours = Object.freeze({ start: 8 * 60, end: 21 * 60 })

/**
 * Regions where marketing texts must stop earlier: 8 am to 8 pm in Florida (Telephone
 * Solicitation Act, §501.616) and Maryland (Stop the Spam Calls Act, 2023).
 */
export const MARKETING_HOURS_BY_REGION: Readonly<Record<string, SendingHours>> = Object.freeze({
  'US-FL': { start: 8 * 60, end: 20 * 60 },
  'US-MD': { start: 8 * 60, end: 20 * 60 },
})

/** The outcome of {@link checkQuietHours}. */
export interface QuietHoursCheck {
  /** Sending now would reach the recipient outside the allowed hours in one of their zones. */
  quiet: boolean
  /** The zones read: the recipient's where their number tells, else the clinic's. */
  timeZones: string[]
  /** Whether the zones are the recipient's own (false: only the clinic's was known). */
  recipientZoneKnown: boolean
  /** The recipient's wall clock now (`HH:MM`) in their first zone. */
  localTime: string
  /** The allowed hours applied, `HH:MM`. */
  hours: { start: string; end: string }
  /** The first instant at which sending is allowed in every zone (`at` itself when not quiet). */
  allowedAt: Date
}

const allowedIn = (at: Date, zone: string, hours: SendingHours) => {
  const { minute } = localTime(at, zone)
  return minute >= hours.start && minute < hours.end
}

function nextStart(at: Date, zone: string, hours: SendingHours): Date {
  const local = localTime(at, zone)
  const day = local.minute < hours.start ? local : addDays(local, 1)
  return zonedInstant(zone, day.year, day.month, day.day, hours.start)
}

/**
 * Whether a text sent at `at` to `phone` would fall in the recipient's quiet hours, reading the
 * time in every zone their area code spans (the clinic's when unknown), and when it may go.
 *
 * @example
 * checkQuietHours({ at: new Date('2026-12-01T01:30:00Z'), phone: '+13055550123', clinicTimeZone: 'America/Los_Angeles', purpose: 'marketing' })
 * // 8:30 pm in Florida: { quiet: true, localTime: '20:30', allowedAt: 2026-12-01T13:00:00.000Z, … }
 */
export function checkQuietHours(input: {
  at: Date
  phone: string
  clinicTimeZone: string
  purpose?: MessagePurpose
}): QuietHoursCheck {
  const location = phoneLocation(input.phone)
  const timeZones = location?.timeZones ?? [input.clinicTimeZone]
  const hours =
    input.purpose === 'marketing' && location
      ? (MARKETING_HOURS_BY_REGION[location.region] ?? SENDING_HOURS)
      : SENDING_HOURS
  let allowedAt = input.at
  for (let round = 0; round < 4; round++) {
    const blocked = timeZones.filter((zone) => !allowedIn(allowedAt, zone, hours))
    if (blocked.length === 0) break
    allowedAt = new Date(Math.max(...blocked.map((zone) => nextStart(allowedAt, zone, hours).getTime())))
  }
  return {
    quiet: allowedAt.getTime() !== input.at.getTime(),
    timeZones,
    recipientZoneKnown: location !== null,
    localTime: formatMinute(localTime(input.at, timeZones[0] as string).minute),
    hours: { start: formatMinute(hours.start), end: formatMinute(hours.end) },
    allowedAt,
  }
}

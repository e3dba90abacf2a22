import type { BusinessHours, Holiday, TimeRange } from './entities'
import { addDays, type LocalTime, localTime, minuteOfDay, zonedInstant } from './zonedTime'

/** How far back or ahead the rules look for an opening: a long closure, then give up. */
const SEARCH_DAYS = 400

const isoDate = (d: Pick<LocalTime, 'year' | 'month' | 'day'>) =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`

/** Whether `timeZone` is an IANA zone this runtime knows (`America/Vancouver`, `UTC`). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
    return timeZone.length > 0
  } catch {
    return false
  }
}

/** One problem of a set of business hours: where, what (a code a UI can word), and in English. */
export interface BusinessHoursProblem {
  path: string
  code: 'unknown-time-zone' | 'closes-before-opening' | 'overlaps-previous' | 'not-a-date' | 'holiday-twice'
  message: string
}

/**
 * What is wrong with a set of business hours, by path (`weekly.1.0.close`, `holidays.2.date`):
 * an unknown time zone, an opening that closes before it opens, openings of a day out of order or
 * overlapping, a date that is not on the calendar, a holiday listed twice. Empty when fine.
 *
 * @example
 * businessHoursProblems({ timezone: 'America/Vancouver', weekly: [[], [{ open: '17:00', close: '08:00' }], [], [], [], [], []], holidays: [] })
 * // [{ path: 'weekly.1.0.close', code: 'closes-before-opening', message: 'must be after the opening time' }]
 */
export function businessHoursProblems(hours: BusinessHours): BusinessHoursProblem[] {
  const problems: BusinessHoursProblem[] = []
  if (!isKnownTimeZone(hours.timezone))
    problems.push({ path: 'timezone', code: 'unknown-time-zone', message: 'is not a known time zone' })
  hours.weekly.forEach((ranges, day) => {
    ranges.forEach((range, i) => {
      if (minuteOfDay(range.close) <= minuteOfDay(range.open)) {
        problems.push({
          path: `weekly.${day}.${i}.close`,
          code: 'closes-before-opening',
          message: 'must be after the opening time',
        })
      } else if (i > 0 && minuteOfDay(range.open) < minuteOfDay((ranges[i - 1] as TimeRange).close)) {
        problems.push({
          path: `weekly.${day}.${i}.open`,
          code: 'overlaps-previous',
          message: 'must be after the previous opening closes',
        })
      }
    })
  })
  const seen = new Set<string>()
  hours.holidays.forEach((holiday, i) => {
    const [y, m, d] = holiday.date.split('-').map(Number) as [number, number, number]
    if (isoDate(addDays({ year: y, month: m, day: d }, 0)) !== holiday.date) {
      problems.push({ path: `holidays.${i}.date`, code: 'not-a-date', message: 'is not a day of the calendar' })
    } else if (seen.has(holiday.date)) {
      problems.push({ path: `holidays.${i}.date`, code: 'holiday-twice', message: 'is listed twice' })
    }
    seen.add(holiday.date)
  })
  return problems
}

/** The holiday on a local calendar day, if any. */
function holidayOn(hours: BusinessHours, day: Pick<LocalTime, 'year' | 'month' | 'day'>): Holiday | undefined {
  if (hours.holidays.length === 0) return undefined
  const date = isoDate(day)
  return hours.holidays.find((h) => h.date === date)
}

/** The openings of a local calendar day: none on a holiday. */
function openingsOn(hours: BusinessHours, day: Pick<LocalTime, 'year' | 'month' | 'day' | 'weekday'>): TimeRange[] {
  return holidayOn(hours, day) ? [] : (hours.weekly[day.weekday] ?? [])
}

/**
 * Whether the clinic is open at `at`, reading its hours in its own time zone.
 *
 * @example
 * isOpenAt(hours, new Date('2026-11-30T16:00:00Z')) // Monday 08:00 in Los Angeles → true
 */
export function isOpenAt(hours: BusinessHours, at: Date): boolean {
  const now = localTime(at, hours.timezone)
  return openingsOn(hours, now).some((r) => now.minute >= minuteOfDay(r.open) && now.minute < minuteOfDay(r.close))
}

/**
 * Names the closed period that `at` falls in by the instant the clinic last closed before it
 * (ISO string), so that every moment of one evening, weekend or holiday gives the same name,
 * however short the opening before it (a 30-minute opening starts a new period). Null while the
 * clinic is open; `always-closed` when it has not been open within a year.
 *
 * @example
 * closedPeriodId(hours, new Date('2026-12-01T06:00:00Z')) // '2026-12-01T02:00:00.000Z' (Mon 6 pm in Los Angeles)
 */
export function closedPeriodId(hours: BusinessHours, at: Date): string | null {
  if (isOpenAt(hours, at)) return null
  const today = localTime(at, hours.timezone)
  for (let back = 0; back <= SEARCH_DAYS; back++) {
    const date = addDays(today, -back)
    let last: Date | null = null
    for (const range of openingsOn(hours, date)) {
      const closedAt = zonedInstant(hours.timezone, date.year, date.month, date.day, minuteOfDay(range.close))
      if (closedAt.getTime() <= at.getTime() && (!last || closedAt > last)) last = closedAt
    }
    if (last) return last.toISOString()
  }
  return 'always-closed'
}

/** When the clinic next opens after `at` (null when not within a year). */
export function nextOpening(hours: BusinessHours, at: Date): Date | null {
  const today = localTime(at, hours.timezone)
  for (let ahead = 0; ahead <= SEARCH_DAYS; ahead++) {
    const date = addDays(today, ahead)
    for (const range of openingsOn(hours, date)) {
      const opens = zonedInstant(hours.timezone, date.year, date.month, date.day, minuteOfDay(range.open))
      if (opens.getTime() > at.getTime()) return opens
    }
  }
  return null
}

/** What a client texting the clinic at a given moment gets back: see {@link afterHoursPreview}. */
export interface AfterHoursPreview {
  /** The clinic is open then: staff answer, nothing automatic is sent. */
  open: boolean
  /** The holiday it is closed for, if that is why. */
  holiday: Holiday | null
  /** The auto-reply the client receives (null when open or switched off). */
  autoReply: string | null
  /** Who gets the after-hours alert e-mail (empty when open, off or nobody is listed). */
  alertTo: string[]
  /** When the clinic opens next (null when open, or not within a year). */
  opensAt: Date | null
}

/**
 * What a client who texts at `at` would receive, with the settings as they stand: the same rules
 * the service applies to an inbound text (its first text of a closed period).
 *
 * @example
 * afterHoursPreview(settings, new Date('2026-12-25T18:00:00Z'))
 * // { open: false, holiday: { date: '2026-12-25', name: 'Christmas Day' }, autoReply: 'Thanks for texting…', alertTo: ['frontdesk@…'], opensAt: … }
 */
export function afterHoursPreview(
  settings: {
    businessHours: BusinessHours
    autoReply: { enabled: boolean; text: string }
    afterHoursAlert: { enabled: boolean; recipients: string[] }
  },
  at: Date,
): AfterHoursPreview {
  const hours = settings.businessHours
  if (isOpenAt(hours, at)) return { open: true, holiday: null, autoReply: null, alertTo: [], opensAt: null }
  const text = settings.autoReply.text.trim()
  return {
    open: false,
    holiday: holidayOn(hours, localTime(at, hours.timezone)) ?? null,
    autoReply: settings.autoReply.enabled && text ? text : null,
    alertTo: settings.afterHoursAlert.enabled ? [...settings.afterHoursAlert.recipients] : [],
    opensAt: nextOpening(hours, at),
  }
}

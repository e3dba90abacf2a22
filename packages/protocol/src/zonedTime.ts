const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** A wall-clock reading in some time zone. `weekday` is 0 for Sunday, like `Date#getDay`. */
export interface LocalTime {
  year: number
  month: number
  day: number
  weekday: number
  /** Minutes since local midnight. */
  minute: number
}

/**
 * The wall-clock date and time of `at` in `timeZone` (an IANA name).
 *
 * @example
 * localTime(new Date('2026-11-30T18:00:00Z'), 'America/Los_Angeles') // Monday 30 Nov, minute 600 (10:00)
 */
export function localTime(at: Date, timeZone: string): LocalTime {
  const parts = formatterFor(timeZone).formatToParts(at)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  const year = get('year')
  const month = get('month')
  const day = get('day')
  return {
    year,
    month,
    day,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
    minute: get('hour') * 60 + get('minute'),
  }
}

/** How far `timeZone` is ahead of UTC at `at`, in ms. */
function offsetAt(at: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(at))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return wall - (at - (at % 1000))
}

/**
 * The instant at which the wall clock in `timeZone` reads `minute` minutes after midnight of
 * the given date (months 1–12; minutes may pass 1440 into the next day). In a DST gap the
 * later reading is used, in an overlap the earlier.
 *
 * @example
 * zonedInstant('America/New_York', 2026, 11, 30, 9 * 60) // 2026-11-30T14:00:00.000Z
 */
export function zonedInstant(timeZone: string, year: number, month: number, day: number, minute: number): Date {
  const wall = Date.UTC(year, month - 1, day, 0, minute)
  // The offsets a day before and a day after: a zone changes its offset at most once in between
  // (by an hour, or by half an hour on Lord Howe Island).
  const before = offsetAt(wall - DAY_MS, timeZone)
  const after = offsetAt(wall + DAY_MS, timeZone)
  const readings = [before, after].map((offset) => wall - offset).filter((at) => at + offsetAt(at, timeZone) === wall)
  // The wall clock shows it once, or twice in an overlap (the earlier is taken); in a gap, never:
  // the instant the reading would have had under the offset before the change, which is later.
  return new Date(readings.length ? Math.min(...readings) : wall - before)
}

const DAY_MS = 86_400_000

/** The calendar date `days` days after (or before, when negative) the given one. */
export function addDays(
  date: Pick<LocalTime, 'year' | 'month' | 'day'>,
  days: number,
): { year: number; month: number; day: number; weekday: number } {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days))
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() }
}

/** `HH:MM` as minutes since midnight. */
export const minuteOfDay = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

/** Minutes since midnight as `HH:MM`. */
export const formatMinute = (minute: number): string =>
  `${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`

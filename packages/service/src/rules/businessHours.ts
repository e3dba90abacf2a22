import type { BusinessHours } from '@switchboard/protocol'

const formatters = new Map<string, Intl.DateTimeFormat>()
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 }

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** The weekday (0 = Sunday) and minute of the day of `at` in `timeZone`. */
export function localTime(at: Date, timeZone: string): { weekday: number; minute: number } {
  const parts = formatterFor(timeZone).formatToParts(at)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '0'
  return { weekday: WEEKDAYS[get('weekday')] ?? 0, minute: Number(get('hour')) * 60 + Number(get('minute')) }
}

const toMinute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

/**
 * Whether the clinic is open at `at`, reading its hours in its own time zone.
 *
 * @example
 * isOpenAt(hours, 'America/New_York', new Date('2026-11-30T15:00:00Z')) // Monday 10:00 → true
 */
export function isOpenAt(hours: BusinessHours, timeZone: string, at: Date): boolean {
  const { weekday, minute } = localTime(at, timeZone)
  const day = hours[weekday]
  if (!day) return false
  return minute >= toMinute(day.open) && minute < toMinute(day.close)
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/**
 * Names the closed period that `at` falls in by the instant the clinic last closed before it
 * (ISO string), so that every moment of one evening or weekend gives the same name. Returns
 * null while the clinic is open, and `always-closed` for a clinic with no hours at all.
 */
export function closedPeriodId(hours: BusinessHours, timeZone: string, at: Date): string | null {
  if (isOpenAt(hours, timeZone, at)) return null
  // Step back an hour at a time (at most 8 days) to an open moment...
  let t = Math.floor(at.getTime() / MINUTE) * MINUTE
  let found = false
  for (let i = 0; i < 24 * 8; i++) {
    t -= HOUR
    if (isOpenAt(hours, timeZone, new Date(t))) {
      found = true
      break
    }
  }
  if (!found) return 'always-closed'
  // ...then forward a minute at a time to the first closed minute: the closing instant.
  while (isOpenAt(hours, timeZone, new Date(t + MINUTE))) t += MINUTE
  return new Date(t + MINUTE).toISOString()
}

import { addDays, type BusinessHours, localTime, minuteOfDay, zonedInstant } from '@switchboard/protocol'

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
  return minute >= minuteOfDay(day.open) && minute < minuteOfDay(day.close)
}

/**
 * Names the closed period that `at` falls in by the instant the clinic last closed before it
 * (ISO string), so that every moment of one evening or weekend gives the same name, however
 * short the opening before it (a 30-minute opening starts a new period). Returns null while
 * the clinic is open, and `always-closed` for a clinic with no hours at all.
 *
 * @example
 * closedPeriodId(hours, 'America/Los_Angeles', new Date('2026-12-01T06:00:00Z')) // '2026-12-01T01:00:00.000Z' (Mon 5 pm)
 */
export function closedPeriodId(hours: BusinessHours, timeZone: string, at: Date): string | null {
  if (isOpenAt(hours, timeZone, at)) return null
  const today = localTime(at, timeZone)
  // Walk back a day at a time (a week and a day at most) to the last opening that ended before `at`.
  for (let back = 0; back <= 8; back++) {
    const date = addDays(today, -back)
    const day = hours[date.weekday]
    if (!day) continue
    const open = minuteOfDay(day.open)
    const close = minuteOfDay(day.close)
    if (close <= open) continue
    const closedAt = zonedInstant(timeZone, date.year, date.month, date.day, close)
    if (closedAt.getTime() <= at.getTime()) return closedAt.toISOString()
  }
  return 'always-closed'
}

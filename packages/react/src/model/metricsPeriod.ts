import { addDays, localTime, MAX_METRICS_DAYS, zonedInstant } from '@switchboard/protocol'

/** A period of metrics as staff choose it: a preset, or days from and to (both included). */
export type MetricsPeriod =
  | { preset: 'last7' | 'last30' | 'last90' | 'thisMonth' | 'lastMonth' }
  | { preset: 'custom'; from: string; to: string }

/** A period as the metrics call takes it: instants from (included) and to (excluded), with its days. */
export interface ResolvedPeriod {
  from: string
  to: string
  /** The first and last day, `YYYY-MM-DD`, in the clinic's time zone. */
  firstDay: string
  lastDay: string
}

type Day = { year: number; month: number; day: number }
const pad = (n: number) => String(n).padStart(2, '0')
const iso = (d: Day) => `${d.year}-${pad(d.month)}-${pad(d.day)}`
const parse = (date: string): Day | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null
}
const daysBetween = (a: Day, b: Day) =>
  (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000

/** Why a custom period cannot be counted: a day missing, the end before the start, or too long. */
export type PeriodProblem = 'missing' | 'reversed' | 'too-long'

/**
 * The instants of a period in the clinic's time zone (days start at its midnight): presets end
 * today; a custom period runs from its first day's midnight to the midnight after its last.
 *
 * @example
 * resolvePeriod({ preset: 'last7' }, new Date('2026-11-30T18:00:00Z'), 'America/Los_Angeles')
 * // { from: '2026-11-24T08:00:00.000Z', to: '2026-12-01T08:00:00.000Z', firstDay: '2026-11-24', lastDay: '2026-11-30' }
 */
export function resolvePeriod(
  period: MetricsPeriod,
  now: Date,
  timezone: string,
): ResolvedPeriod | { problem: PeriodProblem } {
  const today = localTime(now, timezone)
  let first: Day
  let last: Day = today
  switch (period.preset) {
    case 'last7':
    case 'last30':
    case 'last90':
      first = addDays(today, -(Number(period.preset.slice(4)) - 1))
      break
    case 'thisMonth':
      first = { year: today.year, month: today.month, day: 1 }
      break
    case 'lastMonth': {
      last = addDays({ year: today.year, month: today.month, day: 1 }, -1)
      first = { year: last.year, month: last.month, day: 1 }
      break
    }
    case 'custom': {
      const a = parse(period.from)
      const b = parse(period.to)
      if (!a || !b) return { problem: 'missing' }
      if (daysBetween(a, b) < 0) return { problem: 'reversed' }
      if (daysBetween(a, b) + 1 > MAX_METRICS_DAYS) return { problem: 'too-long' }
      first = a
      last = b
    }
  }
  const after = addDays(last, 1)
  return {
    from: zonedInstant(timezone, first.year, first.month, first.day, 0).toISOString(),
    to: zonedInstant(timezone, after.year, after.month, after.day, 0).toISOString(),
    firstDay: iso(first),
    lastDay: iso(last),
  }
}

const cache = new Map<string, Intl.DateTimeFormat>()
function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let f = cache.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options)
    cache.set(key, f)
  }
  return f
}

/** A list timestamp: the time today, the weekday this week, else the date. */
export function formatListTime(iso: string, locale?: string, now = new Date()): string {
  const date = new Date(iso)
  const days = (now.getTime() - date.getTime()) / 86_400_000
  if (date.toDateString() === now.toDateString())
    return formatter(locale, { hour: 'numeric', minute: '2-digit' }).format(date)
  if (days < 6) return formatter(locale, { weekday: 'short' }).format(date)
  return formatter(locale, { month: 'short', day: 'numeric', ...(days > 300 ? { year: 'numeric' } : {}) }).format(date)
}

/** A message time: hour and minute. */
export function formatMessageTime(iso: string, locale?: string): string {
  return formatter(locale, { hour: 'numeric', minute: '2-digit' }).format(new Date(iso))
}

/** A day separator: "Monday, November 30". */
export function formatDay(iso: string, locale?: string): string {
  return formatter(locale, { weekday: 'long', month: 'long', day: 'numeric' }).format(new Date(iso))
}

/** A day heading in a long history: "Monday, November 30", with the year when it is not this one. */
export function formatHistoryDay(iso: string, locale?: string, now = new Date()): string {
  const date = new Date(iso)
  const year = date.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' as const }
  return formatter(locale, { weekday: 'long', month: 'long', day: 'numeric', ...year }).format(date)
}

/** The local day {@link dayKey} worked out last, as the instants it spans: `[start, end)`. */
const lastDay = { start: 0, end: 0, key: 0 }

/**
 * The local calendar day of a timestamp, for grouping: a number that two timestamps share when
 * they fall on the same local day. A thread works out the day of every message when it opens, in
 * order: a timestamp within the day worked out last is answered from its bounds (a day of 23 or
 * 25 hours included), the others from the date's fields (no formatted string: a thread of 10,000
 * messages took 7 ms with `toDateString`).
 */
export function dayKey(iso: string): number {
  const at = Date.parse(iso)
  if (at >= lastDay.start && at < lastDay.end) return lastDay.key
  const date = new Date(at)
  const year = date.getFullYear()
  const month = date.getMonth()
  const day = date.getDate()
  lastDay.start = new Date(year, month, day).getTime()
  lastDay.end = new Date(year, month, day + 1).getTime()
  lastDay.key = (year * 16 + month) * 32 + day
  return lastDay.key
}

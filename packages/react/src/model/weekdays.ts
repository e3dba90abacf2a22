/** Weekdays in the order a settings page lists them: Monday first, Sunday last (0 is Sunday). */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const

/** A weekday's name in the locale (0 is Sunday), e.g. `lunes`. */
export function weekdayName(day: number, locale: string | undefined): string {
  // 29 November 2026 is a Sunday.
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, 10, 29 + day))
}

/** Every IANA time zone the runtime knows, with `current` kept even when it does not. */
export function timeZones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
  return known.includes(current) ? known : [current, ...known]
}

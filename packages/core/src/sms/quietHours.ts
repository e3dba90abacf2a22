/** The window in which marketing-style texts should not go out, local time `HH:MM`. */
export interface QuietWindow {
  start: string
  end: string
}

/** 9pm to 8am: the hours US rules (TCPA) and carriers expect texts to stay out of. */
export const DEFAULT_QUIET_WINDOW: QuietWindow = { start: '21:00', end: '08:00' }

const minuteOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

/** The local time `HH:MM` of `at` in `timeZone`. */
export function localClock(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00'
  return `${get('hour')}:${get('minute')}`
}

/**
 * Whether sending at `at` falls in the recipient's quiet hours (8am–9pm is fine), reading the
 * time in their time zone (the clinic's when theirs is unknown).
 *
 * @example
 * isQuietHours(new Date('2026-11-30T06:00:00Z'), 'America/Los_Angeles') // 10pm → true
 */
export function isQuietHours(at: Date, timeZone: string, window: QuietWindow = DEFAULT_QUIET_WINDOW): boolean {
  const now = minuteOf(localClock(at, timeZone))
  const start = minuteOf(window.start)
  const end = minuteOf(window.end)
  return start > end ? now >= start || now < end : now >= start && now < end
}

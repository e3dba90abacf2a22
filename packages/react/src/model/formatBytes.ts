/**
 * A file size for people in the locale, in the unit that reads best (`Intl` units).
 *
 * @example
 * formatBytes(1_234_567, 'en') // '1.2 MB'
 */
export function formatBytes(bytes: number, locale?: string): string {
  const [value, unit] =
    bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : bytes >= 1000 ? [bytes / 1000, 'kilobyte'] : [bytes, 'byte']
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(
    value,
  )
}

import type { Metrics } from '@switchboard/protocol'

/** The columns of the CSV export, in order: the day, then its counts. */
export const METRICS_CSV_COLUMNS = [
  'date',
  'sent',
  'delivered',
  'failed',
  'received',
  'segmentsSent',
  'segmentsReceived',
] as const

/**
 * The metrics' days as CSV (RFC 4180, CRLF, a header row named by `header`), one row per day of
 * the clinic and a total row: for a spreadsheet. Every cell is a date, a number or a header the
 * host wrote, so nothing in it can be read as a formula.
 */
export function metricsCsv(
  metrics: Metrics,
  header: Record<(typeof METRICS_CSV_COLUMNS)[number], string>,
  totalLabel: string,
): string {
  // A label that starts like a formula is kept as text; one with a comma or quote is quoted.
  const quote = (text: string) => {
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
  }
  const rows = [
    METRICS_CSV_COLUMNS.map((c) => quote(header[c])),
    ...metrics.days.map((d) => METRICS_CSV_COLUMNS.map((c) => String(d[c]))),
    [
      quote(totalLabel),
      ...METRICS_CSV_COLUMNS.slice(1).map((c) => String(metrics.totals[c as Exclude<typeof c, 'date'>])),
    ],
  ]
  return `${rows.map((r) => r.join(',')).join('\r\n')}\r\n`
}

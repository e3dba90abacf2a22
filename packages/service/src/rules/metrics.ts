import {
  addDays,
  countSegments,
  type DayCounts,
  localTime,
  type Message,
  type Metrics,
  type MetricsCounts,
} from '@switchboard/protocol'
import { BUCKET_LENGTH, type CountBucket, type MessageCountRow } from '../ports'

const zero = (): MetricsCounts => ({
  sent: 0,
  delivered: 0,
  failed: 0,
  received: 0,
  segmentsSent: 0,
  segmentsReceived: 0,
})

/**
 * What a message is billed as: its SMS segments (GSM-7 or UCS-2, the footer included), or one
 * MMS when it carries media.
 *
 * @example
 * billedSegments({ body: 'x'.repeat(161), attachments: [] }) // 2
 */
export function billedSegments(message: Pick<Message, 'body' | 'attachments'>): number {
  if (message.attachments.length > 0) return 1
  return Math.max(1, countSegments(message.body).segments)
}

function add(counts: MetricsCounts, row: MessageCountRow): void {
  if (row.direction === 'inbound') {
    counts.received += row.count
    counts.segmentsReceived += row.segments
    return
  }
  // "sent" counts every outbound message handed on; delivered and failed are its outcomes.
  if (row.status === 'queued') return
  counts.sent += row.count
  counts.segmentsSent += row.segments
  if (row.status === 'delivered') counts.delivered += row.count
  if (row.status === 'failed') counts.failed += row.count
}

/**
 * The finest cut of time the clinic's day boundaries need: whole hours unless its offset from
 * UTC has minutes at either end of the period (India, Newfoundland: ten minutes; Nepal: one).
 */
export function bucketFor(timeZone: string, from: string, to: string): CountBucket {
  let bucket: CountBucket = 'hour'
  for (const iso of [from, to]) {
    const at = new Date(iso)
    const offset = (localTime(at, timeZone).minute - (at.getUTCHours() * 60 + at.getUTCMinutes()) + 1440) % 60
    if (offset % 10 !== 0) return 'minute'
    if (offset !== 0) bucket = 'tenMinutes'
  }
  return bucket
}

const isoDay = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`

/** A bucket's start as an instant: `2026-11-30T18` → 18:00:00Z. */
function bucketStart(bucket: string): Date {
  const minutes = bucket.length === BUCKET_LENGTH.hour ? ':00' : bucket.length === BUCKET_LENGTH.tenMinutes ? '0' : ''
  return new Date(`${bucket}${minutes}:00.000Z`)
}

/**
 * Folds message counts into the SMS metrics of `[from, to)`: in total, by origin, per calendar
 * day of the clinic's time zone (every day of the period, quiet ones as zeros) and failures by
 * reason.
 */
export function summarizeMetrics(
  period: { from: string; to: string; timezone: string },
  rows: readonly MessageCountRow[],
): Metrics {
  const totals = zero()
  const byOrigin: Metrics['byOrigin'] = {}
  const failures: Metrics['failures'] = {}
  const days = new Map<string, DayCounts>()
  const first = localTime(new Date(period.from), period.timezone)
  const last = isoDay(
    localTime(new Date(Math.max(Date.parse(period.from), Date.parse(period.to) - 1)), period.timezone),
  )
  for (let i = 0; i <= 400; i++) {
    const date = isoDay(addDays(first, i))
    days.set(date, { date, ...zero() })
    if (date === last) break
  }
  const dayCache = new Map<string, string>()
  for (const row of rows) {
    add(totals, row)
    const counts = byOrigin[row.origin] ?? zero()
    byOrigin[row.origin] = counts
    add(counts, row)
    if (row.reason) failures[row.reason] = (failures[row.reason] ?? 0) + row.count
    let date = dayCache.get(row.bucket)
    if (date === undefined) {
      date = isoDay(localTime(bucketStart(row.bucket), period.timezone))
      dayCache.set(row.bucket, date)
    }
    const day = days.get(date)
    if (day) add(day, row)
  }
  return { ...period, totals, byOrigin, days: [...days.values()], failures }
}

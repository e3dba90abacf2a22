import type { MessageOrigin, Metrics } from '@switchboard/protocol'
import type { MessageCountRow } from '../ports'

type Counts = Metrics['totals']
const zero = (): Counts => ({ sent: 0, delivered: 0, failed: 0, received: 0 })

function add(counts: Counts, row: MessageCountRow): void {
  if (row.direction === 'inbound') {
    counts.received += row.count
    return
  }
  // "sent" counts every outbound message handed on; delivered and failed are its outcomes.
  if (row.status !== 'queued') counts.sent += row.count
  if (row.status === 'delivered') counts.delivered += row.count
  if (row.status === 'failed') counts.failed += row.count
}

/** Folds message counts into SMS metrics for a period, in total and by origin. */
export function summarizeMetrics(from: string, to: string, rows: readonly MessageCountRow[]): Metrics {
  const totals = zero()
  const byOrigin: Partial<Record<MessageOrigin, Counts>> = {}
  for (const row of rows) {
    add(totals, row)
    const counts = byOrigin[row.origin] ?? zero()
    byOrigin[row.origin] = counts
    add(counts, row)
  }
  return { from, to, totals, byOrigin }
}

import type { DayCounts } from '@switchboard/protocol'

/** One day's bars, in the chart's own units. */
export interface ChartDay {
  date: string
  x: number
  sent: { y: number; height: number; value: number }
  received: { y: number; height: number; value: number }
}

/** The geometry of the per-day chart: two bars a day (sent, received) on one scale, with gridlines. */
export interface ChartLayout {
  width: number
  height: number
  barWidth: number
  days: ChartDay[]
  /** Gridline values and their y, bottom up (0 first). */
  ticks: Array<{ value: number; y: number }>
}

/** A round step for about four gridlines: 1, 2 or 5 times a power of ten. */
function niceStep(max: number): number {
  const rough = Math.max(1, max / 4)
  const power = 10 ** Math.floor(Math.log10(rough))
  return ([1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power) as number
}

/**
 * Lays out a bar chart of texts sent and received per day: a scale with round gridlines from 0,
 * two bars per day side by side. Pure, so the chart is the numbers and nothing else.
 */
export function metricsChart(days: readonly DayCounts[], size = { width: 920, height: 200, axis: 32 }): ChartLayout {
  const max = Math.max(0, ...days.flatMap((d) => [d.sent, d.received]))
  const step = niceStep(max)
  const top = Math.max(step, Math.ceil(max / step) * step)
  // The zero line sits above the bottom edge so its label is not cut; the top tick below the top.
  const base = size.height - 8
  const plot = base - 8
  const slot = (size.width - size.axis) / Math.max(1, days.length)
  const barWidth = Math.max(1, Math.min(16, slot / 2 - 1))
  const bar = (value: number) => {
    const height = (value / top) * plot
    return { y: base - height, height, value }
  }
  const ticks = []
  for (let value = 0; value <= top; value += step) ticks.push({ value, y: base - (value / top) * plot })
  return {
    width: size.width,
    height: size.height,
    barWidth,
    days: days.map((d, i) => ({
      date: d.date,
      x: size.axis + i * slot + (slot - 2 * barWidth) / 2,
      sent: bar(d.sent),
      received: bar(d.received),
    })),
    ticks,
  }
}

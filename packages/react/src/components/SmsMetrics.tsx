'use client'
import type { DayCounts, MessageOrigin, Metrics } from '@switchboard/protocol'
import { type ComponentPropsWithoutRef, forwardRef, useId } from 'react'
import { useLocale, usePartClassName } from '../context'
import { useSettingsStrings } from '../hooks/useSettingsStrings'
import { type SmsMetricsOptions, useSmsMetrics } from '../hooks/useSmsMetrics'
import { metricsChart } from '../model/metricsChart'
import type { MetricsPeriod } from '../model/metricsPeriod'
import { format, plural, type StringKey } from '../strings'
import { cx } from './cx'
import { QueryState } from './QueryState'

/** Props of {@link SmsMetrics}. */
export interface SmsMetricsProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'>, SmsMetricsOptions {}

const PRESETS = ['last7', 'last30', 'last90', 'thisMonth', 'lastMonth', 'custom'] as const
const ORIGINS: MessageOrigin[] = ['staff', 'campaign', 'auto-reply', 'system']

function download(text: string, name: string) {
  // A byte-order mark so a spreadsheet reads the accents of a translated header as UTF-8.
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

function Chart({ days, title, id }: { days: DayCounts[]; title: string; id: string }) {
  const t = useSettingsStrings()
  const locale = useLocale()
  const chart = metricsChart(days)
  const number = new Intl.NumberFormat(locale)
  const dayLabel = (date: string) =>
    new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${date}T00:00:00Z`),
    )
  return (
    <figure className="sb-metrics__chart">
      <svg viewBox={`0 0 ${chart.width} ${chart.height}`} role="img" aria-labelledby={`${id}-chart-title`}>
        <title id={`${id}-chart-title`}>{title}</title>
        {chart.ticks.map((tick) => (
          <g key={tick.value} className="sb-metrics__tick">
            <line x1={30} x2={chart.width} y1={tick.y} y2={tick.y} />
            <text x={26} y={tick.y} textAnchor="end" dominantBaseline="middle">
              {number.format(tick.value)}
            </text>
          </g>
        ))}
        {chart.days.map((day) => (
          <g key={day.date}>
            <rect
              className="sb-metrics__bar sb-metrics__bar--sent"
              x={day.x}
              y={day.sent.y}
              width={chart.barWidth}
              height={day.sent.height}
            >
              <title>{format(t.chartSent, { date: dayLabel(day.date), count: number.format(day.sent.value) })}</title>
            </rect>
            <rect
              className="sb-metrics__bar sb-metrics__bar--received"
              x={day.x + chart.barWidth}
              y={day.received.y}
              width={chart.barWidth}
              height={day.received.height}
            >
              <title>
                {format(t.chartReceived, { date: dayLabel(day.date), count: number.format(day.received.value) })}
              </title>
            </rect>
          </g>
        ))}
      </svg>
      <figcaption className="sb-metrics__legend">
        <span className="sb-metrics__key sb-metrics__key--sent">{t.metricSent}</span>
        <span className="sb-metrics__key sb-metrics__key--received">{t.metricReceived}</span>
        {days.length > 0 && (
          <span className="sb-metrics__range">
            {dayLabel(days[0]?.date ?? '')} – {dayLabel(days.at(-1)?.date ?? '')}
          </span>
        )}
      </figcaption>
    </figure>
  )
}

function Numbers({ metrics, id }: { metrics: Metrics; id: string }) {
  const t = useSettingsStrings()
  const locale = useLocale()
  const number = new Intl.NumberFormat(locale)
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })
  const { totals } = metrics
  const failures = Object.entries(metrics.failures).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
  const dayLabel = (date: string) =>
    new Intl.DateTimeFormat(locale, { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${date}T00:00:00Z`),
    )
  return (
    <>
      <dl className="sb-metrics__totals">
        {(
          [
            ['metricSent', totals.sent, null],
            ['metricDelivered', totals.delivered, totals.sent ? totals.delivered / totals.sent : null],
            ['metricFailed', totals.failed, totals.sent ? totals.failed / totals.sent : null],
            ['metricReceived', totals.received, null],
            ['metricSegments', totals.segmentsSent + totals.segmentsReceived, null],
          ] as const
        ).map(([key, value, share]) => (
          <div key={key} className="sb-metrics__total">
            <dt>{t[key]}</dt>
            <dd>
              <span className="sb-metrics__value">{number.format(value)}</span>
              {share !== null && <span className="sb-metrics__share"> {percent.format(share)}</span>}
            </dd>
          </div>
        ))}
      </dl>
      <Chart days={metrics.days} id={id} title={plural(t, 'chartTitle', metrics.days.length, locale)} />
      <div className="sb-metrics__columns">
        <table className="sb-table">
          <caption>{t.byOrigin}</caption>
          <thead>
            <tr>
              <th scope="col">{t.origin}</th>
              <th scope="col">{t.metricSent}</th>
              <th scope="col">{t.metricDelivered}</th>
              <th scope="col">{t.metricFailed}</th>
              <th scope="col">{t.metricSegmentsSent}</th>
            </tr>
          </thead>
          <tbody>
            {ORIGINS.map((origin) => {
              const c = metrics.byOrigin[origin]
              return (
                <tr key={origin}>
                  <th scope="row">{t[`origin.${origin}` as StringKey] as string}</th>
                  <td>{number.format(c?.sent ?? 0)}</td>
                  <td>{number.format(c?.delivered ?? 0)}</td>
                  <td>{number.format(c?.failed ?? 0)}</td>
                  <td>{number.format(c?.segmentsSent ?? 0)}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
        <table className="sb-table">
          <caption>{t.failureReasons}</caption>
          <thead>
            <tr>
              <th scope="col">{t.reason}</th>
              <th scope="col">{t.metricFailed}</th>
            </tr>
          </thead>
          <tbody>
            {failures.length === 0 ? (
              <tr>
                <td colSpan={2}>{t.noFailures}</td>
              </tr>
            ) : (
              failures.map(([reason, count]) => (
                <tr key={reason}>
                  <th scope="row">{t[`failure.${reason}` as StringKey] as string}</th>
                  <td>{number.format(count ?? 0)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <details className="sb-metrics__days">
        <summary>{t.numbersPerDay}</summary>
        <table className="sb-table">
          <caption className="sb-visually-hidden">{t.numbersPerDay}</caption>
          <thead>
            <tr>
              <th scope="col">{t['csv.date']}</th>
              <th scope="col">{t.metricSent}</th>
              <th scope="col">{t.metricDelivered}</th>
              <th scope="col">{t.metricFailed}</th>
              <th scope="col">{t.metricReceived}</th>
              <th scope="col">{t.metricSegments}</th>
            </tr>
          </thead>
          <tbody>
            {metrics.days.map((d) => (
              <tr key={d.date}>
                <th scope="row">{dayLabel(d.date)}</th>
                <td>{number.format(d.sent)}</td>
                <td>{number.format(d.delivered)}</td>
                <td>{number.format(d.failed)}</td>
                <td>{number.format(d.received)}</td>
                <td>{number.format(d.segmentsSent + d.segmentsReceived)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  )
}

/**
 * SMS metrics for a clinic's reports page: for a chosen period of the clinic's days, texts sent,
 * delivered, failed and received, billed segments, by origin (staff, campaign, auto-reply),
 * failure reasons, an accessible per-day chart with the same numbers as a table, and a CSV
 * export. Markup over {@link useSmsMetrics}.
 */
export const SmsMetrics = forwardRef<HTMLDivElement, SmsMetricsProps>(function SmsMetrics(
  { defaultPeriod, now, className, ...rest },
  ref,
) {
  const t = useSettingsStrings()
  const id = useId()
  const partClass = usePartClassName('metrics', className)
  const metrics = useSmsMetrics({ ...(defaultPeriod ? { defaultPeriod } : {}), ...(now ? { now } : {}) })
  const { period } = metrics
  const custom = period.preset === 'custom' ? period : null
  const choose = (preset: MetricsPeriod['preset']) =>
    metrics.setPeriod(
      preset === 'custom'
        ? { preset, from: metrics.resolved?.firstDay ?? '', to: metrics.resolved?.lastDay ?? '' }
        : { preset },
    )
  return (
    <div ref={ref} {...rest} className={cx('sb-metrics', partClass)}>
      <div className="sb-metrics__toolbar">
        <div className="sb-field">
          <label className="sb-field__label" htmlFor={`${id}-period`}>
            {t.period}
          </label>
          <select
            id={`${id}-period`}
            className="sb-select"
            value={period.preset}
            onChange={(e) => choose(e.target.value as MetricsPeriod['preset'])}
          >
            {PRESETS.map((preset) => (
              <option key={preset} value={preset}>
                {t[`period.${preset}`]}
              </option>
            ))}
          </select>
        </div>
        {custom && (
          <>
            <div className="sb-field">
              <label className="sb-field__label" htmlFor={`${id}-from`}>
                {t.periodFrom}
              </label>
              <input
                id={`${id}-from`}
                type="date"
                className="sb-input sb-input--date"
                value={custom.from}
                onChange={(e) => metrics.setPeriod({ ...custom, from: e.target.value })}
                aria-invalid={metrics.periodError ? true : undefined}
                aria-describedby={metrics.periodError ? `${id}-period-error` : undefined}
              />
            </div>
            <div className="sb-field">
              <label className="sb-field__label" htmlFor={`${id}-to`}>
                {t.periodTo}
              </label>
              <input
                id={`${id}-to`}
                type="date"
                className="sb-input sb-input--date"
                value={custom.to}
                onChange={(e) => metrics.setPeriod({ ...custom, to: e.target.value })}
                aria-invalid={metrics.periodError ? true : undefined}
                aria-describedby={metrics.periodError ? `${id}-period-error` : undefined}
              />
            </div>
          </>
        )}
        <button
          type="button"
          className="sb-button sb-metrics__export"
          disabled={!metrics.data}
          onClick={() => {
            const csv = metrics.csv()
            if (csv) download(csv, metrics.csvName)
          }}
        >
          {t.exportCsv}
        </button>
      </div>
      {metrics.timezone && (
        <p className="sb-settings__description">{format(t.metricsTimezone, { timezone: metrics.timezone })}</p>
      )}
      {metrics.periodError ? (
        <p id={`${id}-period-error`} className="sb-field__error" role="alert">
          {metrics.periodError}
        </p>
      ) : (
        <QueryState className="sb-settings__state" query={metrics} loading={t.loadingMetrics} />
      )}
      {metrics.data && !metrics.periodError && <Numbers metrics={metrics.data} id={id} />}
    </div>
  )
})

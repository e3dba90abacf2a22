'use client'
import type { Metrics } from '@switchboard/protocol'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useInboxClient } from '../context'
import { METRICS_CSV_COLUMNS, metricsCsv } from '../model/metricsCsv'
import { type MetricsPeriod, type PeriodProblem, type ResolvedPeriod, resolvePeriod } from '../model/metricsPeriod'
import { type QueryValue, queryValue } from './queryState'
import { useMe } from './useServerData'
import { useSettingsStrings } from './useSettingsStrings'

/** Options of {@link useSmsMetrics}. */
export interface SmsMetricsOptions {
  /** The period shown first; the last 30 days by default. */
  defaultPeriod?: MetricsPeriod
  /** The clock periods end at; the real one by default. */
  now?: () => Date
}

/** What {@link useSmsMetrics} hands out. */
export interface SmsMetricsState extends QueryValue<Metrics> {
  period: MetricsPeriod
  setPeriod(period: MetricsPeriod): void
  /** The period's instants and days in the clinic's time zone; null while the clinic is loading or the period needs fixing. */
  resolved: ResolvedPeriod | null
  /** Why a custom period cannot be counted, in staff's words. */
  periodError: string | null
  /** The clinic's time zone, the days' zone. */
  timezone: string | undefined
  /** The period's days as CSV, for a spreadsheet (null until loaded). */
  csv(): string | null
  /** A file name for the CSV: `sms-metrics-<first>-<last>.csv`. */
  csvName: string
}

/**
 * SMS metrics for a chosen period of the clinic's days: texts sent, delivered, failed and
 * received, by origin, billed segments, failure reasons and each day, with a CSV of the days.
 * Periods are read in the clinic's time zone; a custom one is checked (both days, in order, at
 * most a year) before anything is asked.
 */
export function useSmsMetrics(options: SmsMetricsOptions = {}): SmsMetricsState {
  const t = useSettingsStrings()
  const client = useInboxClient()
  const { data: me } = useMe()
  const [period, setPeriod] = useState<MetricsPeriod>(options.defaultPeriod ?? { preset: 'last30' })
  const timezone = me?.clinic.timezone
  const result = timezone ? resolvePeriod(period, (options.now ?? (() => new Date()))(), timezone) : null
  const resolved = result && 'from' in result ? result : null
  const problems: Record<PeriodProblem, string> = {
    missing: t.periodMissing,
    reversed: t.periodReversed,
    'too-long': t.periodTooLong,
  }
  const query = queryValue<Metrics>(
    useQuery(
      { ...client.queries.metrics({ from: resolved?.from ?? '', to: resolved?.to ?? '' }), enabled: resolved !== null },
      client.queryClient,
    ),
  )
  return {
    ...query,
    isPending: query.isPending && (resolved !== null || !timezone),
    period,
    setPeriod,
    resolved,
    periodError: result && 'problem' in result ? problems[result.problem] : null,
    timezone,
    csv: () => {
      if (!query.data) return null
      const header = Object.fromEntries(METRICS_CSV_COLUMNS.map((c) => [c, t[`csv.${c}`]])) as Parameters<
        typeof metricsCsv
      >[1]
      return metricsCsv(query.data, header, t.total)
    },
    csvName: resolved ? `sms-metrics-${resolved.firstDay}-${resolved.lastDay}.csv` : 'sms-metrics.csv',
  }
}

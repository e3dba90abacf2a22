import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { metricsChart } from '../model/metricsChart'
import { metricsCsv } from '../model/metricsCsv'
import { resolvePeriod } from '../model/metricsPeriod'
import { SmsMetrics } from '../settings'
import { dana, setup, startMsw } from './harness'

const server = startMsw()
const now = () => new Date('2026-11-30T18:00:00Z')
afterEach(() => vi.restoreAllMocks())

describe('SmsMetrics', () => {
  it('shows the period’s totals, by origin and failures, the same numbers as the service', async () => {
    const { backend, view } = setup(server, { seed: { seed: 5, conversations: 60 } })
    view(<SmsMetrics now={now} />)
    expect(await screen.findByRole('img', { name: /Texts sent and received per day, 30 days/ })).toBeInTheDocument()
    const expected = await backend.service.metrics(dana, {
      from: '2026-11-01T07:00:00.000Z',
      to: '2026-12-01T08:00:00.000Z',
    })
    const sent = screen.getByText('Sent', { selector: 'dt' }).parentElement as HTMLElement
    expect(within(sent).getByText(String(expected.totals.sent))).toBeInTheDocument()
    const byOrigin = within(screen.getByRole('table', { name: 'Sent by origin' }))
    const staff = byOrigin.getByRole('row', { name: /^Staff/ })
    expect(
      within(staff)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      String(expected.byOrigin.staff?.sent ?? 0),
      String(expected.byOrigin.staff?.delivered ?? 0),
      String(expected.byOrigin.staff?.failed ?? 0),
      String(expected.byOrigin.staff?.segmentsSent ?? 0),
    ])
    const days = within(screen.getByRole('table', { name: 'Numbers per day' }))
    expect(days.getAllByRole('row')).toHaveLength(31)
    expect(days.getByRole('row', { name: /^Mon, Nov 30/ })).toBeInTheDocument()
  })

  it('changes period, refuses a custom one that ends before it starts, and exports the days as CSV', async () => {
    const user = userEvent.setup()
    const { view } = setup(server, { seed: { seed: 5, conversations: 30 } })
    view(<SmsMetrics now={now} />)
    await screen.findByRole('img', { name: /30 days/ })
    await user.selectOptions(screen.getByLabelText('Period'), 'Last 7 days')
    expect(await screen.findByRole('img', { name: /7 days/ })).toBeInTheDocument()

    let blob: Blob | null = null
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob
      return 'blob:metrics'
    })
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('sms-metrics-2026-11-24-2026-11-30.csv')
    })
    await user.click(screen.getByRole('button', { name: 'Export CSV' }))
    expect(click).toHaveBeenCalled()
    const csv = await (blob as unknown as Blob).text()
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toBe('Date,Sent,Delivered,Failed,Received,Segments sent,Segments received')
    expect(lines).toHaveLength(9)
    expect(lines[1]).toMatch(/^2026-11-24,\d+,\d+,\d+,\d+,\d+,\d+$/)
    expect(lines[8]).toMatch(/^Total,/)

    await user.selectOptions(screen.getByLabelText('Period'), 'Custom dates')
    expect(screen.getByLabelText('From')).toHaveValue('2026-11-24')
    await user.clear(screen.getByLabelText('To'))
    await user.type(screen.getByLabelText('To'), '2026-11-01')
    expect(await screen.findByRole('alert')).toHaveTextContent('The last day must not be before the first.')
    expect(screen.getByLabelText('To')).toHaveAttribute('aria-invalid', 'true')
  })

  it('says a refusal with a retry', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    backend.failNext({ method: 'GET', path: '/metrics', status: 404 })
    view(<SmsMetrics now={now} />)
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load')
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull())
  })
})

describe('metrics models', () => {
  it('periods follow the clinic’s days, across a change of summer time', () => {
    expect(resolvePeriod({ preset: 'last7' }, now(), 'America/Los_Angeles')).toEqual({
      from: '2026-11-24T08:00:00.000Z',
      to: '2026-12-01T08:00:00.000Z',
      firstDay: '2026-11-24',
      lastDay: '2026-11-30',
    })
    // October had summer time until the 1st of November: its midnight was at 07:00Z.
    expect(resolvePeriod({ preset: 'lastMonth' }, now(), 'America/Los_Angeles')).toMatchObject({
      from: '2026-10-01T07:00:00.000Z',
      to: '2026-11-01T07:00:00.000Z',
    })
    // 18:30Z is a quarter past midnight on 1 December in Kathmandu (+5:45).
    expect(resolvePeriod({ preset: 'thisMonth' }, new Date('2026-11-30T18:30:00Z'), 'Asia/Kathmandu')).toMatchObject({
      from: '2026-11-30T18:15:00.000Z',
      firstDay: '2026-12-01',
    })
    expect(resolvePeriod({ preset: 'custom', from: '2026-01-01', to: '2026-12-31' }, now(), 'UTC')).toMatchObject({
      from: '2026-01-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    })
    expect(resolvePeriod({ preset: 'custom', from: '2025-01-01', to: '2026-12-31' }, now(), 'UTC')).toEqual({
      problem: 'too-long',
    })
    expect(resolvePeriod({ preset: 'custom', from: '', to: '2026-12-31' }, now(), 'UTC')).toEqual({
      problem: 'missing',
    })
  })

  it('the CSV keeps a translated header from reading as a formula', () => {
    const day = { sent: 1, delivered: 1, failed: 0, received: 2, segmentsSent: 1, segmentsReceived: 2 }
    const csv = metricsCsv(
      {
        from: '',
        to: '',
        timezone: 'UTC',
        totals: day,
        byOrigin: {},
        days: [{ date: '2026-11-30', ...day }],
        failures: {},
      },
      {
        date: '=HYPERLINK("x")',
        sent: 'Sent, total',
        delivered: 'D',
        failed: 'F',
        received: 'R',
        segmentsSent: 'S',
        segmentsReceived: 'T',
      },
      'Total',
    )
    expect(csv.split('\r\n')[0]).toBe(`"'=HYPERLINK(""x"")","Sent, total",D,F,R,S,T`)
  })

  it('the chart scale is round and starts at zero', () => {
    const day = (sent: number, received: number) => ({
      date: '2026-11-30',
      sent,
      received,
      delivered: 0,
      failed: 0,
      segmentsSent: 0,
      segmentsReceived: 0,
    })
    const chart = metricsChart([day(3, 17), day(0, 0)])
    expect(chart.ticks.map((t) => t.value)).toEqual([0, 5, 10, 15, 20])
    expect(chart.days[1]?.sent.height).toBe(0)
    expect(metricsChart([day(0, 0)]).ticks.map((t) => t.value)).toEqual([0, 1])
  })
})

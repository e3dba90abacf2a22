import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  afterHoursPreview,
  type BusinessHours,
  businessHoursProblems,
  closedPeriodId,
  isOpenAt,
  nextOpening,
} from '../index'

const DAY = [{ open: '08:00', close: '18:00' }]
const hours: BusinessHours = {
  timezone: 'America/Los_Angeles',
  weekly: [[], DAY, DAY, DAY, DAY, DAY, [{ open: '09:00', close: '13:00' }]],
  holidays: [{ date: '2026-12-25', name: 'Christmas Day' }],
}

describe('business hours', () => {
  it.each([
    ['2026-11-30T16:00:00Z', true], // Mon 08:00
    ['2026-11-30T15:59:00Z', false], // Mon 07:59
    ['2026-12-01T01:59:00Z', true], // Mon 17:59
    ['2026-12-01T02:00:00Z', false], // Mon 18:00
    ['2026-12-05T20:00:00Z', true], // Sat 12:00
    ['2026-12-05T22:00:00Z', false], // Sat 14:00
    ['2026-12-06T20:00:00Z', false], // Sun
    ['2026-07-06T15:30:00Z', true], // Mon 08:30 in summer time
  ])('%s open: %s', (iso, open) => {
    expect(isOpenAt(hours, new Date(iso))).toBe(open)
  })

  it('names one closed period by its start: the whole weekend is one period', () => {
    const saturdayClose = '2026-12-05T21:00:00.000Z' // Sat 13:00
    expect(closedPeriodId(hours, new Date('2026-12-05T23:00:00Z'))).toBe(saturdayClose)
    expect(closedPeriodId(hours, new Date('2026-12-07T15:00:00Z'))).toBe(saturdayClose) // Mon 07:00
    expect(closedPeriodId(hours, new Date('2026-12-07T17:00:00Z'))).toBeNull()
  })

  it('every moment of a closed period gets the same id; open moments none', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 14 * 24 * 60 }), fc.integer({ min: 1, max: 600 }), (minute, step) => {
        const a = new Date(Date.UTC(2026, 10, 30) + minute * 60_000)
        const b = new Date(a.getTime() + step * 60_000)
        const idA = closedPeriodId(hours, a)
        expect(idA === null).toBe(isOpenAt(hours, a))
        let openBetween = false
        for (let t = a.getTime(); t <= b.getTime(); t += 60_000) if (isOpenAt(hours, new Date(t))) openBetween = true
        if (!openBetween) expect(closedPeriodId(hours, b)).toBe(idA)
        else if (idA !== null && !isOpenAt(hours, b)) expect(closedPeriodId(hours, b)).not.toBe(idA)
      }),
      { numRuns: 200 },
    )
  })
})

describe('several openings a day, holidays, previews', () => {
  // Wednesdays: 8–12 and 14–18, a lunch break.
  const split: BusinessHours = {
    ...hours,
    weekly: hours.weekly.map((d, i) =>
      i === 3
        ? [
            { open: '08:00', close: '12:00' },
            { open: '14:00', close: '18:00' },
          ]
        : d,
    ),
  }

  it('the lunch break is closed and a closed period of its own', () => {
    expect(isOpenAt(split, new Date('2026-12-02T19:00:00Z'))).toBe(true) // Wed 11:00
    expect(isOpenAt(split, new Date('2026-12-02T21:00:00Z'))).toBe(false) // Wed 13:00
    expect(closedPeriodId(split, new Date('2026-12-02T21:00:00Z'))).toBe('2026-12-02T20:00:00.000Z')
    expect(isOpenAt(split, new Date('2026-12-02T23:00:00Z'))).toBe(true) // Wed 15:00
    expect(nextOpening(split, new Date('2026-12-02T21:00:00Z'))?.toISOString()).toBe('2026-12-02T22:00:00.000Z')
  })

  it('a holiday is closed all day, one period from the evening before to the next opening', () => {
    const christmasNoon = new Date('2026-12-25T20:00:00Z') // Fri 12:00
    expect(isOpenAt(hours, christmasNoon)).toBe(false)
    const thursdayEvening = '2026-12-25T02:00:00.000Z' // Thu 18:00
    expect(closedPeriodId(hours, christmasNoon)).toBe(thursdayEvening)
    expect(closedPeriodId(hours, new Date('2026-12-26T16:00:00Z'))).toBe(thursdayEvening) // Sat 08:00
    expect(nextOpening(hours, christmasNoon)?.toISOString()).toBe('2026-12-26T17:00:00.000Z') // Sat 09:00
  })

  it('a preview says what a client texting then receives', () => {
    const settings = {
      businessHours: hours,
      autoReply: { enabled: true, text: ' We are closed. ' },
      afterHoursAlert: { enabled: true, recipients: ['desk@clinic.example'] },
    }
    expect(afterHoursPreview(settings, new Date('2026-11-30T18:00:00Z'))).toEqual({
      open: true,
      holiday: null,
      autoReply: null,
      alertTo: [],
      opensAt: null,
    })
    expect(afterHoursPreview(settings, new Date('2026-12-25T20:00:00Z'))).toEqual({
      open: false,
      holiday: { date: '2026-12-25', name: 'Christmas Day' },
      autoReply: 'We are closed.',
      alertTo: ['desk@clinic.example'],
      opensAt: new Date('2026-12-26T17:00:00Z'),
    })
    const off = {
      ...settings,
      autoReply: { enabled: false, text: 'x' },
      afterHoursAlert: { enabled: false, recipients: ['a@b.example'] },
    }
    expect(afterHoursPreview(off, new Date('2026-12-25T20:00:00Z'))).toMatchObject({ autoReply: null, alertTo: [] })
  })

  it('a clinic never open names one period and opens never', () => {
    const never = { ...hours, weekly: [[], [], [], [], [], [], []] }
    expect(closedPeriodId(never, new Date('2026-12-02T21:00:00Z'))).toBe('always-closed')
    expect(nextOpening(never, new Date('2026-12-02T21:00:00Z'))).toBeNull()
  })

  it('names every problem by its path', () => {
    expect(businessHoursProblems(split)).toEqual([])
    expect(
      businessHoursProblems({
        timezone: 'Nowhere/Else',
        weekly: [
          [{ open: '10:00', close: '10:00' }],
          [
            { open: '08:00', close: '12:00' },
            { open: '11:59', close: '13:00' },
          ],
          [],
          [],
          [],
          [],
          [{ open: '00:00', close: '24:00' }],
        ],
        holidays: [
          { date: '2026-02-29', name: 'Not a day' },
          { date: '2026-12-25', name: 'Christmas' },
          { date: '2026-12-25', name: 'Again' },
        ],
      }),
    ).toEqual([
      { path: 'timezone', code: 'unknown-time-zone', message: 'is not a known time zone' },
      { path: 'weekly.0.0.close', code: 'closes-before-opening', message: 'must be after the opening time' },
      { path: 'weekly.1.1.open', code: 'overlaps-previous', message: 'must be after the previous opening closes' },
      { path: 'holidays.0.date', code: 'not-a-date', message: 'is not a day of the calendar' },
      { path: 'holidays.2.date', code: 'holiday-twice', message: 'is listed twice' },
    ])
  })
})

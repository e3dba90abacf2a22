import { describe, expect, it } from 'vitest'
import { initials } from '../model/initials'

describe('initials', () => {
  it('takes the first grapheme of the first and last words, upper-cased', () => {
    expect(initials('Émile van Ørsted')).toBe('ÉØ')
    expect(initials('  dana   ')).toBe('D')
    expect(initials('👩🏽‍⚕️ Dr. Ana')).toBe('DA') // a word that starts with no letter is not a name's word
    expect(initials('+1 650 555 0177')).toBe('')
  })

  it('upper-cases for the locale, and remembers each locale apart', () => {
    expect(initials('ilkay ışık', 'tr')).toBe('İI')
    expect(initials('ilkay ışık', 'en')).toBe('II')
    expect(initials('ilkay ışık', 'tr')).toBe('İI')
  })

  it('stays right past the number of names it keeps', () => {
    for (let i = 0; i < 2500; i++) expect(initials(`name${i} other${i}`, 'en')).toBe('NO')
    expect(initials('Émile van Ørsted')).toBe('ÉØ')
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clientWords, foldText, searchTokens, wordsMatch } from '../filter'
import { matchRanges } from '../matchRanges'

const marked = (text: string, query: string) => matchRanges(text, query).map(([s, e]) => text.slice(s, e))

describe('matchRanges', () => {
  it('marks the start of each word a query word begins, accents and case folded', () => {
    expect(marked('Zoë Ortiz', 'zo')).toEqual(['Zo'])
    expect(marked('Zoë Ortiz', 'zoe or')).toEqual(['Zoë', 'Or'])
    expect(marked('Anne-Marie O’Neil', 'mar')).toEqual(['Mar'])
    expect(marked('Biscuit', 'cuit')).toEqual([])
    expect(marked('Émile', 'EMI')).toEqual(['Émi'])
  })

  it('marks the longest query word a word starts with, once', () => {
    expect(marked('Bella', 'b bell')).toEqual(['Bell'])
  })

  it('marks the digits of a phone query across the formatting', () => {
    expect(matchRanges('(415) 555-2671', '5552')).toEqual([
      [6, 9],
      [10, 11],
    ])
    expect(marked('(415) 555-2671', '415-555')).toEqual(['415', '555'])
    expect(marked('(415) 555-2671', '999')).toEqual([])
  })

  it('marks nothing for an empty query or text', () => {
    expect(matchRanges('Ana', '  ')).toEqual([])
    expect(matchRanges('', 'ana')).toEqual([])
  })

  it('agrees with the search rule: a name it finds has a mark for each query word; ranges are in order and apart', () => {
    const name = fc.stringMatching(/^[A-Za-zÀ-ÿ' -]{1,20}$/)
    fc.assert(
      fc.property(name, name, fc.integer({ min: 1, max: 4 }), (first, last, cut) => {
        const text = `${first} ${last}`
        const word = foldText(first)
          .split(/[^\p{L}\p{N}']+/u)
          .find(Boolean)
        const query = word ? word.slice(0, cut) : first
        const ranges = matchRanges(text, query)
        let previous = 0
        for (const [start, end] of ranges) {
          expect(start).toBeGreaterThanOrEqual(previous)
          expect(end).toBeGreaterThan(start)
          expect(end).toBeLessThanOrEqual(text.length)
          previous = end
        }
        const words = clientWords({ firstName: first, lastName: last, patients: [] })
        const tokens = searchTokens(query)
        if (tokens.length > 0 && wordsMatch(words, tokens)) expect(ranges.length).toBeGreaterThan(0)
      }),
      { numRuns: 300 },
    )
  })
})

import { describe, expect, it } from 'vitest'
import { navigationTarget, typeaheadMatch } from '../model/listNavigation'

describe('navigationTarget', () => {
  it('moves by one, by a view less one row, and to the ends, never past them', () => {
    expect(navigationTarget('ArrowDown', 3, 10, 5)).toBe(4)
    expect(navigationTarget('ArrowUp', 0, 10, 5)).toBe(0)
    expect(navigationTarget('PageDown', 3, 10, 5)).toBe(7)
    expect(navigationTarget('PageDown', 8, 10, 5)).toBe(9)
    expect(navigationTarget('PageUp', 3, 10, 5)).toBe(0)
    expect(navigationTarget('Home', 7, 10, 5)).toBe(0)
    expect(navigationTarget('End', 2, 10, 5)).toBe(9)
    expect(navigationTarget('PageDown', 0, 10, 1)).toBe(1)
    expect(navigationTarget('x', 2, 10, 5)).toBeNull()
    expect(navigationTarget('ArrowDown', 0, 0, 5)).toBeNull()
  })
})

describe('typeaheadMatch', () => {
  const names = ['Maria Lopez', 'Mark Chen', 'Émile Roy', '(650) 555-0177', 'mary ann', 'Ōsaka Ken']
  it('finds by prefix regardless of case and accents, wrapping around', () => {
    expect(typeaheadMatch(names, 0, 'mar')).toBe(0)
    expect(typeaheadMatch(names, 0, 'mark')).toBe(1)
    expect(typeaheadMatch(names, 0, 'emi')).toBe(2)
    expect(typeaheadMatch(names, 3, 'os')).toBe(5)
    expect(typeaheadMatch(names, 5, 'ma')).toBe(0)
    expect(typeaheadMatch(names, 0, '(6')).toBe(3)
    expect(typeaheadMatch(names, 0, 'zz')).toBeNull()
    expect(typeaheadMatch([], 0, 'a')).toBeNull()
  })
  it('reads labels only up to the match', () => {
    const read: number[] = []
    const at = (i: number) => {
      read.push(i)
      return i === 42 ? 'Kim Ode' : 'Ann Lee'
    }
    const lazy = { length: 10_000, at }
    expect(typeaheadMatch(lazy, 40, 'ki')).toBe(42)
    expect(read).toEqual([40, 41, 42])
  })
  it('cycles through the rows starting with a repeated letter', () => {
    expect(typeaheadMatch(names, 0, 'm')).toBe(1)
    expect(typeaheadMatch(names, 1, 'mm')).toBe(4)
    expect(typeaheadMatch(names, 4, 'mmm')).toBe(0)
  })
})

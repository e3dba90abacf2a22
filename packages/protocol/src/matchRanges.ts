import { foldText, isPhoneQuery, searchTokens } from './filter'
import { phoneDigits } from './phone'

/** A part of a shown text that answers a search: `[start, end)` in UTF-16 code units. */
export type MatchRange = readonly [start: number, end: number]

/**
 * Where a search query matches a text as shown (a name, a pet's name, a formatted number), by
 * the same rule the search itself uses: for a name query, the start of each word that a query
 * word begins (accents and case folded, so "zoe" marks "Zoë"); for a phone query, the digits
 * that contain the query's digits, whatever the formatting between them. For drawing the match
 * highlighted in results; ranges are sorted and do not overlap.
 *
 * @example
 * matchRanges('Zoë Ortiz', 'zo') // [[0, 2]]
 * matchRanges('(415) 555-2671', '5552') // [[6, 9], [10, 11]]
 */
export function matchRanges(text: string, query: string): MatchRange[] {
  const q = query.trim()
  if (!q || !text) return []
  return isPhoneQuery(q) ? digitRanges(text, phoneDigits(q)) : wordRanges(text, searchTokens(q))
}

/** The word starts of `text` that a token begins, mapped back from the folded form. */
function wordRanges(text: string, tokens: readonly string[]): MatchRange[] {
  const ranges: MatchRange[] = []
  for (const word of text.matchAll(/[\p{L}\p{N}']+/gu)) {
    const start = word.index
    let best = 0
    for (const token of tokens) {
      if (token.length > best && foldText(word[0]).startsWith(token)) best = token.length
    }
    if (best === 0) continue
    // Walk the original characters until their folded form covers the token: "Zoë" is "zoe".
    let end = start
    let folded = 0
    for (const char of word[0]) {
      if (folded >= best) break
      folded += foldText(char).length
      end += char.length
    }
    ranges.push([start, end])
  }
  return ranges
}

/** The runs of `text` holding the first occurrence of `digits` among its digits. */
function digitRanges(text: string, digits: string): MatchRange[] {
  const positions: number[] = []
  for (let i = 0; i < text.length; i++) if (/\d/.test(text[i] as string)) positions.push(i)
  const at = positions
    .map((p) => text[p])
    .join('')
    .indexOf(digits)
  if (at < 0) return []
  const ranges: Array<[number, number]> = []
  for (const position of positions.slice(at, at + digits.length)) {
    const last = ranges.at(-1)
    if (last && last[1] === position) last[1] = position + 1
    else ranges.push([position, position + 1])
  }
  return ranges
}

/** Words that opt a contact out of all texts (CTIA), alone in a message. */
export const OPT_OUT_KEYWORDS = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT'] as const
/** Words that opt a contact back in. */
export const OPT_IN_KEYWORDS = ['START', 'UNSTOP', 'YES'] as const
/** Words that ask for the clinic's help text. */
export const HELP_KEYWORDS = ['HELP', 'INFO'] as const

export type KeywordKind = 'opt-out' | 'opt-in' | 'help'

/** A recognised keyword: what it does and the word as normalised. */
export interface Keyword {
  kind: KeywordKind
  keyword: string
}

const table = new Map<string, KeywordKind>([
  ...OPT_OUT_KEYWORDS.map((k) => [k, 'opt-out'] as const),
  ...OPT_IN_KEYWORDS.map((k) => [k, 'opt-in'] as const),
  ...HELP_KEYWORDS.map((k) => [k, 'help'] as const),
])

/**
 * Reads an inbound body as a keyword: the whole message must be the one word, in any case, with
 * surrounding white space and trailing punctuation ignored. "Stop please" is a normal message.
 *
 * @example
 * classifyKeyword(' stop ') // { kind: 'opt-out', keyword: 'STOP' }
 * classifyKeyword('stop please') // null
 */
export function classifyKeyword(body: string): Keyword | null {
  const word = body
    .trim()
    .replace(/[.!?]+$/u, '')
    .toUpperCase()
  const kind = table.get(word)
  return kind ? { kind, keyword: word } : null
}

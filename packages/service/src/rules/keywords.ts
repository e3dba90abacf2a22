/**
 * Words that opt a contact out of all texts, alone in a message: CTIA's list, the words the
 * FCC's 2024 TCPA order names as revoking consent per se (stop, quit, end, revoke, opt out,
 * cancel, unsubscribe), and Canada's French ARRET.
 */
export const OPT_OUT_KEYWORDS = [
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  'REVOKE',
  'OPT OUT',
  'OPTOUT',
  'ARRET',
] as const
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
 * Zero-width characters, soft hyphens, fillers, byte-order marks and bidirectional marks: invisible,
 * so ignored (variation selectors and joiners are marks, dropped with the accents).
 */
const INVISIBLE = /[\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF]/gu

/**
 * A text as the rules read it: compatibility forms folded (full-width `ＳＴＯＰ`, styled `𝐒𝐓𝐎𝐏`),
 * invisible characters dropped, accents removed, case folded, curly apostrophes straightened,
 * runs of white space one space.
 */
function fold(body: string): string {
  return body
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02BC\u0060\u00B4]/gu, "'")
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim()
}

/**
 * Reads an inbound body as a keyword: after folding case, width, invisible characters and
 * accents, and ignoring punctuation, symbols and emoji around it, the whole message must be
 * the keyword ("opt-out" and "opt_out" read as OPT OUT). "Stop please" is not a keyword (see
 * {@link readsAsOptOutRequest}).
 *
 * @example
 * classifyKeyword(' stop ') // { kind: 'opt-out', keyword: 'STOP' }
 * classifyKeyword('ＳＴＯＰ!!') // { kind: 'opt-out', keyword: 'STOP' }
 * classifyKeyword('stop please') // null
 */
export function classifyKeyword(body: string): Keyword | null {
  const word = fold(body)
    .replace(/[\s\-_.]+/gu, ' ')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .toUpperCase()
  const kind = table.get(word)
  return kind ? { kind, keyword: word } : null
}

const TEXTS = '(?:texts?|texting|txts?|txting|messages?|messaging|msgs?|sms|contacting)'
/** Ways people ask a sender to stop, in English, Spanish and French, on folded text. */
const OPT_OUT_PHRASES: readonly RegExp[] = [
  // stop / quit / cease / end … texting, sending me these messages
  new RegExp(`\\b(?:stop|quit|cease|end|halt)\\s+(?:[\\w']+\\s+){0,3}?${TEXTS}\\b`, 'u'),
  // don't / do not / never text me, please don't message
  /\b(?:don'?t|do not|dont|never|no longer)\s+(?:[\w']+\s+)?(?:text|txt|message|msg|sms|contact)\b/u,
  // no more texts / reminders
  /\bno more\s+(?:[\w']+\s+)?(?:texts?|txts?|messages?|msgs?|sms|reminders?)\b/u,
  /\b(?:unsubscribe|unsub|opt ?me ?out|opt[ -]?out|remove me|take me off|leave me alone|revoke)\b/u,
  // a message made only of "stop" and fillers: "please stop", "stop it", "STOP STOP"
  /^(?:(?:please|pls|plz|ok|okay)\s+)?stop(?:\s+(?:please|pls|plz|it|now|stop|texting|messaging|thanks|thank you))*[\s!.]*$/u,
  // starting with "stop please"; a reassigned number ("wrong number") is one to stop texting too
  /^stop[\s,.!]+(?:please|pls|plz)\b/u,
  /\bwrong (?:number|person)\b/u,
  // Spanish: no me envíen / no más mensajes; French: arrêtez, désabonner
  /\bno (?:me )?(?:envie|envies|envien|mande|mandes|manden|escriba|escribas|escriban)\b/u,
  /\bno mas (?:mensajes|textos|sms)\b/u,
  /\b(?:arretez|arrete|desabonner|desinscrire)\b/u,
]

/**
 * Whether a text that is not a keyword still reads as a request to stop texting ("please stop
 * texting me", "don't text me", "no more messages"). The FCC treats any reasonable wording as a
 * revocation, so the service flags such a text for staff to record or dismiss.
 *
 * @example
 * readsAsOptOutRequest('Please stop texting me') // true
 * readsAsOptOutRequest('Can you stop by at 3?') // false
 */
export function readsAsOptOutRequest(body: string): boolean {
  const text = fold(body)
  if (!text) return false
  return OPT_OUT_PHRASES.some((phrase) => phrase.test(text))
}

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'
/** Characters of the GSM-7 extension table: each takes two septets (an escape and itself). */
const GSM_EXTENDED = '\f^{}\\[~]|€'
const basic = new Set(GSM_BASIC)
const extended = new Set(GSM_EXTENDED)

/** How a message body travels as SMS. */
export interface SegmentInfo {
  encoding: 'GSM-7' | 'UCS-2'
  /** How many SMS the body is billed as (0 when empty). */
  segments: number
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) used. */
  units: number
  /** Units that fit one segment at this length: 160/153 (GSM-7) or 70/67 (UCS-2). */
  perSegment: number
  /** Units left before another segment starts. */
  remaining: number
  /** The characters that forced UCS-2, each once, in order of appearance. */
  unicodeCharacters: string[]
}

/** Splits units into parts of `size`, never splitting one character's units across two parts. */
function countParts(sizes: number[], size: number): number {
  let parts = 1
  let used = 0
  for (const s of sizes) {
    if (used + s > size) {
      parts += 1
      used = 0
    }
    used += s
  }
  return parts
}

/**
 * Counts SMS segments the way carriers do: GSM-7 when every character is in the GSM alphabet
 * (160 per message, 153 per part when split; `^ { } \ [ ~ ] | €` count double), else UCS-2
 * (70, or 67 per part; characters outside the BMP such as most emoji count two).
 *
 * @example
 * countSegments('Hi Ana 👋') // { encoding: 'UCS-2', segments: 1, units: 10, unicodeCharacters: ['👋'], … }
 */
export function countSegments(body: string): SegmentInfo {
  const chars = [...body]
  const unicodeCharacters = [...new Set(chars.filter((c) => !basic.has(c) && !extended.has(c)))]
  const gsm = unicodeCharacters.length === 0
  const sizes = chars.map((c) => (gsm ? (extended.has(c) ? 2 : 1) : c.length))
  const units = sizes.reduce((a, b) => a + b, 0)
  const single = gsm ? 160 : 70
  const part = gsm ? 153 : 67
  if (units === 0)
    return { encoding: 'GSM-7', segments: 0, units: 0, perSegment: single, remaining: single, unicodeCharacters: [] }
  if (units <= single) {
    return {
      encoding: gsm ? 'GSM-7' : 'UCS-2',
      segments: 1,
      units,
      perSegment: single,
      remaining: single - units,
      unicodeCharacters,
    }
  }
  const segments = countParts(sizes, part)
  return {
    encoding: gsm ? 'GSM-7' : 'UCS-2',
    segments,
    units,
    perSegment: part,
    remaining: Math.max(0, segments * part - units),
    unicodeCharacters,
  }
}

/**
 * Up to two initials of a name, by grapheme (so "Émile Ørsted" gives "ÉØ" and an emoji counts as
 * one), upper-cased for the locale; empty when the name has no letter (a phone number).
 */
export function initials(name: string, locale?: string): string {
  const key = `${locale ?? ''}\u0000${name}`
  let found = known.get(key)
  if (found === undefined) {
    if (known.size >= KNOWN_MAX) known.clear()
    found = initialsOf(name, locale)
    known.set(key, found)
  }
  return found
}

/**
 * Initials already worked out, by locale and name: every row drawn asks (a fast scroll draws a
 * new page of rows each frame), and segmenting by grapheme was a tenth of such a frame's script.
 * Cleared when full, so it stays small whatever the names.
 */
const known = new Map<string, string>()
const KNOWN_MAX = 2000

function initialsOf(name: string, locale: string | undefined): string {
  const words = name
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+/u, ''))
    .filter((word) => /^\p{L}/u.test(word))
  const pick = words.length > 1 ? [words[0], words.at(-1)] : words.slice(0, 1)
  const segmenter = segmenterFor(locale)
  return pick
    .map(
      (word) =>
        segmenter
          .segment(word ?? '')
          [Symbol.iterator]()
          .next().value?.segment ?? '',
    )
    .join('')
    .toLocaleUpperCase(locale)
}

/** A grapheme segmenter per locale, made once (every row's avatar asks for one). */
const segmenters = new Map<string | undefined, Intl.Segmenter>()
function segmenterFor(locale: string | undefined): Intl.Segmenter {
  let segmenter = segmenters.get(locale)
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'grapheme' })
    segmenters.set(locale, segmenter)
  }
  return segmenter
}

/** How many avatar hues the theme defines (`--sb-avatar-1` … `--sb-avatar-6`). */
export const AVATAR_HUES = 6

/** A stable hue (1 … {@link AVATAR_HUES}) for an id, so a person keeps their colour everywhere. */
export function avatarHue(id: string): number {
  let hash = 0
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) >>> 0
  return (hash % AVATAR_HUES) + 1
}

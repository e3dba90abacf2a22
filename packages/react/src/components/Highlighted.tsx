'use client'
import { type MatchRange, withoutDirectionOverrides } from '@switchboard/protocol'

/**
 * A stranger-supplied text (a name, a number) with the parts a search matched in `<mark>`:
 * rendered as text, never HTML, direction overrides dropped.
 */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly MatchRange[] }) {
  const clean = withoutDirectionOverrides(text)
  if (!ranges.length || clean !== text) return <>{clean}</>
  const parts: Array<{ text: string; match: boolean }> = []
  let at = 0
  for (const [start, end] of ranges) {
    if (start > at) parts.push({ text: text.slice(at, start), match: false })
    parts.push({ text: text.slice(start, end), match: true })
    at = end
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false })
  return (
    <>
      {parts.map((part, i) =>
        part.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text, in order
          <mark key={i} className="sb-mark">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  )
}

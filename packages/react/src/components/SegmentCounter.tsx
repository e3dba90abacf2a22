'use client'
import type { SegmentInfo } from '@switchboard/protocol'
import { useLocale, useStrings } from '../context'
import { format, plural } from '../strings'

/**
 * How many SMS a text costs and what is left in the last one, with a hint naming the characters
 * that shorten each SMS to 70 (emoji, curly quotes): for the composer and any message field.
 */
export function SegmentCounter({ segments, id }: { segments: SegmentInfo; id?: string }) {
  const t = useStrings()
  const locale = useLocale()
  return (
    <div className="sb-composer__count" id={id}>
      {segments.segments > 0 &&
        format(t.segments, {
          count: new Intl.NumberFormat(locale).format(segments.segments),
          remaining: plural(t, 'charactersLeft', segments.remaining, locale),
        })}
      {segments.encoding === 'UCS-2' && (
        <span className="sb-composer__hint">
          {' '}
          {format(t.unicodeHint, { chars: segments.unicodeCharacters.slice(0, 5).join(' ') })}
        </span>
      )}
    </div>
  )
}

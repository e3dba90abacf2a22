'use client'
import { withoutDirectionOverrides } from '@switchboard/protocol'
import { Fragment } from 'react'

const LINK = /\b(https?:\/\/[^\s<>"']+|mailto:[^\s<>"']+|tel:\+?[\d\-().\s]{6,20}\d)/gi

/** Only these schemes ever become links. */
export function safeHref(raw: string): string | null {
  try {
    const url = new URL(raw.replace(/[).,!?;:]+$/, ''))
    return ['http:', 'https:', 'mailto:', 'tel:'].includes(url.protocol) ? url.href : null
  } catch {
    return null
  }
}

/**
 * Text from a stranger's phone: rendered as text (React escapes it), line breaks kept, and
 * http(s), mailto and tel links made clickable with `rel="noopener noreferrer"`. Never HTML.
 * Direction overrides are dropped (they can make `moc.knab` read as `bank.com`) and each link
 * is isolated, so its label reads as its address does.
 */
export function SafeText({ text: raw }: { text: string }) {
  const text = withoutDirectionOverrides(raw)
  const parts: Array<string | { href: string; label: string }> = []
  let last = 0
  for (const match of text.matchAll(LINK)) {
    const label = match[0].replace(/[).,!?;:]+$/, '')
    const href = safeHref(label)
    if (!href || match.index === undefined) continue
    parts.push(text.slice(last, match.index), { href, label })
    last = match.index + label.length
  }
  parts.push(text.slice(last))
  return (
    <>
      {parts.map((part, i) =>
        typeof part === 'string' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts never reorder
          <Fragment key={i}>{part}</Fragment>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts never reorder
          <bdi key={i}>
            <a className="sb-link" href={part.href} target="_blank" rel="noopener noreferrer" dir="ltr">
              {part.label}
            </a>
          </bdi>
        ),
      )}
    </>
  )
}

'use client'
import { Fragment, type ReactNode } from 'react'

/**
 * A translated string with `{placeholders}` filled by elements (a number in `<bdi>`, a name in
 * bold), so a translation may put them anywhere in its sentence.
 *
 * @example
 * <FormattedText text="Assign {phone} to a client" values={{ phone: <bdi>{phone}</bdi> }} />
 */
export function FormattedText({ text, values }: { text: string; values: Record<string, ReactNode> }) {
  const parts = text.split(/(\{\w+\})/)
  return (
    <>
      {parts.map((part, i) => {
        const key = /^\{(\w+)\}$/.exec(part)?.[1]
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string, in order
        return <Fragment key={i}>{key !== undefined && key in values ? values[key] : part}</Fragment>
      })}
    </>
  )
}

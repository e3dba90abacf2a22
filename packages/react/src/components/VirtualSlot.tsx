import type { CSSProperties, ReactNode } from 'react'

/**
 * What virtualization needs to work, set inline so that unstyled mode keeps it: the scroll
 * container scrolls, and each row is placed absolutely (its offset comes as a transform).
 */
export const SCROLLER_STYLE: CSSProperties = { overflowY: 'auto' }
export const SLOT_STYLE: CSSProperties = { position: 'absolute', insetBlockStart: 0, insetInline: 0 }

/** One measured, absolutely placed row of a virtualized list (`measure` is the virtualizer's `measureElement`). */
export function VirtualSlot({
  index,
  start,
  measure,
  className,
  children,
}: {
  index: number
  start: number
  measure: (node: HTMLDivElement | null) => void
  className: string
  children: ReactNode
}) {
  return (
    <div
      ref={measure}
      data-index={index}
      className={className}
      style={{ ...SLOT_STYLE, transform: `translateY(${start}px)` }}
    >
      {children}
    </div>
  )
}

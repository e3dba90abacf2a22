'use client'
import { measureElement, type Virtualizer } from '@tanstack/react-virtual'
import { useCallback, useRef, useState } from 'react'

/** What {@link useRowSizes} hands to react-virtual: its keys, estimate and measuring. */
export interface RowSizes {
  getItemKey(index: number): string | number
  estimateSize(): number
  measure(element: Element, entry: ResizeObserverEntry | undefined, instance: Virtualizer<HTMLElement, Element>): number
}

/**
 * The sizes of a virtualized list's rows (each with an `id`), for react-virtual.
 *
 * Rows are measured (a host's own row or styles may be any height), and the first one measured
 * sets the estimate of the rest: react-virtual places every row after one whose size differs from
 * its estimate again, so rows that match it cost no new layout of a long list per frame.
 *
 * With `evenRows` (every row is one height, as the default row is):
 * - a row drawn after the first takes its height without reading it from the page (each read
 *   forces a layout, and a burst of texts draws new rows at the top several times a frame);
 * - a row's key only names its size, and every size is the same: a text that moves a
 *   conversation to the top changes no row's position, so the keys are read from the latest rows
 *   and react-virtual is not told they changed. Told, it places every row again: a loop over all
 *   of them per text, about 7 ms at 100,000 rows.
 * Sizes are still written under each row's own key (react-virtual asks for the key of an index
 * when it measures), and the resize observer still reports every row: one that turns out to
 * differ makes the keys change with the rows again for good, and the rows are placed anew.
 */
export function useRowSizes(items: readonly { id: string }[], estimateRowHeight: number, evenRows: boolean): RowSizes {
  const [rowHeight, setRowHeight] = useState<{ from: number; size: number } | null>(null)
  const estimate = rowHeight?.from === estimateRowHeight ? rowHeight.size : estimateRowHeight
  const estimateSize = useCallback(() => estimate, [estimate])
  // The first row measured since the estimate was given: its height.
  const learnt = useRef<{ from: number; size: number } | null>(null)
  // A row of another height was seen: sizes follow the rows' real keys from then on.
  const [uneven, setUneven] = useState(false)
  const even = evenRows && !uneven

  const latest = useRef(items)
  latest.current = items
  const keyOfLatest = useCallback((index: number) => latest.current[index]?.id ?? index, [])
  const keyOf = useCallback((index: number) => items[index]?.id ?? index, [items])

  const measure = useCallback(
    (...args: Parameters<typeof measureElement>) => {
      const known = learnt.current?.from === estimateRowHeight ? learnt.current.size : null
      // Drawn (no observer entry yet): with even rows, the height one of them already has.
      if (even && !args[1] && known !== null) return known
      const size = measureElement(...args)
      if (known === null && size > 0) {
        learnt.current = { from: estimateRowHeight, size }
        if (size !== estimateRowHeight) setRowHeight({ from: estimateRowHeight, size })
      } else if (even && known !== null && size > 0 && size !== known) setUneven(true)
      return size
    },
    [estimateRowHeight, even],
  )

  return { getItemKey: even ? keyOfLatest : keyOf, estimateSize, measure }
}

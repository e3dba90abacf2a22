'use client'
import { useEffect, useState } from 'react'

/** Rows drawn beyond the view at a list's first paint: none. */
export const FIRST_OVERSCAN = 0

/**
 * The rows a virtualized list draws beyond its view: {@link FIRST_OVERSCAN} until its first rows
 * are on screen, then `full`. The rows out of sight are for a fast scroll, which cannot start
 * before the first frame; drawing them with the first ones cost the first paint about a fifth of
 * its time (the rows in view of a 720 px list and eight more; two more still cost about a tenth),
 * so they come in the frame after it.
 */
export function useOverscan(full: number, hasRows: boolean): number {
  const [painted, setPainted] = useState(false)
  useEffect(() => {
    if (painted || !hasRows) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const done = () => {
      timer = setTimeout(() => setPainted(true))
    }
    // After the next frame is drawn: its animation frame, then a task.
    const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(done) : undefined
    if (frame === undefined) done()
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [painted, hasRows])
  return painted ? full : Math.min(full, FIRST_OVERSCAN)
}

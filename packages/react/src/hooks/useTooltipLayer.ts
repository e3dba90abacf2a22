'use client'
import { type RefCallback, useCallback, useEffect, useRef, useState } from 'react'

/** The attribute that gives an element a tooltip: its value is the text shown. */
export const TOOLTIP_ATTRIBUTE = 'data-sb-tooltip'

/** How long a pointer rests on a control before its tooltip shows (ms); none on keyboard focus. */
const HOVER_DELAY = 500
/** After one tooltip hides, the next shows at once for this long (moving along a toolbar). */
const SKIP_DELAY = 300
/** How long a tooltip stays after the pointer leaves its control (time to move onto it). */
const LEAVE_DELAY = 100

/** The tooltip shown: what it is for and says. */
export interface ShownTooltip {
  target: HTMLElement
  text: string
}

// One layer answers at a time, whatever the number of providers on the page.
const layers: object[] = []

const tipOf = (node: EventTarget | null): HTMLElement | null =>
  node instanceof Element ? node.closest<HTMLElement>(`[${TOOLTIP_ATTRIBUTE}]`) : null

/**
 * The tooltips of every icon-only control (elements with `data-sb-tooltip`), one at a time, for
 * the whole page: shown after a short rest of the pointer or at once on keyboard focus, kept
 * while the pointer moves onto it, hidden on leaving, blur, a click or Escape (WCAG 1.4.13). A
 * control's name stays its `aria-label`: the tooltip repeats it for sighted users.
 *
 * Listeners on the document rather than a Radix tooltip per button: a tooltip's positioning code
 * (`@floating-ui/dom`) loads when the first one shows, not with the inbox.
 */
export function useTooltipLayer(): { shown: ShownTooltip | null; tooltipRef: RefCallback<HTMLElement> } {
  const [shown, setShown] = useState<ShownTooltip | null>(null)
  const tooltip = useRef<HTMLElement | null>(null)
  useEffect(() => {
    if (typeof document === 'undefined') return
    const me = {}
    layers.push(me)
    let timer: ReturnType<typeof setTimeout> | undefined
    let current: HTMLElement | null = null
    let hiddenAt = 0
    let pointerDown = false
    const active = () => layers[0] === me
    const show = (target: HTMLElement) => {
      clearTimeout(timer)
      const text = target.getAttribute(TOOLTIP_ATTRIBUTE)
      if (!text || target.getAttribute('aria-expanded') === 'true') return
      current = target
      setShown({ target, text })
    }
    const hide = () => {
      clearTimeout(timer)
      if (current) hiddenAt = Date.now()
      current = null
      setShown(null)
    }
    const later = (run: () => void, ms: number) => {
      clearTimeout(timer)
      timer = setTimeout(run, ms)
    }
    const onPointerOver = (event: PointerEvent) => {
      if (!active() || event.pointerType === 'touch') return
      const target = tipOf(event.target)
      if (target === current || (current && tooltip.current?.contains(event.target as Node))) {
        clearTimeout(timer)
        return
      }
      if (!target) {
        if (current) later(hide, LEAVE_DELAY)
        else clearTimeout(timer)
        return
      }
      if (current || Date.now() - hiddenAt < SKIP_DELAY) show(target)
      else later(() => show(target), HOVER_DELAY)
    }
    const onPointerOut = (event: PointerEvent) => {
      if (active() && !event.relatedTarget && current) later(hide, LEAVE_DELAY) // left the window
    }
    const onPointerDown = () => {
      pointerDown = true
      if (active()) hide()
    }
    const onFocusIn = (event: FocusEvent) => {
      if (!active()) return
      const target = tipOf(event.target)
      // Focus that follows a click shows nothing: the pointer is there and the tooltip would cover.
      if (target && !pointerDown) show(target)
      else if (current) hide()
      pointerDown = false
    }
    const onFocusOut = (event: FocusEvent) => {
      if (active() && current && tipOf(event.target) === current) hide()
    }
    const onKeyDown = (event: KeyboardEvent) => {
      pointerDown = false
      if (active() && current && event.key === 'Escape') hide()
    }
    const onClick = (event: MouseEvent) => {
      if (active() && current?.contains(event.target as Node)) hide()
    }
    const listeners = [
      ['pointerover', onPointerOver],
      ['pointerout', onPointerOut],
      ['pointerdown', onPointerDown],
      ['focusin', onFocusIn],
      ['focusout', onFocusOut],
      ['keydown', onKeyDown],
      ['click', onClick],
    ] as const
    for (const [type, listener] of listeners) document.addEventListener(type, listener as EventListener, true)
    return () => {
      clearTimeout(timer)
      layers.splice(layers.indexOf(me), 1)
      for (const [type, listener] of listeners) document.removeEventListener(type, listener as EventListener, true)
    }
  }, [])
  const tooltipRef = useCallback<RefCallback<HTMLElement>>((element) => {
    tooltip.current = element
  }, [])
  // Placed beside its control once drawn (above it, flipped below where there is no room).
  useEffect(() => {
    const element = tooltip.current
    if (!shown || !element) return
    let cancelled = false
    import('@floating-ui/dom').then(({ computePosition, flip, offset, shift }) =>
      computePosition(shown.target, element, {
        strategy: 'fixed',
        placement: 'top',
        middleware: [offset(6), flip(), shift({ padding: 4 })],
      }).then(({ x, y }) => {
        if (cancelled) return
        Object.assign(element.style, { left: `${x}px`, top: `${y}px`, visibility: 'visible' })
      }),
    )
    return () => {
      cancelled = true
    }
  }, [shown])
  return { shown, tooltipRef }
}

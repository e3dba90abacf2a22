'use client'
import { createPortal } from 'react-dom'
import { useTooltipLayer } from '../hooks/useTooltipLayer'

/**
 * The tooltip of the icon-only control under the pointer or keyboard focus (see
 * {@link useTooltipLayer}): drawn in the control's inbox root, so it keeps its theme.
 */
export function TooltipLayer() {
  const { shown, tooltipRef } = useTooltipLayer()
  if (!shown) return null
  const host = shown.target.closest<HTMLElement>('.sb-root') ?? shown.target.ownerDocument.body
  return createPortal(
    <div
      ref={tooltipRef}
      key={shown.text}
      role="tooltip"
      className="sb-tooltip"
      style={{ position: 'fixed', top: 0, left: 0, visibility: 'hidden', pointerEvents: 'auto' }}
    >
      {shown.text}
    </div>,
    host,
  )
}

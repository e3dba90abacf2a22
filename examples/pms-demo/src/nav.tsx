import type { MouseEvent, ReactNode } from 'react'
import { navigate, type Route, routePath } from './router'

/** A link inside the PMS: a real `<a href>` (opens in a new tab, copies), navigated in place on a plain click. */
export function Link({
  to,
  children,
  className,
  current,
}: {
  to: Route
  children: ReactNode
  className?: string
  current?: boolean
}) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(to)
  }
  return (
    <a href={routePath(to)} onClick={onClick} className={className} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  )
}

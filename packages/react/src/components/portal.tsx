'use client'
import * as Direction from '@radix-ui/react-direction'
import {
  createContext,
  type ReactNode,
  type RefCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useState,
} from 'react'

/** Where menus and dialogs portal to: inside the inbox root, so they keep its theme. */
export const PortalContainerContext = createContext<HTMLElement | null>(null)
export const usePortalContainer = (): HTMLElement | undefined => useContext(PortalContainerContext) ?? undefined

const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect

type Dir = 'ltr' | 'rtl'

/** The element a {@link PortalRoot} hosts in: set by `ref` on that element, heard by the PortalRoot. */
export interface PortalHost {
  ref: RefCallback<HTMLElement>
  element: HTMLElement | null
  listener: ((element: HTMLElement | null) => void) | null
}

/** A {@link PortalHost} for the component that draws the root element (stable for its life). */
export function usePortalHost(): PortalHost {
  const [host] = useState<PortalHost>(() => {
    const made: PortalHost = {
      element: null,
      listener: null,
      ref: (element) => {
        made.element = element
        made.listener?.(element)
      },
    }
    return made
  })
  return host
}

/** The direction the nearest `dir` attribute gives, read without computing any style. */
const attributeDirection = (element: HTMLElement): Dir | null => {
  const dir = element.closest('[dir]')?.getAttribute('dir')?.toLowerCase()
  return dir === 'rtl' || dir === 'ltr' ? dir : null
}

/**
 * Hosts menus, dialogs and tooltips inside the host's element (so they keep its theme), in the
 * text direction that element has in the page: Radix's primitives lay out left-to-right unless
 * told, which opened submenus and moved arrow keys the wrong way in right-to-left text.
 *
 * Only this component is drawn again when the element mounts, not the one that draws it. The
 * direction comes from the nearest `dir` attribute at once, and from the computed style (a
 * stylesheet's `direction`) just after: the mount forces no style computation of the page.
 */
export function PortalRoot({ host, children }: { host: PortalHost; children: ReactNode }) {
  const [root, setRoot] = useState<HTMLElement | null>(host.element)
  const [dir, setDir] = useState<Dir>('ltr')
  // Runs before the host element's ref on mount (children's effects come first): it hears it.
  useIsomorphicLayoutEffect(() => {
    host.listener = setRoot
    setRoot(host.element)
    return () => {
      host.listener = null
    }
  }, [host])
  useIsomorphicLayoutEffect(() => {
    if (!root) return
    setDir(attributeDirection(root) ?? 'ltr')
    const timer = setTimeout(() => setDir(getComputedStyle(root).direction === 'rtl' ? 'rtl' : 'ltr'))
    return () => clearTimeout(timer)
  }, [root])
  return (
    <PortalContainerContext.Provider value={root}>
      <Direction.Provider dir={dir}>{children}</Direction.Provider>
    </PortalContainerContext.Provider>
  )
}

'use client'
import * as Direction from '@radix-ui/react-direction'
import { createContext, type ReactNode, useContext, useEffect, useLayoutEffect, useState } from 'react'

/** Where menus and dialogs portal to: inside the inbox root, so they keep its theme. */
export const PortalContainerContext = createContext<HTMLElement | null>(null)
export const usePortalContainer = (): HTMLElement | undefined => useContext(PortalContainerContext) ?? undefined

const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect

/**
 * Hosts menus, dialogs and tooltips inside `root` (so they keep its theme), in the text
 * direction `root` has in the page: Radix's primitives lay out left-to-right unless told, which
 * opened submenus and moved arrow keys the wrong way in right-to-left text.
 */
export function PortalRoot({ root, children }: { root: HTMLElement | null; children: ReactNode }) {
  const [dir, setDir] = useState<'ltr' | 'rtl'>('ltr')
  useIsomorphicLayoutEffect(() => {
    if (root) setDir(getComputedStyle(root).direction === 'rtl' ? 'rtl' : 'ltr')
  }, [root])
  return (
    <PortalContainerContext.Provider value={root}>
      <Direction.Provider dir={dir}>{children}</Direction.Provider>
    </PortalContainerContext.Provider>
  )
}

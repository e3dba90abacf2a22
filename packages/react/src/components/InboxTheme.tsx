'use client'
import { createContext, type ReactNode, useContext, useState } from 'react'
import { useUnstyled } from '../context'
import { cx } from './cx'
import { PortalContainerContext } from './portal'

const InsideTheme = createContext(false)

/** Whether a component is already inside a themed root (then it adds none of its own). */
export const useInsideTheme = (): boolean => useContext(InsideTheme)

/**
 * A themed root for Switchboard parts used on their own (a Thread in the host's page, a badge):
 * it carries the `--sb-*` tokens and `data-sb-theme`, and hosts menus and dialogs. `<Inbox>`
 * makes its own when not inside one.
 *
 * @example
 * <InboxTheme theme="dark"><ConversationList /></InboxTheme>
 */
export function InboxTheme({
  theme,
  className,
  children,
}: {
  theme?: string
  className?: string
  children: ReactNode
}) {
  const unstyled = useUnstyled()
  const [root, setRoot] = useState<HTMLDivElement | null>(null)
  return (
    <div ref={setRoot} className={cx(!unstyled && 'sb-root', className)} data-sb-theme={theme ?? 'light'}>
      <InsideTheme.Provider value={true}>
        <PortalContainerContext.Provider value={root}>{children}</PortalContainerContext.Provider>
      </InsideTheme.Provider>
    </div>
  )
}

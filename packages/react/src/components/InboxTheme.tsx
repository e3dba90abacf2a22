'use client'
import { type ComponentPropsWithoutRef, createContext, forwardRef, type ReactNode, useContext } from 'react'
import { useUnstyled } from '../context'
import { useComposedRefs } from './composeRefs'
import { cx } from './cx'
import { PortalRoot, usePortalHost } from './portal'

const InsideTheme = createContext(false)

/** Whether a component is already inside a themed root (then it adds none of its own). */
export const useInsideTheme = (): boolean => useContext(InsideTheme)

/** Props of {@link InboxTheme}. */
export interface InboxThemeProps extends ComponentPropsWithoutRef<'div'> {
  /** `light` (default), `dark`, or a theme the host styles with `[data-sb-theme=…]`. */
  theme?: string
  children: ReactNode
}

/**
 * A themed root for Switchboard parts used on their own (a Thread in the host's page, a badge):
 * it carries the `--sb-*` tokens and `data-sb-theme`, and hosts menus and dialogs. `<Inbox>`
 * makes its own when not inside one.
 *
 * @example
 * <InboxTheme theme="dark"><ConversationList /></InboxTheme>
 */
export const InboxTheme = forwardRef<HTMLDivElement, InboxThemeProps>(function InboxTheme(
  { theme, className, children, ...rest },
  ref,
) {
  const unstyled = useUnstyled()
  const portalHost = usePortalHost()
  const rootRef = useComposedRefs<HTMLDivElement>(ref, portalHost.ref)
  return (
    <div ref={rootRef} {...rest} className={cx(!unstyled && 'sb-root', className)} data-sb-theme={theme ?? 'light'}>
      <InsideTheme.Provider value={true}>
        <PortalRoot host={portalHost}>{children}</PortalRoot>
      </InsideTheme.Provider>
    </div>
  )
})

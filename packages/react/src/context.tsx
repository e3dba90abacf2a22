'use client'
import type { InboxClient } from '@switchboard/core'
import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react'
import type { ComponentOverrides } from './components/overrides'
import { TooltipLayer } from './components/TooltipLayer'
import { defaultStrings, type InboxStrings, type Strings } from './strings'

/** The parts a host can give its own class names through {@link InboxProviderProps.classNames}. */
export type InboxPart =
  | 'inbox'
  | 'filters'
  | 'list'
  | 'row'
  | 'thread'
  | 'message'
  | 'composer'
  | 'menu'
  | 'clientPanel'
  | 'banner'
  | 'badge'
  | 'presence'
  | 'header'
  | 'dialog'
  | 'clientHistory'
  | 'settings'
  | 'metrics'

/** Class names per part, added next to the part's own `sb-*` classes. */
export type InboxClassNames = Partial<Record<InboxPart, string>>

interface InboxContextValue {
  client: InboxClient
  /** The inbox's strings with the host's: settings strings only where the host gave them. */
  strings: InboxStrings & Partial<Strings>
  components: ComponentOverrides
  classNames: InboxClassNames
  locale: string | undefined
  /** No default styles: the host styles every `sb-*` class itself. */
  unstyled: boolean
}

const InboxContext = createContext<InboxContextValue | null>(null)

/** Props of {@link InboxProvider}. */
export interface InboxProviderProps {
  client: InboxClient
  /** Strings to replace (any subset of the English defaults). */
  strings?: Partial<Strings>
  /** Parts to draw yourself, e.g. `{ MessageBubble: MyBubble }`. */
  components?: ComponentOverrides
  /**
   * Class names for parts drawn inside other components (every row, every message…), e.g.
   * `{ message: 'my-bubble', row: 'my-row' }`. A component's own `className` prop adds to it.
   */
  classNames?: InboxClassNames
  /** Locale for dates and numbers (Intl); the browser's by default. */
  locale?: string
  /**
   * Ship no look: the `sb-root` class is left off, so none of styles.css applies and the host
   * styles the `sb-*` classes (or its `classNames`) itself. Virtualized lists keep the few inline
   * styles they need to position rows.
   */
  unstyled?: boolean
  /**
   * Keep the client connected (realtime events, catch-up, the outbox) while the provider is
   * mounted, so `<UnreadBadge>` in the host's navigation stays live with no `<Inbox>` on screen.
   * Default true; false when the host calls `client.connect()` itself.
   */
  connect?: boolean
  children: ReactNode
}

/**
 * Provides an inbox client to every Switchboard component below and keeps it connected while
 * mounted. The client's own TanStack Query cache is passed to each hook explicitly: the host's
 * `QueryClientProvider` (and its cache) stays the one its own components see.
 *
 * @example
 * <InboxProvider client={client}><Inbox /></InboxProvider>
 */
export function InboxProvider({
  client,
  strings,
  components,
  classNames,
  locale,
  unstyled = false,
  connect = true,
  children,
}: InboxProviderProps) {
  useEffect(() => {
    if (!connect) return
    client.connect().catch(() => undefined) // the refusal is in client.store's connection error
    return () => client.disconnect()
  }, [client, connect])
  const value = useMemo(
    () => ({
      client,
      strings: { ...defaultStrings, ...strings },
      components: components ?? {},
      classNames: classNames ?? {},
      locale,
      unstyled,
    }),
    [client, strings, components, classNames, locale, unstyled],
  )
  return (
    <InboxContext.Provider value={value}>
      {children}
      <TooltipLayer />
    </InboxContext.Provider>
  )
}

function useInboxContext(): InboxContextValue {
  const value = useContext(InboxContext)
  if (!value) throw new Error('Switchboard components must be rendered inside <InboxProvider client={…}>.')
  return value
}

/** The inbox client of the nearest provider. */
export const useInboxClient = (): InboxClient => useInboxContext().client
/** The strings, defaults merged with the host's. */
export const useStrings = (): InboxStrings => useInboxContext().strings
/** The host's part overrides. */
export const useComponents = (): ComponentOverrides => useInboxContext().components
/** The locale for Intl formatting. */
export const useLocale = (): string | undefined => useInboxContext().locale
/** Whether default styles are off. */
export const useUnstyled = (): boolean => useInboxContext().unstyled
/** The host's class names for a part, joined with a component's own `className` prop. */
export function usePartClassName(part: InboxPart, own?: string): string | undefined {
  const host = useInboxContext().classNames[part]
  return host && own ? `${host} ${own}` : (host ?? own)
}

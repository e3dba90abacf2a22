'use client'
import type { InboxClient } from '@switchboard/core'
import { QueryClientProvider } from '@tanstack/react-query'
import { createContext, type ReactNode, useContext, useMemo } from 'react'
import type { ComponentOverrides } from './components/overrides'
import { defaultStrings, type Strings } from './strings'

interface InboxContextValue {
  client: InboxClient
  strings: Strings
  components: ComponentOverrides
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
  /** Locale for dates and numbers (Intl); the browser's by default. */
  locale?: string
  unstyled?: boolean
  children: ReactNode
}

/**
 * Provides an inbox client (and its TanStack Query cache) to every Switchboard component below.
 *
 * @example
 * <InboxProvider client={client}><Inbox /></InboxProvider>
 */
export function InboxProvider({ client, strings, components, locale, unstyled = false, children }: InboxProviderProps) {
  const value = useMemo(
    () => ({ client, strings: { ...defaultStrings, ...strings }, components: components ?? {}, locale, unstyled }),
    [client, strings, components, locale, unstyled],
  )
  return (
    <QueryClientProvider client={client.queryClient}>
      <InboxContext.Provider value={value}>{children}</InboxContext.Provider>
    </QueryClientProvider>
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
export const useStrings = (): Strings => useInboxContext().strings
/** The host's part overrides. */
export const useComponents = (): ComponentOverrides => useInboxContext().components
/** The locale for Intl formatting. */
export const useLocale = (): string | undefined => useInboxContext().locale
/** Whether default styles are off. */
export const useUnstyled = (): boolean => useInboxContext().unstyled

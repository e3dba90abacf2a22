import { useSyncExternalStore } from 'react'

/** The pages of the PMS, by path: `/messaging/cnv_1` → `{ page: 'messaging', id: 'cnv_1' }`. */
export type Route =
  | { page: 'schedule' }
  | { page: 'clients' }
  | { page: 'client'; id: string }
  | { page: 'messaging'; id: string | null }
  | { page: 'settings' }
  | { page: 'reports' }

export function parseRoute(path: string): Route {
  const [first = '', second] = path.split('/').filter(Boolean).map(decodeURIComponent)
  switch (first) {
    case 'clients':
      return second ? { page: 'client', id: second } : { page: 'clients' }
    case 'messaging':
      return { page: 'messaging', id: second ?? null }
    case 'settings':
      return { page: 'settings' }
    case 'reports':
      return { page: 'reports' }
    default:
      return { page: 'schedule' }
  }
}

export function routePath(route: Route): string {
  switch (route.page) {
    case 'client':
      return `/clients/${encodeURIComponent(route.id)}`
    case 'messaging':
      return route.id ? `/messaging/${encodeURIComponent(route.id)}` : '/messaging'
    default:
      return `/${route.page}`
  }
}

const listeners = new Set<() => void>()
const subscribe = (listener: () => void) => {
  listeners.add(listener)
  window.addEventListener('popstate', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('popstate', listener)
  }
}

/** Goes to a page (a new history entry, or in place with `replace`). */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const path = routePath(route)
  if (path === location.pathname) return
  if (options.replace) history.replaceState(null, '', path)
  else history.pushState(null, '', path)
  for (const listener of listeners) listener()
}

/** The current page, following the address bar and the back button. */
export function useRoute(): Route {
  const path = useSyncExternalStore(subscribe, () => location.pathname)
  return parseRoute(path)
}

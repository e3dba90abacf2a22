import { type InboxError, toInboxError } from '../errors'
import type { Transport } from './Transport'

/** Transport members that are not requests answered later. */
const NOT_REQUESTS = new Set<PropertyKey>(['connect', 'sendTyping', 'sendViewing', 'fileOrigins'])

/**
 * The transport with its requests followed, for two things:
 *
 * - `oldest()` is the event-log position the client had reached when the oldest request still on
 *   its way started (the current one when none is). A reply is never older than the position at
 *   its request's start, so the events up to `oldest()` are never needed to bring a reply up to
 *   date, and the client can forget them. A request counts as on its way until the task that
 *   received its reply ends: its caller places the reply a few promise steps after it arrives,
 *   and events applied in between (a catch-up answered at the same moment) must not be forgotten.
 * - A request refused as `unauthorized` (after the token refresh the transport already tried)
 *   means the session is over: `onUnauthorized` hears it, whichever request found out first, so
 *   the UI shows it. Callers still get the rejection.
 */
export function trackRequests(
  transport: Transport,
  position: () => number | null,
  onUnauthorized: (error: InboxError) => void = () => undefined,
): { transport: Transport; oldest(): number | null } {
  const started = new Map<number, number | null>()
  let next = 0
  const wrapped = new Map<PropertyKey, unknown>()
  const proxy = new Proxy(transport, {
    get(target, name) {
      const value = Reflect.get(target, name, target)
      if (typeof value !== 'function' || NOT_REQUESTS.has(name)) return value
      let call = wrapped.get(name)
      if (!call) {
        call = (...args: unknown[]) => {
          const id = next++
          started.set(id, position())
          let result: unknown
          try {
            result = (value as (...a: unknown[]) => unknown).apply(target, args)
          } catch (error) {
            started.delete(id)
            throw error
          }
          if (result instanceof Promise) {
            result.catch((error: unknown) => {
              const e = toInboxError(error)
              if (e.code === 'unauthorized') onUnauthorized(e)
            })
            return result.finally(() => void setTimeout(() => started.delete(id), 0))
          }
          started.delete(id)
          return result
        }
        wrapped.set(name, call)
      }
      return call
    },
  })
  return {
    transport: proxy,
    oldest() {
      let oldest = position()
      if (oldest === null) return null
      for (const at of started.values()) {
        if (at === null) return null
        if (at < oldest) oldest = at
      }
      return oldest
    },
  }
}

import { type InboxError, toInboxError } from '../errors'
import type { Transport } from './Transport'

/**
 * The transport, with every call watched for the end of the session: a call refused as
 * `unauthorized` (after the token refresh the transport already tried) reports it, so the UI
 * shows the expired-session state whatever request found out first. Callers still get the
 * rejection.
 */
export function watchSession(transport: Transport, onUnauthorized: (error: InboxError) => void): Transport {
  return new Proxy(transport, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args)
        if (result instanceof Promise) {
          result.catch((error: unknown) => {
            const e = toInboxError(error)
            if (e.code === 'unauthorized') onUnauthorized(e)
          })
        }
        return result
      }
    },
  })
}

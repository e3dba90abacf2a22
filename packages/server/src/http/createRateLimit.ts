import { SwitchboardError } from '@switchboard/protocol'

/**
 * A fixed-window rate limit per key (a client address, a staff user): `take` refuses with
 * `rate_limited` once `max` calls fell in the current window. Memory only: each server instance
 * counts its own (a shared store comes with running several instances).
 */
export function createRateLimit(options: { max: number; windowMs: number; clock?: () => number }) {
  const clock = options.clock ?? Date.now
  const windows = new Map<string, { start: number; count: number }>()
  return {
    take(key: string, message: string): void {
      const now = clock()
      let window = windows.get(key)
      if (!window || now - window.start >= options.windowMs) {
        window = { start: now, count: 0 }
        windows.set(key, window)
        if (windows.size > 10_000) {
          for (const [k, w] of windows) if (now - w.start >= options.windowMs) windows.delete(k)
        }
      }
      window.count += 1
      if (window.count > options.max) {
        const seconds = Math.ceil((window.start + options.windowMs - now) / 1000)
        throw new SwitchboardError('rate_limited', message, { retryAfterSeconds: seconds })
      }
    },
  }
}

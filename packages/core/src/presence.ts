import type { Transport } from './transport/Transport'

/** How long a typing signal shows without a refresh (ms). */
export const TYPING_TTL = 6000
/** How long a viewing signal shows without a refresh (ms); viewers repeat it every 20 s. */
export const VIEWING_TTL = 45_000
/** How often an open conversation is announced again (ms). */
export const VIEWING_HEARTBEAT = 20_000

/** The people of a presence list whose signal is still fresh. */
export function activePresence<T extends { at: number }>(
  list: readonly T[] | undefined,
  ttl: number,
  now = Date.now(),
): T[] {
  return (list ?? []).filter((p) => now - p.at < ttl)
}

/**
 * This user's own presence: which conversation they have open, announced when it changes, again
 * every 20 s (so late joiners learn it), and after every reconnect.
 */
export function createPresence(transport: Transport) {
  let current: string | null = null
  let timer: ReturnType<typeof setInterval> | null = null
  const announce = () => {
    if (current) transport.sendViewing(current, true)
  }
  return {
    setViewing(conversationId: string | null): void {
      if (conversationId === current) return
      if (current) transport.sendViewing(current, false)
      current = conversationId
      if (timer) clearInterval(timer)
      timer = null
      if (current) {
        announce()
        timer = setInterval(announce, VIEWING_HEARTBEAT)
      }
    },
    /** The connection is back: say again what is open. */
    reannounce: announce,
    stop(): void {
      if (timer) clearInterval(timer)
      timer = null
    },
  }
}

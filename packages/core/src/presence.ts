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

/** Retry delays of the outbox. */
export interface RetryOptions {
  /** First retry after this many ms. Default 1,000. */
  baseDelayMs?: number
  /** Never wait longer than this. Default 30,000. */
  maxDelayMs?: number
}

/** Exponential backoff with ±20% jitter: base, 2×base, 4×base… up to the maximum. */
export function backoffDelay(attempts: number, options: RetryOptions = {}, random = Math.random): number {
  const base = options.baseDelayMs ?? 1000
  const max = options.maxDelayMs ?? 30_000
  const delay = Math.min(max, base * 2 ** Math.max(0, attempts - 1))
  return Math.round(delay * (0.8 + 0.4 * random()))
}

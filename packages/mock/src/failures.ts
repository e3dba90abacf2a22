/** Rules for injected failures, as `createMockBackend({ failures })` and `backend.failNext()` take them. */
export interface FailureOptions {
  /** Share (0–1) of requests answered with `errorStatus` before they reach the service. */
  errorRate?: number
  /** Status of those errors. Default 503. */
  errorStatus?: number
  /** Share (0–1) of mutating requests whose response is dropped after the service committed. */
  dropAfterCommitRate?: number
  /** Seed of the random choices, so a failing run can be replayed. Default 1. */
  seed?: number
}

/** One planned failure: the next request(s) matching `method` / `path` fail this way. */
export interface PlannedFailure {
  method?: string
  /** A path (after the base URL) or pattern the request must match, e.g. `/conversations/:id/messages`. */
  path?: string | RegExp
  /** A pattern the query string (`?…`, empty when none) must match, e.g. `/cursor=/`: a next page only. */
  search?: RegExp
  /** Answer with this status (and error body) before reaching the service. */
  status?: number
  /** Drop the connection: `before` the service runs (nothing committed) or `after` it committed. */
  drop?: 'before' | 'after'
  /** How many matching requests fail. Default 1. */
  times?: number
}

/** What to do with one request. */
export type FailureDecision =
  | { kind: 'none' }
  | { kind: 'status'; status: number }
  | { kind: 'drop'; when: 'before' | 'after' }

/** Decides, request by request, which fail: planned failures first, then the random rates. */
export function createFailurePlan(options: FailureOptions = {}) {
  const planned: Array<Required<Pick<PlannedFailure, 'times'>> & PlannedFailure> = []
  let state = (options.seed ?? 1) >>> 0 || 1
  const random = () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 4294967296
  }
  const matches = (rule: PlannedFailure, method: string, path: string, search: string) =>
    (!rule.method || rule.method.toUpperCase() === method) &&
    (!rule.path || (typeof rule.path === 'string' ? rule.path === path : rule.path.test(path))) &&
    (!rule.search || rule.search.test(search))

  return {
    plan(failure: PlannedFailure) {
      planned.push({ ...failure, times: failure.times ?? 1 })
    },
    clear() {
      planned.length = 0
    },
    decide(method: string, path: string, routePattern: string, search = ''): FailureDecision {
      const index = planned.findIndex(
        (r) => matches(r, method, path, search) || matches(r, method, routePattern, search),
      )
      if (index >= 0) {
        const rule = planned[index] as (typeof planned)[number]
        rule.times -= 1
        if (rule.times <= 0) planned.splice(index, 1)
        if (rule.drop) return { kind: 'drop', when: rule.drop }
        return { kind: 'status', status: rule.status ?? 503 }
      }
      if (options.errorRate && random() < options.errorRate)
        return { kind: 'status', status: options.errorStatus ?? 503 }
      if (method !== 'GET' && options.dropAfterCommitRate && random() < options.dropAfterCommitRate) {
        return { kind: 'drop', when: 'after' }
      }
      return { kind: 'none' }
    },
  }
}

export type FailurePlan = ReturnType<typeof createFailurePlan>

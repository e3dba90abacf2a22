import { codeForStatus, SEQ_HEADER, type Stamped } from '@switchboard/protocol'
import type { Actor } from '@switchboard/service'
import { pathParamRefusal } from '@switchboard/service/http'
import { delay, HttpResponse, http } from 'msw'
import type { FailurePlan } from '../failures'
import { errorOf, errorResponse, readJson } from './respond'

/** What a route handler gets: the actor, path params, query, and the request. */
export interface RouteContext {
  actor: Actor
  params: Record<string, string>
  query: Record<string, string>
  request: Request
  json(): Promise<unknown>
}

/** Resolves a bearer token to an actor (and when the token expires), or says why not. */
export type Authenticate = (token: string | null) => { actor: Actor; expiresAt: number | null } | { error: Response }

/** Shared set-up of every route. */
export interface RouteOptions {
  baseUrl: string
  authenticate: Authenticate
  failures: FailurePlan
  latency: () => number
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

/** One route of the contract: what {@link routeHandler} dispatches to. */
export interface MockRoute {
  method: Method
  /** Below the base URL, with `:name` parameters (one path segment each). */
  path: string
  /** Answers a request that matched, with its path parameters decoded. */
  answer(request: Request, params: Record<string, string>): Promise<Response>
}

/**
 * One HTTP route of the contract: latency, injected failures, bearer auth, then `handle`, whose
 * stamped value is sent as JSON (`status`, default 200) with its seq in the `switchboard-seq`
 * header, or, if a Response, as is. `status` picks the success status from the data. Errors
 * become `{ error: { code, message } }` with their status.
 */
export function defineRoute(
  options: RouteOptions,
  method: Method,
  path: string,
  handle: (ctx: RouteContext) => Promise<Stamped<unknown> | Response>,
  status: (data: unknown) => number = () => 200,
): MockRoute {
  const answer = async (request: Request, params: Record<string, string>): Promise<Response> => {
    const wait = options.latency()
    if (wait > 0) await delay(wait)
    const url = new URL(request.url)
    const basePath = new URL(options.baseUrl, url).pathname.replace(/\/$/, '')
    const decision = options.failures.decide(request.method, url.pathname.slice(basePath.length), path, url.search)
    if (decision.kind === 'status') {
      return errorOf(codeForStatus(decision.status), `Injected failure (${decision.status}).`, decision.status)
    }
    if (decision.kind === 'drop' && decision.when === 'before') return HttpResponse.error()
    const header = request.headers.get('authorization')
    const auth = options.authenticate(header?.startsWith('Bearer ') ? header.slice(7) : null)
    if ('error' in auth) return auth.error
    try {
      const value = await handle({
        actor: auth.actor,
        params,
        query: Object.fromEntries(url.searchParams),
        request,
        json: () => readJson(request),
      })
      if (decision.kind === 'drop') return HttpResponse.error()
      if (value instanceof Response) return value
      const headers = { [SEQ_HEADER]: String(value.seq) }
      if (value.data === undefined) return new HttpResponse(null, { status: 204, headers })
      return HttpResponse.json(value.data as object, { status: status(value.data), headers })
    } catch (error) {
      if (decision.kind === 'drop') return HttpResponse.error()
      return errorResponse(error)
    }
  }
  return { method, path, answer }
}

/**
 * A route's path as a matcher of the path below the base URL, as MSW's own matching read it
 * (case-insensitive, a trailing slash allowed): its parameters decoded, or null.
 */
function pathMatcher(path: string): (below: string) => Record<string, string> | null {
  const names: string[] = []
  const source = path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return escapeRegExp(segment)
      names.push(segment.slice(1))
      return '([^/]+)'
    })
    .join('/')
  const pattern = new RegExp(`^${source}/?$`, 'i')
  return (below) => {
    const found = pattern.exec(below)
    if (!found) return null
    return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1] as string)]))
  }
}

/**
 * Every route as one MSW handler, first among the mock's: a malformed path (bad percent-encoding,
 * an overlong or control-laden segment) is refused with 422 `validation_failed` before any route
 * is matched; then the route is found by method and path in a table built once. One MSW handler
 * per route (and one for the check) had MSW compile and try each pattern, and read the request's
 * cookies, for every request: most of the cost of a mock request. The first route that matches
 * answers, in the table's order; a request no route matches goes on to the handlers after this one.
 */
export function routeHandler(absoluteBase: string, routes: readonly MockRoute[]) {
  const basePath = new URL(absoluteBase).pathname.replace(/\/$/, '')
  const table = routes.map((route) => ({ route, match: pathMatcher(route.path) }))
  return http.all(underBase(absoluteBase), ({ request }) => {
    const { pathname } = new URL(request.url)
    const refusal = malformedPath(pathname)
    if (refusal) return refusal
    const below = pathname.slice(basePath.length)
    for (const { route, match } of table) {
      if (route.method !== request.method) continue
      const params = match(below)
      if (params) return route.answer(request, params)
    }
    return undefined
  })
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** Every request under the base URL (a RegExp: MSW decodes no parameters for it, so nothing can throw). */
const underBase = (baseUrl: string) => new RegExp(`^${escapeRegExp(baseUrl)}(/|\\?|$)`)

/** Why a path segment is not acceptable, or null. */
function badSegment(segment: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(segment)
  } catch {
    return 'is not valid percent-encoding'
  }
  return pathParamRefusal(decoded)
}

/** The refusal of a malformed path (such paths made MSW's own matching throw, which answered 500), or null. */
function malformedPath(path: string): Response | null {
  for (const segment of path.split('/')) {
    const problem = badSegment(segment)
    if (problem) return errorOf('validation_failed', `The request address is malformed: a part of the path ${problem}.`)
  }
  return null
}

/** Answers what no route matched with 404 `not_found` in the error shape. Goes last among the handlers. */
export function unknownRoute(baseUrl: string) {
  return http.all(underBase(baseUrl), ({ request }) => {
    const { pathname } = new URL(request.url)
    return errorOf('not_found', `There is no ${request.method} ${pathname} in the SMS inbox API.`)
  })
}

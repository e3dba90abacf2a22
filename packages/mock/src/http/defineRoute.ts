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

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete'

/**
 * One HTTP route of the contract as an MSW handler: latency, injected failures, bearer auth,
 * then `handle`, whose stamped value is sent as JSON (`status`, default 200) with its seq in the
 * `switchboard-seq` header, or, if a Response, as is. `status` picks the success status from the data.
 * Errors become `{ error: { code, message } }` with their status.
 */
export function defineRoute(
  options: RouteOptions,
  method: Method,
  path: string,
  handle: (ctx: RouteContext) => Promise<Stamped<unknown> | Response>,
  status: (data: unknown) => number = () => 200,
) {
  return http[method](`${options.baseUrl}${path}`, async ({ request, params }) => {
    const wait = options.latency()
    if (wait > 0) await delay(wait)
    const url = new URL(request.url)
    const basePath = new URL(options.baseUrl, url).pathname.replace(/\/$/, '')
    const decision = options.failures.decide(request.method, url.pathname.slice(basePath.length), path)
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
        params: params as Record<string, string>,
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

/**
 * Answers any request whose path is malformed (bad percent-encoding, an overlong or control-laden
 * segment) with 422 `validation_failed` before a route is matched: such paths made MSW's own
 * matching throw, which answered 500. Goes first among the handlers.
 */
export function malformedPathGuard(baseUrl: string) {
  return http.all(underBase(baseUrl), ({ request }) => {
    const path = new URL(request.url).pathname
    for (const segment of path.split('/')) {
      const problem = badSegment(segment)
      if (problem)
        return errorOf('validation_failed', `The request address is malformed: a part of the path ${problem}.`)
    }
    return undefined
  })
}

/** Answers what no route matched with 404 `not_found` in the error shape. Goes last among the handlers. */
export function unknownRoute(baseUrl: string) {
  return http.all(underBase(baseUrl), ({ request }) => {
    const { pathname } = new URL(request.url)
    return errorOf('not_found', `There is no ${request.method} ${pathname} in the SMS inbox API.`)
  })
}

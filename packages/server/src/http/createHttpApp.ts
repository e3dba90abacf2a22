import multipart from '@fastify/multipart'
import { isSwitchboardError, SEQ_HEADER, SwitchboardError } from '@switchboard/protocol'
import type { InboxService } from '@switchboard/service'
import { type FileServing, MAX_PATH_PARAM_LENGTH, SERVICE_ROUTES, serveFile } from '@switchboard/service/http'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import type { Tokens } from '../auth/createTokens'
import { createRateLimit } from './createRateLimit'
import { readUpload } from './readUpload'
import { type SignInOptions, signInRoutes } from './signInRoutes'

/** Options of {@link createHttpApp}. */
export interface HttpAppOptions {
  service: InboxService
  tokens: Tokens
  /** Where the HTTP contract is served. Default `/api/sms`. */
  basePath?: string
  /** Origins allowed to call from a browser (CORS); the seq header is exposed to them. Default none. */
  corsOrigins?: readonly string[]
  /** The largest upload, in bytes (the service checks the clinic's own limits below it). Default 5 MB. */
  maxUploadBytes?: number
  /** Sign-in: a development sign-in for seeded staff, and its rate limit. */
  signIn?: SignInOptions
  /**
   * Texts one staff user may send in a minute (a reply or a new conversation with a first
   * message) before `rate_limited`. Default 60: a busy receptionist, not a runaway script.
   */
  sendsPerMinute?: number
  /** Serves `GET {basePath}/files/:id` to signed links (the service's `serveFile`). */
  files?: FileServing
  /** Fastify's logger (`false` in tests). */
  logger?: boolean
}

/** The error body of the contract for anything thrown. */
function toError(error: unknown): SwitchboardError {
  if (isSwitchboardError(error)) return error
  const status = (error as { statusCode?: unknown }).statusCode
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's own refusals (a body that is not JSON, a bad content type, a malformed address).
    if (status === 413)
      return new SwitchboardError('attachment_too_large', 'The request is larger than the server accepts.')
    if (status === 415) {
      return new SwitchboardError(
        'validation_failed',
        'Send the request body as application/json (uploads as multipart/form-data).',
      )
    }
    return new SwitchboardError('validation_failed', `The request is malformed: ${(error as Error).message}`)
  }
  return new SwitchboardError('internal', 'Something went wrong on the server; try again.')
}

function send(reply: FastifyReply, error: SwitchboardError) {
  const wait = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds
  if (error.code === 'rate_limited' && typeof wait === 'number') reply.header('retry-after', String(wait))
  return reply.status(error.status).send(error.toBody())
}

/**
 * The HTTP contract of docs/DESIGN.md on Fastify: the service's one route table
 * (`@switchboard/service/http`), bearer tokens verified on every call, replies stamped with
 * `switchboard-seq`, every refusal in the error shape `{ error: { code, message } }` with its
 * status (malformed addresses and bodies included), uploads as multipart.
 */
export async function createHttpApp(options: HttpAppOptions): Promise<FastifyInstance> {
  const base = (options.basePath ?? '/api/sms').replace(/\/$/, '')
  const app = Fastify({
    logger: options.logger ?? false,
    // A malformed address (bad percent-encoding) is refused in the contract's shape, not Fastify's.
    frameworkErrors: (error, _request, reply) => {
      void send(reply, toError(Object.assign(error, { statusCode: 422 })))
    },
    routerOptions: { maxParamLength: MAX_PATH_PARAM_LENGTH },
  })
  const origins = new Set(options.corsOrigins ?? [])

  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body)
    if (!text.trim()) return done(null, {})
    try {
      done(null, JSON.parse(text))
    } catch {
      done(new SwitchboardError('validation_failed', 'The request body is not valid JSON.'), undefined)
    }
  })
  await app.register(multipart, {
    limits: { fileSize: options.maxUploadBytes ?? 5_000_000, files: 1, fields: 5, fieldSize: 100, parts: 6 },
  })

  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin
    if (origin && origins.has(origin)) {
      reply.header('access-control-allow-origin', origin)
      reply.header('vary', 'Origin')
      reply.header('access-control-expose-headers', SEQ_HEADER)
      if (request.method === 'OPTIONS') {
        reply.header('access-control-allow-methods', 'GET, POST, PATCH, PUT, DELETE')
        reply.header('access-control-allow-headers', 'authorization, content-type')
        reply.header('access-control-max-age', '600')
        return reply.status(204).send()
      }
    }
    return undefined
  })
  app.setErrorHandler((error, _request, reply) => send(reply, toError(error)))
  app.setNotFoundHandler((request, reply) =>
    send(reply, new SwitchboardError('not_found', `There is no ${request.method} ${request.url.split('?')[0]} here.`)),
  )

  const bearer = (request: FastifyRequest) => {
    const header = request.headers.authorization
    return header?.startsWith('Bearer ') ? header.slice(7) : null
  }

  // What sends a text: a reply, or a new conversation with a first message.
  const sendLimit = createRateLimit({ max: options.sendsPerMinute ?? 60, windowMs: 60_000 })
  const sends = (route: (typeof SERVICE_ROUTES)[number], body: unknown) =>
    route.method === 'POST' &&
    (route.path === '/conversations/:id/messages' ||
      (route.path === '/conversations' && typeof (body as { body?: unknown } | null)?.body === 'string'))

  for (const route of SERVICE_ROUTES) {
    app.route({
      method: route.method,
      url: `${base}${route.path}`,
      handler: async (request, reply) => {
        const { actor } = await options.tokens.verify(bearer(request))
        if (sends(route, request.body)) {
          sendLimit.take(
            `${actor.clinicId}:${actor.userId}`,
            'Too many texts in a minute; wait a moment and send again.',
          )
        }
        const { data, seq } = await route.handle(options.service, {
          actor,
          params: request.params as Record<string, string>,
          query: Object.fromEntries(
            Object.entries(request.query as Record<string, unknown>).map(([k, v]) => [
              k,
              String(Array.isArray(v) ? v[0] : v),
            ]),
          ),
          body: route.body === 'json' ? (request.body ?? {}) : undefined,
          upload: () => readUpload(request),
        })
        reply.header(SEQ_HEADER, String(seq))
        if (data === undefined) return reply.status(204).send()
        return reply.status(route.status(data)).send(data)
      },
    })
  }
  const files = options.files
  if (files) {
    app.get(`${base}/files/:id`, async (request, reply) => {
      const { id } = request.params as { id: string }
      const answer = await serveFile(files, id, new URL(request.url, 'http://server'))
      if (!answer.ok) return send(reply, new SwitchboardError(answer.code, answer.message))
      return reply.headers(answer.headers).send(Buffer.from(answer.data))
    })
  }
  signInRoutes(app, base, options.service, options.tokens, options.signIn)
  return app
}

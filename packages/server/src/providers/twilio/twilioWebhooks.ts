import { isSwitchboardError, SwitchboardError } from '@switchboard/protocol'
import type { DeliveryStatusReport, InboxService } from '@switchboard/service'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import twilio from 'twilio'
import type { TwilioAccount } from './createTwilioGateway'
import { type FetchedMedia, fetchTwilioMedia, type MediaFetchOptions } from './fetchTwilioMedia'

/** Options of {@link twilioWebhooks}. */
export interface TwilioWebhookOptions extends TwilioAccount {
  service: InboxService
  /** Where the HTTP contract is served, e.g. `/api/sms`. */
  basePath: string
  /**
   * The server's public address as Twilio reaches it (behind a proxy: `PUBLIC_URL`). Twilio signs
   * the URL it called, so the signature is checked against this address plus the path and query
   * the server received. Null: the request's own protocol and host.
   */
  publicUrl: string | null
  /** Limits of the MMS media fetch. */
  media?: MediaFetchOptions
}

type Params = Record<string, string | string[]>

/** Twilio's message statuses as the service's; statuses of inbound messages and unknown ones are ignored. */
const STATUSES: Record<string, DeliveryStatusReport['status']> = {
  accepted: 'sending',
  scheduled: 'sending',
  queued: 'sending',
  sending: 'sending',
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  undelivered: 'failed',
  failed: 'failed',
  canceled: 'failed',
}

const EMPTY_TWIML = new twilio.twiml.MessagingResponse().toString()
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/** Form fields as Twilio sent them (a repeated name keeps every value, as its signature counts them). */
function parseForm(body: string): Params {
  const params: Params = {}
  for (const [name, value] of new URLSearchParams(body)) {
    const seen = params[name]
    params[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value]
  }
  return params
}

const refuse = (reply: FastifyReply, status: number, error: SwitchboardError) =>
  reply.status(status).send(error.toBody())

/** The note added to a text whose media could not all be received, so staff know to ask again. */
const mediaNote = (problems: string[]) =>
  problems.length ? `[Not received: ${problems.join('; ')}. Ask the sender to send it again.]` : ''

const withNote = (body: string, note: string) => (note ? (body ? `${body}\n\n${note}` : note) : body)

/**
 * Twilio's webhooks: `POST {base}/webhooks/sms/twilio` for inbound SMS and MMS (answered with
 * empty TwiML: replies go out through the API) and `…/twilio/status` for status callbacks. Each
 * request must carry a valid `X-Twilio-Signature` for the account's auth token over the public
 * URL and the form fields (missing: 400; wrong, or any field changed: 403). A message is recorded
 * once per MessageSid (the service de-duplicates; identical requests in flight share one answer),
 * statuses only move forward, and MMS media are fetched into the clinic's files.
 */
export function twilioWebhooks(app: FastifyInstance, options: TwilioWebhookOptions): void {
  const base = `${options.basePath.replace(/\/$/, '')}/webhooks/sms/twilio`
  const inFlight = new Map<string, Promise<unknown>>()

  /** The request's form fields once its signature holds, or null after refusing it. */
  const verified = (request: FastifyRequest, reply: FastifyReply): Params | null => {
    const signature = request.headers['x-twilio-signature']
    if (typeof signature !== 'string' || signature === '') {
      refuse(
        reply,
        400,
        new SwitchboardError(
          'invalid_signature',
          'The X-Twilio-Signature header is missing: only Twilio may call this.',
        ),
      )
      return null
    }
    const params = (request.body && typeof request.body === 'object' ? request.body : {}) as Params
    const origin = options.publicUrl ?? `${request.protocol}://${request.headers.host ?? request.hostname}`
    if (!twilio.validateRequest(options.authToken, signature, `${origin}${request.url}`, params)) {
      refuse(
        reply,
        403,
        new SwitchboardError(
          'invalid_signature',
          'The X-Twilio-Signature does not match this request. Check the auth token, and PUBLIC_URL when behind a proxy.',
        ),
      )
      return null
    }
    if (one(params.AccountSid) !== options.accountSid) {
      refuse(reply, 403, new SwitchboardError('forbidden', 'This webhook came for another Twilio account.'))
      return null
    }
    return params
  }

  const required = <Name extends string>(params: Params, names: Name[]): Record<Name, string> => {
    const missing = names.filter((name) => !one(params[name]))
    if (missing.length) throw new SwitchboardError('validation_failed', `The webhook lacks ${missing.join(', ')}.`)
    return Object.fromEntries(names.map((name) => [name, one(params[name])])) as Record<Name, string>
  }

  /** Records an inbound text; media that cannot be kept are named in the text instead of losing it. */
  const receive = async (params: Params) => {
    const { MessageSid, From, To } = required(params, ['MessageSid', 'From', 'To'])
    const body = one(params.Body) ?? ''
    const fetched: FetchedMedia = await fetchTwilioMedia(params, options, options.media)
    const text = { from: From, to: To, providerMessageId: MessageSid }
    try {
      return await options.service.receiveInbound({
        ...text,
        body: withNote(body, mediaNote(fetched.problems)),
        media: fetched.media,
      })
    } catch (error) {
      if (!isSwitchboardError(error) || !['attachment_too_large', 'validation_failed'].includes(error.code)) throw error
      if (fetched.media.length === 0) throw error
      // The clinic's limits are below what arrived: keep the words, say what was left out.
      const problems = [...fetched.problems, `${fetched.media.length} attachment(s): ${error.message}`]
      return options.service.receiveInbound({ ...text, body: withNote(body, mediaNote(problems)), media: [] })
    }
  }

  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 256 * 1024 },
      (_request, body, done) => done(null, parseForm(String(body))),
    )

    scope.post(base, async (request, reply) => {
      const params = verified(request, reply)
      if (!params) return reply
      const sid = one(params.MessageSid) ?? ''
      let answer = inFlight.get(sid)
      if (!answer) {
        answer = receive(params).finally(() => inFlight.delete(sid))
        if (sid) inFlight.set(sid, answer)
      }
      await answer
      return reply.type('text/xml').send(EMPTY_TWIML)
    })

    scope.post(`${base}/status`, async (request, reply) => {
      const params = verified(request, reply)
      if (!params) return reply
      const { MessageSid, From, MessageStatus } = required(params, ['MessageSid', 'From', 'MessageStatus'])
      const status = STATUSES[MessageStatus.toLowerCase()]
      if (status) {
        const errorCode = one(params.ErrorCode) || (MessageStatus === 'canceled' ? 'canceled' : undefined)
        const errorMessage = one(params.ErrorMessage)
        const messageId = (request.query as Record<string, unknown> | undefined)?.message
        await options.service.applyDeliveryStatus({
          ...(typeof messageId === 'string' && messageId ? { messageId } : {}),
          clinicNumber: From,
          providerMessageId: MessageSid,
          status,
          ...(status === 'failed' && errorCode ? { errorCode } : {}),
          ...(status === 'failed' && errorMessage ? { errorMessage } : {}),
        })
      }
      return reply.status(204).send()
    })
  })
}

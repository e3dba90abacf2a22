import type { SmsGateway } from '@switchboard/service'
import twilio from 'twilio'

/** Twilio's REST API, where the `twilio` package sends by default. */
export const TWILIO_API_URL = 'https://api.twilio.com'

/** The account a Twilio provider sends and receives for. */
export interface TwilioAccount {
  /** `AC…`, from the Twilio console. */
  accountSid: string
  /** The account's auth token: signs the webhooks and authenticates the API calls. */
  authToken: string
  /**
   * Where the REST API is (default {@link TWILIO_API_URL}): a local fake in tests, or a proxy the
   * hosting network requires. Media URLs of inbound MMS are fetched only from this origin.
   */
  apiUrl?: string
}

/** Options of {@link createTwilioGateway}. */
export interface TwilioGatewayOptions extends TwilioAccount {
  /** The public address of the status webhook (`…/webhooks/sms/twilio/status`), asked at each send. */
  statusCallbackUrl(): string
  /** A request's time limit in ms (default 15,000). */
  timeoutMs?: number
}

/** A refusal with the provider's code (a string, as the service's delivery rules read it). */
const refusal = (code: string, message: string) => Object.assign(new Error(message), { code })

/**
 * Sends texts through Twilio's Messages API with the official `twilio` package: each text asks
 * for status callbacks at the server's status webhook. A refusal by the API carries Twilio's
 * error code (21211 invalid number, 21610 unsubscribed recipient, 21614 not a mobile…), which the
 * service turns into a reason staff can act on; a network failure is `provider-error`. Twilio's
 * rate limit (429) is retried with back-off by the package's request client.
 */
export function createTwilioGateway(options: TwilioGatewayOptions): SmsGateway {
  const httpClient = new twilio.RequestClient({
    timeout: options.timeoutMs ?? 15_000,
    autoRetry: true,
    maxRetries: 3,
    keepAlive: true,
  })
  const apiUrl = options.apiUrl?.replace(/\/$/, '')
  if (apiUrl && apiUrl !== TWILIO_API_URL) {
    // The package has no base-URL option: its requests are re-addressed at the one client they share.
    const request = httpClient.request.bind(httpClient)
    httpClient.request = (opts) => {
      const url = new URL(opts.uri)
      return request({ ...opts, uri: `${apiUrl}${url.pathname}${url.search}` })
    }
  }
  const client = twilio(options.accountSid, options.authToken, { httpClient })
  return {
    async send({ from, to, body, mediaUrls, messageId }) {
      // Twilio signs the whole callback URL: the message's own id rides along, so a status that
      // comes back before this call returns still finds its message.
      const callback = new URL(options.statusCallbackUrl())
      if (messageId) callback.searchParams.set('message', messageId)
      try {
        const message = await client.messages.create({
          from,
          to,
          ...(body ? { body } : {}),
          ...(mediaUrls.length ? { mediaUrl: mediaUrls } : {}),
          statusCallback: callback.href,
        })
        return { providerMessageId: message.sid }
      } catch (error) {
        if (error instanceof twilio.RestException) {
          throw refusal(error.code ? String(error.code) : `http-${error.status}`, error.message)
        }
        throw refusal('provider-error', `Twilio could not be reached: ${(error as Error).message}`)
      }
    },
  }
}

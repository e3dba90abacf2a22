import type { InboundMedia } from '@switchboard/protocol'
import { TWILIO_API_URL, type TwilioAccount } from './createTwilioGateway'

/** The media of an inbound MMS as bytes, and what could not be received (said to staff in the text). */
export interface FetchedMedia {
  media: InboundMedia[]
  /** One line per item that could not be received, e.g. "larger than 5 MB in all". */
  problems: string[]
}

/** Options of {@link fetchTwilioMedia}. */
export interface MediaFetchOptions {
  /** The most bytes an MMS may bring in all (default 5,000,000, the MMS limit). */
  maxBytes?: number
  /** Time limit per item in ms (default 20,000). */
  timeoutMs?: number
  fetch?: typeof globalThis.fetch
}

const MAX_ITEMS = 10
const one = (value: unknown) => (Array.isArray(value) ? value[0] : value)

/** Reads a response's body up to `limit` bytes; null when it is longer. */
async function readUpTo(response: Response, limit: number): Promise<Uint8Array | null> {
  const declared = Number(response.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel()
    return null
  }
  const reader = response.body?.getReader()
  if (!reader) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  const data = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    data.set(chunk, offset)
    offset += chunk.byteLength
  }
  return data
}

/**
 * Fetches the media of an inbound Twilio MMS (`NumMedia`, `MediaUrl0…`, `MediaContentType0…`)
 * into bytes for the service, which types them by their content and keeps them as the clinic's
 * own files. Only URLs on the account's API origin are fetched (a payload cannot make the server
 * fetch anything else), with the account's credentials, a time limit, and a byte budget for the
 * whole message read as a stream. What fails is named in `problems`, so the text is still kept.
 */
export async function fetchTwilioMedia(
  params: Record<string, unknown>,
  account: TwilioAccount,
  options: MediaFetchOptions = {},
): Promise<FetchedMedia> {
  const maxBytes = options.maxBytes ?? 5_000_000
  const fetchFn = options.fetch ?? globalThis.fetch
  const origin = new URL(account.apiUrl ?? TWILIO_API_URL).origin
  const declared = Number(one(params.NumMedia) ?? 0)
  const count = Number.isInteger(declared) && declared > 0 ? Math.min(declared, MAX_ITEMS) : 0
  const problems: string[] = []
  if (declared > MAX_ITEMS) problems.push(`${declared - MAX_ITEMS} past the first ${MAX_ITEMS} were left out`)
  const media: InboundMedia[] = []
  let budget = maxBytes
  const authorization = `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`
  for (let index = 0; index < count; index += 1) {
    const raw = one(params[`MediaUrl${index}`])
    let url: URL | null = null
    try {
      url = typeof raw === 'string' ? new URL(raw) : null
    } catch {
      url = null
    }
    if (!url || url.origin !== origin) {
      problems.push(`attachment ${index + 1} did not come from the provider's address`)
      continue
    }
    try {
      const response = await fetchFn(url, {
        headers: { authorization },
        redirect: 'follow',
        signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
      })
      if (!response.ok) {
        await response.body?.cancel()
        problems.push(`attachment ${index + 1} could not be downloaded (the provider answered ${response.status})`)
        continue
      }
      const data = await readUpTo(response, budget)
      if (!data) {
        problems.push(`attachment ${index + 1} is past the ${Math.round(maxBytes / 1_000_000)} MB a text may carry`)
        continue
      }
      if (data.byteLength === 0) {
        problems.push(`attachment ${index + 1} was empty`)
        continue
      }
      budget -= data.byteLength
      const contentType = one(params[`MediaContentType${index}`])
      media.push({ data, ...(typeof contentType === 'string' ? { contentType: contentType.slice(0, 255) } : {}) })
    } catch (error) {
      problems.push(`attachment ${index + 1} could not be downloaded (${(error as Error).name})`)
    }
  }
  return { media, problems }
}

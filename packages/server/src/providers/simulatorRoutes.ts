import { normalizePhone, SwitchboardError } from '@switchboard/protocol'
import type { FastifyInstance } from 'fastify'
import type { Simulator } from './createSimulator'

interface SimulatedTextBody {
  from?: unknown
  to?: unknown
  body?: unknown
  media?: Array<{ name?: unknown; contentType?: unknown; base64?: unknown }>
}

/**
 * The simulated phones' side, for the demo and tests (development only: anyone may text as any
 * number): `POST /simulator/texts { from, to?, body, media?: [{ name, contentType, base64 }] }`
 * texts a clinic (the only one's number when `to` is left out); `GET /simulator/phones/:phone` lists what a
 * phone received.
 */
export function simulatorRoutes(
  app: FastifyInstance,
  base: string,
  simulator: Simulator,
  clinicNumbers: () => Promise<string[]>,
) {
  /** The clinic number a text goes to: the one given, or the only clinic's. */
  const recipient = async (to: unknown) => {
    if (typeof to === 'string') return to
    const numbers = await clinicNumbers()
    if (numbers.length === 1) return numbers[0] as string
    throw new SwitchboardError(
      'validation_failed',
      `Say which clinic number to text ("to"): this server has ${numbers.length} clinics (${numbers.join(', ')}).`,
    )
  }
  app.post(`${base}/simulator/texts`, async (request, reply) => {
    const input = (request.body ?? {}) as SimulatedTextBody
    if (typeof input.from !== 'string')
      throw new SwitchboardError('validation_failed', 'Say which number texts ("from").')
    const media = Array.isArray(input.media) ? input.media : []
    const message = await simulator.text({
      from: input.from,
      to: await recipient(input.to),
      body: typeof input.body === 'string' ? input.body : '',
      media: media.map((m) => ({
        ...(typeof m.name === 'string' ? { name: m.name } : {}),
        ...(typeof m.contentType === 'string' ? { contentType: m.contentType } : {}),
        data: new Uint8Array(Buffer.from(typeof m.base64 === 'string' ? m.base64 : '', 'base64')),
      })),
    })
    return reply.status(201).send(message)
  })
  app.get(`${base}/simulator/phones/:phone`, async (request) => {
    const { phone } = request.params as { phone: string }
    return simulator.received(normalizePhone(phone))
  })
}

import { parsePhone } from '@switchboard/protocol'
import type { DeliveryStatusReport, InboundText, SmsGateway } from '@switchboard/service'

/** A text as a simulated phone received it. */
export interface SimulatedText {
  providerMessageId: string
  from: string
  to: string
  body: string
  mediaUrls: string[]
  at: string
}

/** Options of {@link createSimulator}. */
export interface SimulatorOptions {
  /** Where the network reports delivery (the service's `applyDeliveryStatus`). */
  onStatus(report: DeliveryStatusReport): Promise<unknown>
  /** Where a simulated phone's text goes (the service's `receiveInbound`). */
  onInbound(text: InboundText): Promise<unknown>
  /** Delays of the network in ms: accepted → sent, sent → delivered (or failed). Default 300 and 1,200. */
  delays?: { sentMs: number; deliveredMs: number }
  /**
   * What kind of line a valid number is. Default: last four digits 0000–0049 a landline,
   * 0050–0099 a phone that is off (unreachable), anything else a mobile that receives texts.
   */
  lineOf?(phone: string): 'mobile' | 'landline' | 'unreachable'
}

/** The simulated phone network. */
export interface Simulator extends SmsGateway {
  /** A phone texts `to` (a clinic's number), as a provider webhook would deliver it. */
  text(text: Omit<InboundText, 'providerMessageId'>): Promise<unknown>
  /** What a phone has received, oldest first. */
  received(phone: string): SimulatedText[]
  /** How many texts the network has accepted since it started. */
  acceptedCount(): number
  /** Waits until every pending status report went out (tests). */
  settled(): Promise<void>
  /** Stops the pending reports. */
  stop(): void
}

const defaultLine = (phone: string) => {
  const last = Number(phone.slice(-4))
  return last < 50 ? 'landline' : last < 100 ? 'unreachable' : 'mobile'
}

/** A provider-side error, with the code a real provider gives (Twilio's numbers). */
const refusal = (code: string, message: string) => Object.assign(new Error(message), { code })

/**
 * An in-process phone network for development and tests, behind the same `SmsGateway` port as a
 * real provider: it refuses an invalid number at once (21211, as Twilio's API does), accepts the
 * rest and reports `sent`, then `delivered` to a mobile, or `failed` with the provider's code for
 * a landline (30006) or a phone that is off (30003), with realistic delays. Phones can text the
 * clinic, and what each phone received is kept for the demo's phone panel.
 */
export function createSimulator(options: SimulatorOptions): Simulator {
  const delays = options.delays ?? { sentMs: 300, deliveredMs: 1200 }
  const lineOf = options.lineOf ?? defaultLine
  const phones = new Map<string, SimulatedText[]>()
  const timers = new Set<ReturnType<typeof setTimeout>>()
  const pending = new Set<Promise<unknown>>()
  let counter = 0
  let accepted = 0
  // Unique across instances on one database too: two servers' first texts in the same millisecond
  // had the same id (time and a counter from zero), which the storage refuses.
  const instance = Math.random().toString(36).slice(2, 8).padEnd(6, '0')
  const nextId = (prefix: string) =>
    `${prefix}${instance}${Date.now().toString(36)}${(++counter).toString(36).padStart(4, '0')}`

  const later = (ms: number, report: () => Promise<unknown>) => {
    let done: () => void = () => undefined
    const waiting = new Promise<void>((resolve) => {
      done = resolve
    })
    pending.add(waiting)
    const timer = setTimeout(() => {
      timers.delete(timer)
      report()
        .catch(() => undefined)
        .finally(() => {
          pending.delete(waiting)
          done()
        })
    }, ms)
    timers.add(timer)
  }

  return {
    async send({ from, to, body, mediaUrls }) {
      const parsed = parsePhone(to)
      if (!parsed.ok) throw refusal('21211', `The 'To' number ${to} is not a valid phone number.`)
      const providerMessageId = nextId('SMsim')
      accepted += 1
      const report = (status: DeliveryStatusReport['status'], errorCode?: string) => () =>
        options.onStatus({ clinicNumber: from, providerMessageId, status, ...(errorCode ? { errorCode } : {}) })
      later(delays.sentMs, report('sent'))
      const line = lineOf(parsed.e164)
      if (line === 'mobile') {
        later(delays.sentMs + delays.deliveredMs, async () => {
          const inbox = phones.get(parsed.e164) ?? []
          inbox.push({ providerMessageId, from, to: parsed.e164, body, mediaUrls, at: new Date().toISOString() })
          phones.set(parsed.e164, inbox)
          return report('delivered')()
        })
      } else {
        later(delays.sentMs + delays.deliveredMs, report('failed', line === 'landline' ? '30006' : '30003'))
      }
      return { providerMessageId }
    },
    text: (text) => options.onInbound({ ...text, providerMessageId: nextId('SMin') }),
    received: (phone) => [...(phones.get(phone) ?? [])],
    acceptedCount: () => accepted,
    async settled() {
      while (pending.size) await Promise.all([...pending])
    },
    stop() {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
    },
  }
}

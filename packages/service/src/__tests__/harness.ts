import type { Clinic, Permission, ServerEvent } from '@switchboard/protocol'
import { isSwitchboardError, PERMISSIONS } from '@switchboard/protocol'
import { expect } from 'vitest'
import {
  type Actor,
  createInboxService,
  createMemoryFileStore,
  createMemoryGateway,
  createMemoryMailer,
  createMemoryStorage,
  generateSeed,
  type SeedOptions,
} from '../index'

/** Monday 30 Nov 2026, 10:00 in Los Angeles: the clinic is open. */
export const OPEN_TIME = new Date('2026-11-30T18:00:00.000Z')
/** Monday 30 Nov 2026, 22:00 in Los Angeles: closed. */
export const CLOSED_TIME = new Date('2026-12-01T06:00:00.000Z')

export const CLINIC_NUMBER = '+14155550100'

const ALL: Permission[] = [...PERMISSIONS]

/** A service over a seeded memory storage, with its fakes, a settable clock and an event log. */
export function setup(options: SeedOptions & { eventRetention?: number; clinic?: Partial<Clinic> } = {}) {
  const seed = generateSeed({ conversations: 40, ...options })
  const main = seed.clinics[0]
  if (options.clinic && main) main.record.clinic = { ...main.record.clinic, ...options.clinic }
  const storage = createMemoryStorage({ clinics: seed.clinics, eventRetention: options.eventRetention ?? 5000 })
  const mailer = createMemoryMailer()
  const gateway = createMemoryGateway()
  const files = createMemoryFileStore()
  let now = OPEN_TIME
  let counter = 0
  const errors: unknown[] = []
  const service = createInboxService({
    storage,
    mailer,
    gateway,
    files,
    clock: () => now,
    newId: (prefix) => `${prefix}_t${++counter}`,
    onError: (error) => errors.push(error),
  })
  const events: Array<{ clinicId: string; event: ServerEvent }> = []
  service.subscribe((clinicId, event) => events.push({ clinicId, event }))
  const actor = (userId: string, permissions: Permission[], clinicId = 'cln_maple'): Actor => ({
    clinicId,
    userId,
    permissions,
  })
  return {
    seed,
    storage,
    service,
    mailer,
    gateway,
    files,
    events,
    errors,
    setNow: (date: Date) => {
      now = date
    },
    /** Practice manager: every permission. */
    dana: actor('usr_dana', ALL),
    /** Technician: `messaging` only. */
    marcus: actor('usr_marcus', ['messaging']),
    /** Kennel assistant: no SMS access. */
    sam: actor('usr_sam', []),
    /** The admin of the other clinic. */
    grace: actor('usr_harbour_admin', ALL, 'cln_harbour'),
    /** Texts the clinic from `from`. */
    text: (from: string, body: string, providerMessageId?: string) =>
      service.receiveInbound({ to: CLINIC_NUMBER, from, body, ...(providerMessageId ? { providerMessageId } : {}) }),
  }
}

/** Asserts that `promise` rejects with a SwitchboardError of `code`; returns it. */
export async function expectError(promise: Promise<unknown>, code: string) {
  try {
    await promise
  } catch (error) {
    expect(isSwitchboardError(error), String(error)).toBe(true)
    expect((error as { code: string }).code).toBe(code)
    expect((error as Error).message.length).toBeGreaterThan(10)
    return error as Error & { code: string; status: number }
  }
  throw new Error(`expected a ${code} error, but the call succeeded`)
}

import { PERMISSIONS, type Permission, type ServerEvent } from '@switchboard/protocol'
import { createInboxService, type InboxService } from '../createInboxService'
import { createMemoryFileStore, createMemoryGateway, createMemoryMailer } from '../memory/memoryPorts'
import type { Storage } from '../ports'
import type { Actor } from '../service/actor'

/** Monday 30 Nov 2026, 10:00 in Los Angeles: the seeded clinic is open. */
export const SCENARIO_START = Date.parse('2026-11-30T18:00:00.000Z')

/** A service over `storage` with a clock that moves only when told, ids in call order, and its events. */
export interface ServiceOver {
  service: InboxService
  events: Array<{ clinicId: string; event: ServerEvent }>
  /** Every permission, in the seeded main clinic. */
  dana: Actor
  /** `messaging` only. */
  marcus: Actor
  /** Moves the clock to `ms` after {@link SCENARIO_START}. */
  at(ms: number): void
  /** Waits until no transaction is running or waiting (dispatches after a commit included). */
  settle(): Promise<void>
}

/** Wraps a storage to know when the service has nothing left to do. */
function counting(storage: Storage) {
  let running = 0
  const wrapped: Storage = {
    clinicIdForNumber: (n) => storage.clinicIdForNumber(n),
    async transaction(clinicId, fn) {
      running++
      try {
        return await storage.transaction(clinicId, fn)
      } finally {
        running--
      }
    },
  }
  return { wrapped, busy: () => running > 0 }
}

/** Runs the inbox service over `storage` deterministically, so two storages can be compared call by call. */
export function serviceOver(storage: Storage, clinicId = 'cln_maple'): ServiceOver {
  const { wrapped, busy } = counting(storage)
  let now = SCENARIO_START
  let counter = 0
  const service = createInboxService({
    storage: wrapped,
    mailer: createMemoryMailer(),
    gateway: createMemoryGateway(),
    files: createMemoryFileStore(),
    clock: () => new Date(now),
    newId: (prefix) => `${prefix}_s${String(++counter).padStart(5, '0')}`,
    onError: () => undefined,
  })
  const events: ServiceOver['events'] = []
  service.subscribe((id, event) => events.push({ clinicId: id, event }))
  const actor = (userId: string, permissions: Permission[]): Actor => ({ clinicId, userId, permissions })
  return {
    service,
    events,
    dana: actor('usr_dana', [...PERMISSIONS]),
    marcus: actor('usr_marcus', ['messaging']),
    at(ms) {
      now = SCENARIO_START + ms
    },
    async settle() {
      let quiet = 0
      while (quiet < 3) {
        await new Promise((resolve) => setTimeout(resolve, 0))
        quiet = busy() ? 0 : quiet + 1
      }
    },
  }
}

/** A call's outcome as plain data: its answer, or its error's code. */
export async function outcome(call: Promise<unknown>): Promise<unknown> {
  try {
    return { ok: structuredClone(await call) }
  } catch (error) {
    return { error: (error as { code?: string }).code ?? String(error) }
  }
}

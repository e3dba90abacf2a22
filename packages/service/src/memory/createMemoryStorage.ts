import { SwitchboardError } from '@switchboard/protocol'
import type { ClinicSeed, Storage, StorageTx } from '../ports'
import { type ClinicData, loadClinic } from './clinicData'
import { createMemoryTx } from './memoryTx'

/** Options of {@link createMemoryStorage}. */
export interface MemoryStorageOptions {
  /** Clinics to start with, e.g. from `generateSeed`. */
  clinics?: ClinicSeed[]
  /** How many events the log keeps per clinic before `eventsAfter` answers expired. Default 5,000. */
  eventRetention?: number
}

/** A {@link Storage} that also loads clinics and reports its size, for the mock and tests. */
export interface MemoryStorage extends Storage {
  addClinic(seed: ClinicSeed): void
  clinicIds(): string[]
  /**
   * A deep copy of everything a clinic has stored (tables and event log, not caches), as plain
   * data: compare two dumps to prove that a refused request changed nothing.
   */
  dump(clinicId: string): Record<string, unknown>
}

/**
 * Storage in memory: transactions run one at a time and roll back whole on error, through an
 * undo log, so the service behaves here exactly as over SQL.
 *
 * @example
 * const storage = createMemoryStorage({ clinics: generateSeed({ seed: 1 }).clinics })
 */
export function createMemoryStorage(options: MemoryStorageOptions = {}): MemoryStorage {
  const clinics = new Map<string, ClinicData>()
  const byNumber = new Map<string, string>()
  const retention = options.eventRetention ?? 5000
  let queue: Promise<unknown> = Promise.resolve()

  const addClinic = (seed: ClinicSeed) => {
    const data = loadClinic(seed)
    clinics.set(data.record.clinic.id, data)
    byNumber.set(data.record.clinic.smsNumber, data.record.clinic.id)
  }
  for (const seed of options.clinics ?? []) addClinic(seed)

  async function run<T>(clinicId: string, fn: (tx: StorageTx) => Promise<T>): Promise<T> {
    const data = clinics.get(clinicId)
    if (!data) throw new SwitchboardError('not_found', `No clinic ${clinicId}.`)
    const undo: Array<() => void> = []
    try {
      const result = await fn(createMemoryTx(data, undo))
      if (data.events.length > retention) data.events.splice(0, data.events.length - retention)
      return result
    } catch (error) {
      for (let i = undo.length - 1; i >= 0; i--) undo[i]?.()
      data.order = null
      data.unread = null
      data.views.clear()
      throw error
    }
  }

  return {
    transaction<T>(clinicId: string, fn: (tx: StorageTx) => Promise<T>): Promise<T> {
      const result = queue.then(() => run(clinicId, fn))
      queue = result.catch(() => undefined)
      return result
    },
    async clinicIdForNumber(smsNumber) {
      return byNumber.get(smsNumber) ?? null
    },
    addClinic,
    clinicIds: () => [...clinics.keys()],
    dump(clinicId) {
      const data = clinics.get(clinicId)
      if (!data) throw new SwitchboardError('not_found', `No clinic ${clinicId}.`)
      const table = <V>(map: Map<string, V>) =>
        Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)))
      return structuredClone({
        record: data.record,
        team: table(data.team),
        inboxes: table(data.inboxes),
        templates: data.templates,
        contacts: table(data.contacts),
        clients: table(data.clients),
        conversations: table(data.conversations),
        conversationByPhone: table(data.conversationByPhone),
        threads: table(data.threads),
        messages: table(data.messages),
        messageByClientId: table(data.messageByClientId),
        messageByProviderId: table(data.messageByProviderId),
        attachments: table(data.attachments),
        attachmentUses: Object.fromEntries(
          [...data.attachmentUses.entries()]
            .filter(([, uses]) => uses.size > 0)
            .map(([id, uses]) => [id, [...uses].sort()]),
        ),
        events: data.events,
        lastSeq: data.lastSeq,
      })
    },
  }
}

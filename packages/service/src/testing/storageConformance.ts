import { isSwitchboardError, type NewInboxEvent } from '@switchboard/protocol'
import * as fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryStorage } from '../memory/createMemoryStorage'
import type { ClinicSeed, ContactRecord, Storage } from '../ports'
import { generateSeed } from '../seed/generateSeed'
import { readEverything } from './readEverything'
import { SCENARIO } from './scenario'
import { outcome, serviceOver } from './serviceOver'

/** A storage under test, loaded with `clinics`; `close` runs after each test. */
export type StorageFactory = (
  clinics: ClinicSeed[],
  options: { eventRetention: number },
) => Promise<Storage & { close?(): Promise<void> | void }>

/** A contact no seed has: blocked, with nothing else recorded. */
const blockedContact: ContactRecord = {
  phone: '+16505550142',
  clientId: null,
  optedOut: null,
  blocked: true,
  consent: [],
  footerSentAt: null,
  afterHoursPeriod: null,
}
/** The heavy tests read every list under every filter: a loaded machine needs time. */
const SLOW = 60_000
const MAIN = 'cln_maple'
const OTHER = 'cln_harbour'
const seeds = () => generateSeed({ seed: 11, conversations: 50 }).clinics
/** A logged event whose content tells which call wrote it. */
const note = (text: string): NewInboxEvent => ({
  type: 'unread.updated',
  unread: { conversations: text.length, messages: 0, byInbox: { [text]: 1 } },
})

/**
 * The suite every storage of the inbox service must pass. The memory storage is the reference:
 * the storage under test, loaded with the same clinics and driven by the same service calls,
 * must answer every read exactly as it does. Then what only a real database can get wrong:
 * whole-or-nothing transactions, clinic isolation, the event log's order under concurrent
 * writers and its retention.
 *
 * @example
 * storageConformance('sqlite', async (clinics, o) => { const s = await createSqliteStorage({ file: ':memory:', ...o }); for (const c of clinics) await s.addClinic(c); return s })
 */
export function storageConformance(name: string, makeStorage: StorageFactory, options: { runs?: number } = {}): void {
  describe(`storage: ${name}`, () => {
    const opened: Array<{ close?(): Promise<void> | void }> = []
    const open = async (eventRetention = 5000) => {
      const storage = await makeStorage(seeds(), { eventRetention })
      opened.push(storage)
      return storage
    }
    const reference = (eventRetention = 5000) => createMemoryStorage({ clinics: seeds(), eventRetention })
    afterEach(async () => {
      for (const storage of opened.splice(0)) await storage.close?.()
    })

    it(
      'reads a loaded clinic exactly as the reference does',
      async () => {
        const storage = await open()
        for (const clinic of [MAIN, OTHER]) {
          expect(await readEverything(storage, clinic)).toEqual(await readEverything(reference(), clinic))
        }
      },
      SLOW,
    )

    it(
      'answers every service call of a clinic day as the reference does, and then every read',
      async () => {
        const testedStorage = await open()
        const referenceStorage = reference()
        const tested = serviceOver(testedStorage)
        const expected = serviceOver(referenceStorage)
        for (const [i, step] of SCENARIO.entries()) {
          tested.at(i * 1000)
          expected.at(i * 1000)
          const got = await outcome(step.run(tested))
          await tested.settle()
          const want = await outcome(step.run(expected))
          await expected.settle()
          expect(got, step.name).toEqual(want)
          expect(Object.keys(want as object), `${step.name} on the reference`).toEqual([step.refused ? 'error' : 'ok'])
        }
        expect(tested.events).toEqual(expected.events)
        const storages = [tested, expected].map((s) => s.service)
        expect(await storages[0]?.eventsAfter(tested.dana, { after: 0 })).toEqual(
          await storages[1]?.eventsAfter(expected.dana, { after: 0 }),
        )
        for (const clinic of [MAIN, OTHER]) {
          expect(await readEverything(testedStorage, clinic)).toEqual(await readEverything(referenceStorage, clinic))
        }
      },
      SLOW,
    )

    it(
      'after random texts, replies, read changes, assignments, closes and deletes, answers every list as the reference',
      async () => {
        const phones = ['+16505550101', '+16505550102', '+16505550103', '+16505550104']
        const op = fc.oneof(
          fc.record({
            kind: fc.constant('text' as const),
            phone: fc.constantFrom(...phones),
            body: fc.constantFrom('hi', 'STOP', 'START', 'ok'),
          }),
          fc.record({
            kind: fc.constantFrom('reply', 'read', 'unread', 'assign', 'close', 'reopen', 'delete', 'block', 'unblock'),
            phone: fc.constantFrom(...phones),
          }),
        )
        await fc.assert(
          fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
            const testedStorage = await open()
            const referenceStorage = reference()
            const tested = serviceOver(testedStorage)
            const expected = serviceOver(referenceStorage)
            for (const [i, o] of ops.entries()) {
              for (const s of [tested, expected]) {
                s.at(i * 60_000)
                const { service, dana } = s
                const find = async () =>
                  (await service.listConversations(dana, { status: 'all', q: o.phone.slice(2) })).items[0]?.id ?? 'none'
                const call: Record<string, () => Promise<unknown>> = {
                  text: () =>
                    service.receiveInbound({ to: '+14155550100', from: o.phone, body: 'body' in o ? o.body : 'hi' }),
                  reply: async () =>
                    service.sendMessage(dana, await find(), { body: 'Thanks!', clientMessageId: `r${i}` }),
                  read: async () => service.markRead(dana, await find()),
                  unread: async () => service.markUnread(dana, await find()),
                  assign: async () => service.assign(dana, await find(), 'usr_priya'),
                  close: async () => service.close(dana, await find()),
                  reopen: async () => service.reopen(dana, await find()),
                  delete: async () => service.deleteConversation(dana, await find()),
                  block: () => service.block(dana, o.phone),
                  unblock: () => service.unblock(dana, o.phone),
                }
                await outcome((call[o.kind] as () => Promise<unknown>)())
                await s.settle()
              }
            }
            expect(tested.events).toEqual(expected.events)
            expect(await readEverything(testedStorage, MAIN)).toEqual(await readEverything(referenceStorage, MAIN))
          }),
          { numRuns: options.runs ?? 12 },
        )
      },
      10 * SLOW,
    )

    it(
      'a transaction that throws changes nothing',
      async () => {
        const storage = await open()
        const before = await readEverything(storage, MAIN)
        const failure = new Error('refused halfway')
        await expect(
          storage.transaction(MAIN, async (tx) => {
            const [conversation] = await tx.listConversations(
              { status: 'all', contactType: 'all', assignee: 'all', inbox: 'all', q: '' },
              { userId: 'x' },
              null,
              1,
            )
            const record = conversation ? await tx.getConversationRecord(conversation.id) : null
            await tx.putContact(blockedContact)
            if (record) await tx.putConversation({ ...record, status: 'closed', unreadCount: 9 })
            if (conversation) await tx.deleteConversation(conversation.id)
            await tx.appendEvents([note('a'), note('b')], '2026-11-30T18:00:00.000Z')
            await tx.putInbox({ id: 'inb_x', name: 'Never' })
            throw failure
          }),
        ).rejects.toBe(failure)
        expect(await readEverything(storage, MAIN)).toEqual(before)
      },
      SLOW,
    )

    it('keeps clinics apart, and refuses an unknown one', async () => {
      const storage = await open()
      const ids = async (clinic: string) =>
        storage.transaction(clinic, async (tx) =>
          (
            await tx.listConversations(
              { status: 'all', contactType: 'all', assignee: 'all', inbox: 'all', q: '' },
              { userId: 'x' },
              null,
              1000,
            )
          ).map((c) => c.id),
        )
      const [main, other] = [await ids(MAIN), await ids(OTHER)]
      expect(main.length).toBeGreaterThan(0)
      expect(main.filter((id) => other.includes(id))).toEqual([])
      const contact = blockedContact
      await storage.transaction(MAIN, (tx) => tx.putContact(contact))
      expect(await storage.transaction(OTHER, (tx) => tx.getContact(contact.phone))).toBeNull()
      expect(await storage.transaction(MAIN, (tx) => tx.getContact(contact.phone))).toEqual(contact)
      const leaked = await storage.transaction(OTHER, async (tx) =>
        Promise.all(main.map((id) => tx.getConversation(id))),
      )
      expect(leaked.filter(Boolean)).toEqual([])
      expect(await storage.clinicIdForNumber('+14155550100')).toBe(MAIN)
      expect(await storage.clinicIdForNumber('+19999999999')).toBeNull()
      const refused = await storage.transaction('cln_nowhere', async () => 'ran').catch((e: unknown) => e)
      expect(isSwitchboardError(refused) && refused.code === 'not_found').toBe(true)
    })

    it('numbers events gap-free under concurrent transactions, and pages the log', async () => {
      const storage = await open()
      const appended = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          storage.transaction(MAIN, (tx) => tx.appendEvents([note(`c${i}`)], '2026-11-30T18:00:00.000Z')),
        ),
      )
      const seqs = appended
        .flat()
        .map((e) => e.seq)
        .sort((a, b) => a - b)
      expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => i + 1))
      const page = await storage.transaction(MAIN, (tx) => tx.eventsAfter(10, 5))
      expect(page.events.map((e) => e.seq)).toEqual([11, 12, 13, 14, 15])
      expect(page).toMatchObject({ expired: false, lastSeq: 30 })
      expect(await storage.transaction(OTHER, (tx) => tx.lastSeq())).toBe(0)
    })

    it('forgets events past its retention and says so', async () => {
      const storage = await open(5)
      for (let i = 0; i < 4; i++) {
        await storage.transaction(MAIN, (tx) =>
          tx.appendEvents([note(`a${i}`), note(`b${i}`)], '2026-11-30T18:00:00.000Z'),
        )
      }
      const [early, recent, current] = await storage.transaction(MAIN, async (tx) => [
        await tx.eventsAfter(1, 100),
        await tx.eventsAfter(3, 100),
        await tx.eventsAfter(8, 100),
      ])
      expect(early).toEqual({ events: [], expired: true, lastSeq: 8 })
      expect(recent?.events.map((e) => e.seq)).toEqual([4, 5, 6, 7, 8])
      expect(current).toEqual({ events: [], expired: false, lastSeq: 8 })
    })
  })
}

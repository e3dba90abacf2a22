import { type Conversation, computeUnreadTotals } from '@switchboard/protocol'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createMemoryStorage } from '../memory/createMemoryStorage'
import { generateSeed } from '../seed/generateSeed'
import { outcome, serviceOver } from '../testing/serviceOver'

// The memory storage keeps the unread badge numbers as conversations are written, rather than
// counting every conversation at each text: they must always equal a count over what it holds.
const MAIN = 'cln_maple'
const phones = ['+16505550101', '+16505550102', '+16505550103', '+16505550104']

function counted(storage: ReturnType<typeof createMemoryStorage>) {
  const conversations = storage.dump(MAIN).conversations as Record<string, Conversation>
  return computeUnreadTotals(Object.values(conversations))
}
const kept = (storage: ReturnType<typeof createMemoryStorage>) => storage.transaction(MAIN, (tx) => tx.unreadTotals())

describe('memory storage: unread totals', () => {
  it('after random texts, reads, assignments, closes, deletes and blocks, equal a count of every conversation', async () => {
    const op = fc.record({
      kind: fc.constantFrom('text', 'reply', 'read', 'unread', 'assign', 'inbox', 'close', 'reopen', 'delete', 'block'),
      phone: fc.constantFrom(...phones),
    })
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 20 }), async (ops) => {
        const storage = createMemoryStorage({ clinics: generateSeed({ seed: 3, conversations: 30 }).clinics })
        const { service, dana, at, settle } = serviceOver(storage)
        expect(await kept(storage)).toEqual(counted(storage))
        for (const [i, o] of ops.entries()) {
          at(i * 60_000)
          const find = async () =>
            (await service.listConversations(dana, { status: 'all', q: o.phone.slice(2) })).items[0]?.id ?? 'none'
          const calls: Record<typeof o.kind, () => Promise<unknown>> = {
            text: () => service.receiveInbound({ to: '+14155550100', from: o.phone, body: 'hi' }),
            reply: async () => service.sendMessage(dana, await find(), { body: 'Thanks!', clientMessageId: `r${i}` }),
            read: async () => service.markRead(dana, await find()),
            unread: async () => service.markUnread(dana, await find()),
            assign: async () => service.assign(dana, await find(), 'usr_priya'),
            inbox: async () => service.moveToInbox(dana, await find(), 'inb_billing'),
            close: async () => service.close(dana, await find()),
            reopen: async () => service.reopen(dana, await find()),
            delete: async () => service.deleteConversation(dana, await find()),
            block: () => service.block(dana, o.phone),
          }
          await outcome(calls[o.kind]())
          await settle()
          expect(await kept(storage)).toEqual(counted(storage))
        }
      }),
      { numRuns: 15 },
    )
  })

  it('a transaction that throws leaves them as they were', async () => {
    const storage = createMemoryStorage({ clinics: generateSeed({ seed: 3, conversations: 30 }).clinics })
    const before = await kept(storage)
    const failure = new Error('refused halfway')
    await expect(
      storage.transaction(MAIN, async (tx) => {
        const records = Object.values(storage.dump(MAIN).conversations as Record<string, { id: string }>)
        for (const { id } of records.slice(0, 5)) {
          const record = await tx.getConversationRecord(id)
          if (record) await tx.putConversation({ ...record, status: 'open', unreadCount: 7, markedUnread: true })
        }
        expect(await tx.unreadTotals()).not.toEqual(before)
        throw failure
      }),
    ).rejects.toBe(failure)
    expect(await kept(storage)).toEqual(before)
    expect(before).toEqual(counted(storage))
  })
})

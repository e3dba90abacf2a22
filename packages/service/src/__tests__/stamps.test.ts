import type { InboxEvent, NewInboxEvent } from '@switchboard/protocol'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Storage } from '../index'
import { CLOSED_TIME, OPEN_TIME, setup } from './harness'

/** Records the events each transaction logs, one array per transaction. */
function recordTransactions(storage: Storage): NewInboxEvent[][] {
  const transactions: NewInboxEvent[][] = []
  const inner = storage.transaction.bind(storage)
  storage.transaction = (clinicId, fn) =>
    inner(clinicId, (tx) =>
      fn({
        ...tx,
        appendEvents: (events, at) => {
          transactions.push([...events])
          return tx.appendEvents(events, at)
        },
      }),
    )
  return transactions
}

const keysOf = (events: NewInboxEvent[]) =>
  events.flatMap((e) => {
    if (e.type === 'conversation.updated') return [`conversation:${e.conversation.id}`]
    if (e.type === 'message.created' || e.type === 'message.updated') return [`message:${e.message.id}`]
    if (e.type === 'contact.updated') return [`contact:${e.contact.phone}`]
    if (e.type === 'unread.updated') return ['unread']
    return []
  })

describe('one event per thing per transaction', () => {
  it('for any mix of texts (keywords, after hours), sends, reads, closes and consent, no transaction logs two events about one conversation, message or contact', async () => {
    const step = fc.record({
      kind: fc.constantFrom('text', 'read', 'unread', 'close', 'send', 'deliver', 'consent', 'block', 'assign'),
      from: fc.integer({ min: 0, max: 3 }),
      body: fc.constantFrom('hi', 'STOP', 'START', 'HELP', 'please stop texting me'),
      closed: fc.boolean(),
    })
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 14 }), async (steps) => {
        const h = setup({ conversations: 0 })
        const transactions = recordTransactions(h.storage)
        const phone = (n: number) => `+1650555017${n}`
        for (const [i, s] of steps.entries()) {
          h.setNow(s.closed ? CLOSED_TIME : OPEN_TIME)
          if (s.kind === 'text') {
            await h.text(phone(s.from), s.body)
            continue
          }
          const id = (await h.service.listConversations(h.dana, { status: 'all', q: phone(s.from) })).items[0]?.id
          const ignore = () => undefined
          if (s.kind === 'consent') {
            await h.service
              .recordConsent(h.dana, phone(s.from), { status: 'granted', method: 'verbal', scope: 'marketing' })
              .catch(ignore)
          }
          if (s.kind === 'block') await h.service.block(h.dana, phone(s.from)).catch(ignore)
          if (!id) continue
          if (s.kind === 'read') await h.service.markRead(h.dana, id)
          if (s.kind === 'unread') await h.service.markUnread(h.dana, id)
          if (s.kind === 'close') await h.service.close(h.dana, id)
          if (s.kind === 'assign') await h.service.assignToClient(h.dana, id, { clientId: 'cli_0001' }).catch(ignore)
          if (s.kind === 'send')
            await h.service.sendMessage(h.dana, id, { clientMessageId: `m${i}`, body: 'x' }).catch(ignore)
          if (s.kind === 'deliver') {
            for (const sent of h.gateway.sent.splice(0)) {
              await h.service.applyDeliveryStatus({
                clinicNumber: '+14155550100',
                providerMessageId: sent.providerMessageId,
                status: 'delivered',
              })
            }
          }
        }
        for (const events of transactions) {
          const keys = keysOf(events)
          expect(new Set(keys).size, JSON.stringify(events.map((e) => e.type))).toBe(keys.length)
        }
        // Coalescing loses nothing: the log still replays to the state the service answers.
        const log = (await h.service.eventsAfter(h.dana, { after: 0 })).events
        const last = new Map<string, InboxEvent>()
        for (const e of log) if (e.type === 'conversation.updated') last.set(e.conversation.id, e)
        for (const [id, event] of last) {
          const now = await h.service.getConversation(h.dana, id).catch(() => null)
          if (now && event.type === 'conversation.updated') expect(event.conversation).toEqual(now)
        }
      }),
      { numRuns: 60 },
    )
  })

  it('a STOP logs 5 events with one conversation snapshot; its confirmation hand-off 2 more', async () => {
    const h = setup({ conversations: 0 })
    await h.text('+16505550171', 'hi')
    const transactions = recordTransactions(h.storage)
    await h.text('+16505550171', 'STOP')
    expect(transactions.map((t) => t.map((e) => e.type))).toEqual([
      ['message.created', 'contact.updated', 'message.created', 'conversation.updated', 'unread.updated'],
      ['message.updated', 'conversation.updated'],
    ])
    // The confirmation is logged once, already queued, with its final state in that transaction.
    const confirmation = transactions[0]?.[2]
    expect(confirmation).toMatchObject({ type: 'message.created', message: { origin: 'system', status: 'queued' } })
  })

  it('an after-hours text logs one snapshot of its conversation in its transaction', async () => {
    const h = setup({ conversations: 0 })
    h.setNow(CLOSED_TIME)
    const transactions = recordTransactions(h.storage)
    await h.text('+16505550172', 'Are you open?')
    expect(transactions[0]?.map((e) => e.type)).toEqual([
      'message.created',
      'message.created',
      'conversation.updated',
      'unread.updated',
    ])
  })
})

describe('stamped replies', () => {
  it('a read answers the log position it reflects; a change answers the seq of its last event', async () => {
    const h = setup()
    await h.text('+16505550173', 'hello')
    const head = (await h.service.eventsAfter(h.dana, { after: 0 })).lastSeq
    const page = await h.service.stamped.listConversations(h.dana, { status: 'all' })
    expect(page.seq).toBe(head)
    expect(page.data.items.length).toBeGreaterThan(0)

    const id = page.data.items[0]!.id
    const read = await h.service.stamped.markRead(h.dana, id)
    const logged = await h.service.eventsAfter(h.dana, { after: head })
    expect(read.seq).toBe(logged.lastSeq)
    const snapshot = logged.events.find((e) => e.type === 'conversation.updated')
    expect(snapshot?.type === 'conversation.updated' && snapshot.conversation).toEqual(read.data)
    // A change that changes nothing still answers where the log stands.
    const again = await h.service.stamped.getConversation(h.dana, id)
    expect(again.seq).toBe(read.seq)
  })

  it('refusals are not stamped: they reject as before', async () => {
    const h = setup()
    await expect(h.service.stamped.getConversation(h.dana, 'cnv_nope')).rejects.toMatchObject({ code: 'not_found' })
  })
})

import type { InboxEvent } from '@switchboard/protocol'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expectError, setup } from './harness'

describe('the event log', () => {
  it('gives every change a clinic-wide strictly increasing seq, and replays them exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({
              kind: fc.constant('text' as const),
              from: fc.integer({ min: 0, max: 3 }),
              body: fc.constantFrom('hi', 'STOP', 'START', 'ok'),
            }),
            fc.record({ kind: fc.constant('read' as const), from: fc.integer({ min: 0, max: 3 }) }),
            fc.record({ kind: fc.constant('close' as const), from: fc.integer({ min: 0, max: 3 }) }),
            fc.record({ kind: fc.constant('send' as const), from: fc.integer({ min: 0, max: 3 }) }),
          ),
          { maxLength: 15 },
        ),
        async (steps) => {
          const h = setup({ conversations: 0 })
          const phone = (n: number) => `+1650555017${n}`
          for (const [i, step] of steps.entries()) {
            if (step.kind === 'text') {
              await h.text(phone(step.from), step.body)
              continue
            }
            const { items } = await h.service.listConversations(h.dana, { status: 'all', q: phone(step.from) })
            const id = items[0]?.id
            if (!id) continue
            if (step.kind === 'read') await h.service.markRead(h.dana, id)
            if (step.kind === 'close') await h.service.close(h.dana, id)
            if (step.kind === 'send') {
              await h.service.sendMessage(h.dana, id, { clientMessageId: `m${i}`, body: 'x' }).catch(() => undefined)
            }
          }
          const pushed = h.events.map((e) => e.event).filter((e): e is InboxEvent => e.type !== 'typing')
          expect(pushed.map((e) => e.seq)).toEqual(pushed.map((_, i) => i + 1))
          const replay = await h.service.eventsAfter(h.dana, { after: 0 })
          expect(replay.events).toEqual(pushed)
          expect(replay.lastSeq).toBe(pushed.length)
          const half = Math.floor(pushed.length / 2)
          expect((await h.service.eventsAfter(h.dana, { after: half })).events).toEqual(pushed.slice(half))
        },
      ),
      { numRuns: 40 },
    )
  })

  it('answers events_expired when the missed events are no longer kept', async () => {
    const h = setup({ eventRetention: 5 })
    for (let i = 0; i < 4; i++) await h.text(`+1650555017${i}`, 'hi')
    const { lastSeq } = await h.service.eventsAfter(h.dana, { after: lastSeqOf(h) - 2 })
    expect(lastSeq).toBe(lastSeqOf(h))
    const error = await expectError(h.service.eventsAfter(h.dana, { after: 1 }), 'events_expired')
    expect(error.status).toBe(410)
    expect((await h.service.eventsAfter(h.dana, { after: lastSeqOf(h) })).events).toEqual([])
  })

  it('a refused change logs nothing and leaves no trace (the transaction rolls back)', async () => {
    const h = setup()
    await h.text('+16505550177', 'STOP')
    const before = h.events.length
    const { items } = await h.service.listConversations(h.dana, { q: '6505550177', status: 'all' })
    await expectError(
      h.service.sendMessage(h.dana, items[0]!.id, { clientMessageId: 'x', body: 'hi' }),
      'recipient_opted_out',
    )
    expect(h.events.length).toBe(before)
    expect((await h.service.eventsAfter(h.dana, { after: 0 })).lastSeq).toBe(before)
  })

  it('typing is pushed to listeners but never logged', async () => {
    const h = setup()
    await h.service.setTyping(h.dana, 'cnv_000001', true)
    expect(h.events.at(-1)?.event).toEqual({
      type: 'typing',
      conversationId: 'cnv_000001',
      userId: 'usr_dana',
      name: 'Dana Whitfield',
      typing: true,
    })
    expect((await h.service.eventsAfter(h.dana, { after: 0 })).events).toEqual([])
  })

  it('viewing is pushed to listeners but never logged; leaving a deleted conversation still works', async () => {
    const h = setup()
    await h.service.setViewing(h.marcus, 'cnv_000001', true)
    expect(h.events.at(-1)?.event).toEqual({
      type: 'viewing',
      conversationId: 'cnv_000001',
      userId: 'usr_marcus',
      name: 'Marcus Bell',
      viewing: true,
    })
    await h.service.deleteConversation(h.dana, 'cnv_000001')
    await h.service.setViewing(h.marcus, 'cnv_000001', false)
    expect(h.events.at(-1)?.event).toMatchObject({ type: 'viewing', viewing: false })
    await expectError(h.service.setViewing(h.marcus, 'cnv_000001', true), 'not_found')
    expect((await h.service.eventsAfter(h.dana, { after: 0 })).events.map((e) => e.type)).not.toContain('viewing')
  })
})

function lastSeqOf(h: ReturnType<typeof setup>): number {
  const last = h.events.at(-1)?.event
  return last && 'seq' in last ? last.seq : 0
}

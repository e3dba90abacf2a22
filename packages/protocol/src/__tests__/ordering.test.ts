import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareConversations, compareMessages, sortConversations, sortMessages } from '../ordering'
import { conversationArb } from './arbitraries'

describe('compareConversations', () => {
  it('is a total order: antisymmetric, transitive, newest activity first', () => {
    fc.assert(
      fc.property(fc.uniqueArray(conversationArb, { selector: (c) => c.id, maxLength: 40 }), (list) => {
        const sorted = sortConversations(list)
        for (let i = 1; i < sorted.length; i++) {
          const a = sorted[i - 1]!
          const b = sorted[i]!
          expect(compareConversations(a, b)).toBeLessThan(0)
          expect(compareConversations(b, a)).toBeGreaterThan(0)
          expect(a.lastActivityAt >= b.lastActivityAt).toBe(true)
        }
      }),
    )
  })

  it('does not depend on the input order', () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(conversationArb, { selector: (c) => c.id, maxLength: 30 })
          .chain((list) =>
            fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })),
          ),
        ([list, shuffled]) => {
          expect(sortConversations(shuffled).map((c) => c.id)).toEqual(sortConversations(list).map((c) => c.id))
        },
      ),
    )
  })
})

describe('compareMessages', () => {
  const messageArb = fc.record({
    seq: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
    createdAt: fc.integer({ min: 0, max: 50 }).map((s) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString()),
    clientMessageId: fc.uuid(),
  })

  it('acknowledged messages come in seq order, every optimistic one after them', () => {
    fc.assert(
      fc.property(fc.uniqueArray(messageArb, { selector: (m) => m.seq ?? m.clientMessageId }), (messages) => {
        const sorted = sortMessages(messages)
        const firstPending = sorted.findIndex((m) => m.seq === undefined)
        if (firstPending >= 0) expect(sorted.slice(firstPending).every((m) => m.seq === undefined)).toBe(true)
        const acked = sorted.filter((m) => m.seq !== undefined).map((m) => m.seq as number)
        expect(acked).toEqual([...acked].sort((a, b) => a - b))
        const pending = sorted.filter((m) => m.seq === undefined)
        for (let i = 1; i < pending.length; i++)
          expect(compareMessages(pending[i - 1]!, pending[i]!)).toBeLessThanOrEqual(0)
      }),
    )
  })

  it('a seq of 0 or null is not mistaken for "unacknowledged"', () => {
    expect(compareMessages({ seq: 1, createdAt: 'b' }, { seq: null, createdAt: 'a' })).toBeLessThan(0)
  })
})

import type { Message, MessagePage } from '@switchboard/protocol'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mergeThread, type OutboxEntry } from '../index'

const at = (n: number) => new Date(Date.UTC(2026, 10, 1, 9, 0, n)).toISOString()

function message(seq: number, clientMessageId?: string): Message {
  return {
    id: `msg_${seq}`,
    conversationId: 'cnv_1',
    seq,
    ...(clientMessageId ? { clientMessageId } : {}),
    direction: 'outbound',
    origin: 'staff',
    body: `text ${seq}`,
    attachments: [],
    status: 'sent',
    createdAt: at(seq),
    updatedAt: at(seq),
  }
}

function entry(n: number, conversationId = 'cnv_1'): OutboxEntry {
  return {
    clientMessageId: `cm_${n}`,
    conversationId,
    body: `draft ${n}`,
    attachments: [],
    status: 'queued',
    createdAt: at(1000 + n),
    attempts: 0,
    nextAttemptAt: 0,
    error: null,
  }
}

/** Pages as the cache holds them: newest page first, each oldest first. */
function pages(seqs: number[][]): { pages: MessagePage[]; pageParams: unknown[] } {
  return {
    pages: seqs.map((page) => ({ items: page.map((s) => message(s, `cm_${s}`)), nextBefore: null })),
    pageParams: seqs.map(() => null),
  }
}

describe('mergeThread', () => {
  it('puts older pages first, then unacknowledged sends of this conversation in the order written', () => {
    const items = mergeThread(
      pages([
        [4, 5],
        [1, 2, 3],
      ]),
      [entry(7), entry(6), entry(5), entry(9, 'cnv_2')],
      'cnv_1',
    )
    expect(items.map((i) => i.key)).toEqual(['cm_1', 'cm_2', 'cm_3', 'cm_4', 'cm_5', 'cm_6', 'cm_7'])
    expect(items.map((i) => i.kind)).toEqual([
      'message',
      'message',
      'message',
      'message',
      'message',
      'pending',
      'pending',
    ])
  })

  it('shows a message once however the pages overlap or arrive, and never an acknowledged send beside it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 12 }), { maxLength: 5 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 8 }),
        fc.boolean(),
        (raw, drafts, sorted) => {
          // Pages as the server sends them (each in order), or disagreeing with it (a broken backend).
          const data = pages(raw.map((page) => (sorted ? [...page].sort((a, b) => a - b) : page)))
          const items = mergeThread(
            data,
            drafts.map((d) => entry(d)),
            'cnv_1',
          )
          const seqs = [...new Set(raw.flat())].sort((a, b) => a - b)
          const waiting = drafts.filter((d) => !seqs.includes(d)).sort((a, b) => a - b)
          expect(items.map((i) => i.key)).toEqual([...seqs, ...waiting].map((n) => `cm_${n}`))
        },
      ),
      { numRuns: 500 },
    )
  })

  it('is empty before the first page', () => {
    expect(mergeThread(undefined, [], 'cnv_1')).toEqual([])
  })
})

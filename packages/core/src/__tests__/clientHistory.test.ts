import type { ClientHistoryPage, Message } from '@switchboard/protocol'
import { describe, expect, it } from 'vitest'
import { type ClientHistoryData, reduceClientHistory } from '../cache/clientHistory'
import { httpClient, useMsw } from './mockHarness'

const msw = useMsw()
const editor = {
  clinicId: 'cln_maple',
  userId: 'usr_dana',
  permissions: ['messaging' as const, 'clients.edit' as const],
}

const message = (id: string, conversationId: string, body = id): Message => ({
  id,
  conversationId,
  seq: 1,
  direction: 'inbound',
  origin: 'client',
  body,
  attachments: [],
  status: 'received',
  createdAt: '2026-11-30T18:00:00.000Z',
  updatedAt: '2026-11-30T18:00:00.000Z',
})
const history = (...pages: Message[][]): ClientHistoryData => ({
  pages: pages.map((items, i): ClientHistoryPage => ({ items, nextBefore: i < pages.length - 1 ? `c${i}` : null })),
  pageParams: pages.map((_, i) => (i === 0 ? null : `c${i - 1}`)),
})

describe('a client’s cached history', () => {
  it('takes a message’s new status in place, on whichever page it is', () => {
    const data = history([message('m3', 'cnv_a')], [message('m1', 'cnv_a'), message('m2', 'cnv_b')])
    const next = reduceClientHistory(data, {
      type: 'message.updated',
      message: { ...message('m2', 'cnv_b'), status: 'delivered' },
    })
    expect(next.pages[1]?.items[1]?.status).toBe('delivered')
    expect(next.pages[0]).toBe(data.pages[0])
  })

  it('adds a new message of a conversation it shows at the end of the newest page, and ignores others', () => {
    const data = history([message('m1', 'cnv_a')])
    const added = reduceClientHistory(data, { type: 'message.created', message: message('m2', 'cnv_a') })
    expect(added.pages[0]?.items.map((m) => m.id)).toEqual(['m1', 'm2'])
    expect(reduceClientHistory(data, { type: 'message.created', message: message('m9', 'cnv_z') })).toBe(data)
    // The same message twice is one message.
    expect(
      reduceClientHistory(added, { type: 'message.created', message: message('m2', 'cnv_a') }).pages[0]?.items,
    ).toHaveLength(2)
  })

  it('drops a deleted conversation’s messages, and keeps the rest', () => {
    const data = history([message('m2', 'cnv_b')], [message('m1', 'cnv_a')])
    const next = reduceClientHistory(data, { type: 'conversation.deleted', conversationId: 'cnv_b' })
    expect(next.pages.map((p) => p.items.map((m) => m.id))).toEqual([[], ['m1']])
  })

  it('reads the history through the transport and shows a reply sent from the inbox', async () => {
    const backend = msw.backend({ latency: 5 })
    const created = await backend.service.createClient(editor, {
      firstName: 'Ana',
      lastName: 'Lima',
      phones: ['+16505550141'],
    })
    const inbound = await backend.simulateInbound('+16505550141', 'Is Mochi ready?')
    const client = httpClient(backend)
    await client.connect()
    const data = await client.queryClient.fetchInfiniteQuery(client.queries.clientMessages(created.id))
    expect(data.pages[0]?.items.map((m) => m.body)).toEqual(['Is Mochi ready?'])
    const entry = client.actions.send(inbound.conversationId, { body: 'Yes, come by at 5' })
    await expect.poll(() => client.outbox.flushed().then(() => client.store.getState().outbox.length)).toBe(0)
    const cached = client.queryClient.getQueryData(client.queries.clientMessages(created.id).queryKey)
    expect(cached?.pages[0]?.items.map((m) => m.clientMessageId ?? m.body)).toEqual([
      'Is Mochi ready?',
      entry.clientMessageId,
    ])
  })
})

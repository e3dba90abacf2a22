import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ConversationListData, InboxClient } from '../index'
import { outboxIdle } from '../testing'
import { httpClient, useMsw } from './mockHarness'

// The parts of the client that load after the inbox (the menus' actions, the outbox's sender, the
// transport's later routes, the live part) come from chunks a deploy or a lost connection can make
// unreachable. A failed load is a typed error, never a lost action, and the next call loads again.

const msw = useMsw()

/**
 * A client (fresh modules) whose first import of `path` fails as a chunk that cannot be fetched;
 * later imports load it.
 */
async function clientFailingToLoad(path: string) {
  vi.resetModules()
  let left = 1
  vi.doMock(path, async (importOriginal) => {
    if (left-- > 0) throw new TypeError('Failed to fetch dynamically imported module')
    return importOriginal()
  })
  const { httpClient: freshClient } = await import('./mockHarness')
  return freshClient(msw.backend())
}

async function firstConversation(client: InboxClient): Promise<string> {
  const list = await client.queryClient.fetchInfiniteQuery(client.queries.conversations({ status: 'open' }))
  return (list as ConversationListData).pages[0]?.items[0]?.id as string
}

afterEach(() => {
  vi.doUnmock('../actions/menuActions')
  vi.doUnmock('../outbox/outboxSender')
  vi.doUnmock('../transport/laterRoutes')
  vi.doUnmock('../realtime')
  vi.resetModules()
})

describe('parts that load later', () => {
  it('a menu action whose code cannot load rejects with network_error; the next call loads it and works', async () => {
    const client = await clientFailingToLoad('../actions/menuActions')
    const id = await firstConversation(client)
    await expect(client.actions.close(id)).rejects.toMatchObject({ name: 'InboxError', code: 'network_error' })
    await expect(client.actions.close(id)).resolves.toMatchObject({ id, status: 'closed' })
    client.destroy()
  })

  it('a transport route whose code cannot load rejects typed; the next call reaches the server', async () => {
    const client = await clientFailingToLoad('../transport/laterRoutes')
    await expect(client.transport.getSettings()).rejects.toMatchObject({ code: 'network_error', retryable: true })
    await expect(client.transport.getSettings()).resolves.toHaveProperty('autoReply.enabled')
    client.destroy()
  })

  it('a message sent while the sender cannot load shows queued, and goes out with the next connect', async () => {
    const client = await clientFailingToLoad('../outbox/outboxSender')
    const id = await firstConversation(client)
    const entry = client.actions.send(id, { body: 'Biscuit is ready for pick-up!' })
    expect(client.store.getState().outbox).toMatchObject([{ clientMessageId: entry.clientMessageId, status: 'queued' }])
    await new Promise((r) => setTimeout(r, 20))
    expect(client.store.getState().outbox).toHaveLength(1) // not sent, not lost
    await client.connect()
    await outboxIdle(client)
    expect(client.store.getState().outbox).toHaveLength(0)
    const thread = await client.queryClient.fetchInfiniteQuery(client.queries.messages(id))
    expect(thread.pages[0]?.items.some((m) => m.clientMessageId === entry.clientMessageId)).toBe(true)
    client.destroy()
  })

  it('a catch-up whose code cannot load rejects typed; the next one catches up', async () => {
    const client = await clientFailingToLoad('../realtime')
    await expect(client.sync()).rejects.toMatchObject({ name: 'InboxError', code: 'network_error' })
    await client.sync()
    expect(client.store.getState().connection.lastSeq).toEqual(expect.any(Number))
    client.destroy()
  })

  it('without a connect, a route and an action load on their first call', async () => {
    const client = httpClient(msw.backend())
    const id = await firstConversation(client)
    await expect(client.transport.getClient('cli_missing')).rejects.toMatchObject({ code: 'not_found' })
    await expect(client.actions.markUnread(id)).resolves.toMatchObject({ id, markedUnread: true })
    client.destroy()
  })
})

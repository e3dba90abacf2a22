import type { Conversation } from '@switchboard/protocol'
import { describe, expect, it } from 'vitest'
import { findInList } from '../cache/conversationLists'
import { createHttpTransport, createInboxClient, type InboxClient, memoryStorageAdapter } from '../index'
import { httpClient, useMsw } from './mockHarness'

const msw = useMsw()
const tick = () => new Promise((r) => setTimeout(r, 0))

async function openList(client: InboxClient) {
  await client.connect()
  await client.queryClient.fetchInfiniteQuery(client.queries.conversations({ status: 'open' }) as never)
  return (id: string) =>
    findInList(client.queryClient.getQueryData(client.queries.conversations({ status: 'open' }).queryKey), id) as
      | Conversation
      | undefined
}

describe('a possible opt-out request', () => {
  it('recordOptOut opts the contact out at once, clears the flag, and the server agrees', async () => {
    const backend = msw.backend({ latency: 20 })
    const { conversationId } = await backend.simulateInbound('+16505550177', 'please stop texting me')
    const client = httpClient(backend)
    const find = await openList(client)
    expect(find(conversationId)?.optOutRequest?.excerpt).toBe('please stop texting me')
    const recording = client.actions.recordOptOut(conversationId)
    await tick()
    expect(find(conversationId)).toMatchObject({ optOutRequest: null, contact: { optedOut: { via: 'staff' } } })
    const contact = await recording
    expect(contact.consent.at(-1)).toMatchObject({
      status: 'revoked',
      method: 'sms-reply',
      note: 'Replied on 2026-11-30: "please stop texting me"',
    })
    const stored = await backend.service.getConversation(
      { clinicId: 'cln_maple', userId: 'usr_dana', permissions: ['messaging'] },
      conversationId,
    )
    expect(stored).toMatchObject({ optOutRequest: null, contact: { optedOut: { via: 'staff' } } })
  })

  it('dismissOptOutRequest clears the flag; a refusal puts it back', async () => {
    const backend = msw.backend({ latency: 20 })
    const { conversationId } = await backend.simulateInbound('+16505550177', "don't text me")
    const client = httpClient(backend)
    const find = await openList(client)
    backend.failNext({ method: 'PATCH', status: 503 })
    await expect(client.actions.dismissOptOutRequest(conversationId)).rejects.toMatchObject({ code: 'unavailable' })
    expect(find(conversationId)?.optOutRequest).not.toBeNull()
    const dismissed = await client.actions.dismissOptOutRequest(conversationId)
    expect(dismissed).toMatchObject({ optOutRequest: null, contact: { optedOut: null } })
  })
})

describe('attachment links', () => {
  it('only http(s) links of the backend’s own origins (and those configured) may be rendered', () => {
    const client = createInboxClient({
      transport: createHttpTransport({
        baseUrl: 'https://pms.example/api/sms',
        getToken: () => 't',
        fileOrigins: ['https://files.pms.example'],
      }),
      storage: memoryStorageAdapter(),
      realtime: false,
    })
    expect(client.transport.fileOrigins).toEqual(['https://pms.example', 'https://files.pms.example'])
    expect(client.isFileUrlAllowed('https://pms.example/api/sms/files/att_1?sig=1')).toBe(true)
    expect(client.isFileUrlAllowed('https://files.pms.example/att_1')).toBe(true)
    expect(client.isFileUrlAllowed('https://evil.example/att_1')).toBe(false)
    expect(client.isFileUrlAllowed('javascript:alert(1)')).toBe(false)
    expect(client.isFileUrlAllowed('data:text/html,<script>alert(1)</script>')).toBe(false)
    client.destroy()
  })
})

describe('an expired session found by any request', () => {
  it('puts the expired-session error where the UI looks, and the caller still gets the refusal', async () => {
    const backend = msw.backend()
    const client = httpClient(backend)
    await client.connect()
    expect(client.store.getState().connection.error).toBeNull()
    backend.expireToken('tok_usr_dana')
    await expect(client.queryClient.fetchQuery(client.queries.unread())).rejects.toMatchObject({ code: 'unauthorized' })
    expect(client.store.getState().connection.error).toMatchObject({
      code: 'unauthorized',
      message: 'Your session has expired; sign in again.',
    })
    client.destroy()
  })
})

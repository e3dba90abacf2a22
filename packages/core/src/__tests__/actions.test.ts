import type { Conversation, UnreadTotals } from '@switchboard/protocol'
import { describe, expect, it, vi } from 'vitest'
import { findInList } from '../cache/conversationLists'
import { type ConversationListData, type InboxClient, inboxKeys, isInboxError } from '../index'
import { httpClient, useMsw } from './mockHarness'

const msw = useMsw()

async function loaded(client: InboxClient, filter: Parameters<InboxClient['queries']['conversations']>[0] = {}) {
  await client.connect()
  await client.queryClient.fetchInfiniteQuery({ ...client.queries.conversations(filter), pages: 5 } as never)
  await client.queryClient.fetchQuery(client.queries.unread())
  return (filter2 = filter) =>
    client.queryClient.getQueryData<ConversationListData>(client.queries.conversations(filter2).queryKey)
}

const ids = (data: ConversationListData | undefined) => data?.pages.flatMap((p) => p.items.map((c) => c.id)) ?? []
const unread = (client: InboxClient) => client.queryClient.getQueryData<UnreadTotals>(inboxKeys.unread())

/** Resolves after the optimistic step ran but before the server answered. */
const tick = () => new Promise((r) => setTimeout(r, 0))

describe('actions: optimistic, then the server, or rolled back with a typed error', () => {
  it('close removes it from "open" at once and the server confirms; reopen brings it back', async () => {
    const backend = msw.backend({ latency: 30 })
    const client = httpClient(backend)
    const list = await loaded(client, { status: 'open' })
    const id = ids(list())[0] as string
    const closing = client.actions.close(id)
    await tick()
    expect(ids(list())).not.toContain(id)
    const closed = await closing
    expect(closed.status).toBe('closed')
    expect(
      (
        await backend.service.getConversation(
          { clinicId: 'cln_maple', userId: 'usr_dana', permissions: ['messaging'] },
          id,
        )
      ).status,
    ).toBe('closed')
    await client.actions.reopen(id)
    expect(ids(list())).toContain(id)
  })

  it('a refused close is rolled back and rejects with InboxError forbidden', async () => {
    const backend = msw.backend({ latency: 20 })
    const client = httpClient(backend)
    const list = await loaded(client, { status: 'open' })
    const before = ids(list())
    backend.failNext({ method: 'PATCH', status: 403 })
    const closing = client.actions.close(before[0] as string)
    await tick()
    expect(ids(list())).not.toContain(before[0])
    const error = await closing.catch((e) => e)
    expect(isInboxError(error) && error.code).toBe('forbidden')
    expect(error.retryable).toBe(false)
    expect(ids(list())).toEqual(before)
  })

  it('markRead clears the row and the badge at once; markUnread flags it', async () => {
    const backend = msw.backend()
    await backend.simulateInbound('+16505550177', 'Hi')
    await backend.simulateInbound('+16505550177', 'Hello?')
    const client = httpClient(backend)
    const list = await loaded(client, { status: 'unread' })
    const row = list()?.pages[0]?.items.find((c) => c.contact.phone === '+16505550177') as Conversation
    const before = unread(client) as UnreadTotals
    const reading = client.actions.markRead(row.id)
    expect(ids(list())).not.toContain(row.id)
    expect(unread(client)).toMatchObject({ conversations: before.conversations - 1, messages: before.messages - 2 })
    await reading
    await client.actions.markUnread(row.id)
    expect(findInList(list(), row.id)?.markedUnread).toBe(true)
  })

  it('assign and move are optimistic and land; a failure restores the row', async () => {
    const backend = msw.backend({ latency: 20 })
    const client = httpClient(backend)
    const list = await loaded(client, { status: 'all' })
    const id = ids(list())[0] as string
    const assigning = client.actions.assign(id, 'usr_marcus')
    await tick()
    expect(findInList(list(), id)?.assigneeId).toBe('usr_marcus')
    await assigning
    const moving = client.actions.moveToInbox(id, 'inb_billing')
    await tick()
    expect(findInList(list(), id)?.inboxId).toBe('inb_billing')
    await moving
    backend.failNext({ method: 'PATCH', status: 503 })
    const failing = client.actions.moveToInbox(id, 'inb_front')
    await tick()
    expect(findInList(list(), id)?.inboxId).toBe('inb_front')
    const error = await failing.catch((e) => e)
    expect(error).toMatchObject({ code: 'unavailable', retryable: true, status: 503 })
    expect(findInList(list(), id)?.inboxId).toBe('inb_billing')
  })

  it('remove takes it out of every list at once; a refusal brings it back', async () => {
    const backend = msw.backend({ latency: 20 })
    const marcus = httpClient(backend, { token: 'tok_usr_marcus' })
    const list = await loaded(marcus, { status: 'all' })
    const id = ids(list())[0] as string
    const removing = marcus.actions.remove(id)
    await tick()
    expect(ids(list())).not.toContain(id)
    expect(await removing.catch((e) => e.code)).toBe('forbidden')
    expect(ids(list())).toContain(id)
    const dana = httpClient(backend)
    const danaList = await loaded(dana, { status: 'all' })
    await dana.actions.remove(id)
    expect(ids(danaList())).not.toContain(id)
  })

  it('block and unblock patch the contact on every row of the number', async () => {
    const backend = msw.backend({ latency: 20 })
    const client = httpClient(backend)
    const list = await loaded(client, { status: 'all' })
    const row = list()?.pages[0]?.items.find((c) => !c.contact.blocked) as Conversation
    const blocking = client.actions.block(row.contact.phone)
    await tick()
    expect(findInList(list(), row.id)?.contact.blocked).toBe(true)
    await blocking
    await client.actions.unblock(row.contact.phone)
    expect(findInList(list(), row.id)?.contact.blocked).toBe(false)
    backend.failNext({ path: /block$/, status: 403 })
    expect(await client.actions.block(row.contact.phone).catch((e) => e.code)).toBe('forbidden')
    expect(findInList(list(), row.id)?.contact.blocked).toBe(false)
  })

  it('assignToClient shows a cached client at once; a new client arrives with the reply', async () => {
    const backend = msw.backend({ latency: 20 })
    await backend.simulateInbound('+16505550177', 'new number, this is Ana')
    const client = httpClient(backend)
    const list = await loaded(client, { status: 'all' })
    const lead = list()?.pages[0]?.items.find((c) => c.contact.phone === '+16505550177') as Conversation
    const [someone] = await client.queryClient.fetchQuery(client.queries.clients(''))
    const assigning = client.actions.assignToClient(lead.id, { clientId: someone?.id as string })
    await tick()
    expect(findInList(list(), lead.id)?.client?.id).toBe(someone?.id)
    await assigning
    await backend.simulateInbound('+16505550178', 'hello')
    await client.queryClient.invalidateQueries({ queryKey: inboxKeys.all, refetchType: 'all' })
    const other = list()
      ?.pages.flatMap((p) => p.items)
      .find((c) => c.contact.phone === '+16505550178') as Conversation
    const made = await client.actions.assignToClient(other.id, { newClient: { firstName: 'Bo', lastName: 'Lin' } })
    expect(made.client).toMatchObject({ firstName: 'Bo' })
    expect(findInList(list(), other.id)?.client?.firstName).toBe('Bo')
  })

  it('startConversation validates the number first, then joins the lists', async () => {
    const backend = msw.backend()
    const client = httpClient(backend)
    const list = await loaded(client, { status: 'open' })
    const error = await client.actions.startConversation({ phone: '555-12' }).catch((e) => e)
    expect(error).toMatchObject({ code: 'invalid_phone' })
    const { conversation, message } = await client.actions.startConversation(
      { phone: '(650) 555-0190' },
      'Hello from Maple Grove',
    )
    expect(ids(list())[0]).toBe(conversation.id)
    expect(message?.body).toContain('Hello from Maple Grove')
    expect(findInList(list(), conversation.id)?.lastMessage?.id).toBe(message?.id)
  })

  it('recordConsent shows on the contact at once; a refusal takes it back', async () => {
    const backend = msw.backend({ latency: 20 })
    await backend.simulateInbound('+16505550177', 'hi')
    const client = httpClient(backend)
    const list = await loaded(client, { status: 'all' })
    const row = () => list()?.pages[0]?.items.find((c) => c.contact.phone === '+16505550177') as Conversation
    const recording = client.actions.recordConsent('+16505550177', {
      status: 'revoked',
      method: 'verbal',
      scope: 'transactional',
    })
    await tick()
    expect(row().contact.optedOut).toMatchObject({ via: 'staff' })
    expect(row().contact.consent.at(-1)).toMatchObject({ status: 'revoked', method: 'verbal', recordedBy: 'usr_dana' })
    await recording
    expect(row().contact.consent).toHaveLength(1)
    backend.failNext({ path: /consent$/, status: 403 })
    const refused = client.actions.recordConsent('+16505550177', {
      status: 'granted',
      method: 'written',
      scope: 'marketing',
    })
    expect(await refused.catch((e) => e.code)).toBe('forbidden')
    expect(row().contact.consent).toHaveLength(1)
  })

  it('createInbox and updateSettings update their cached lookups', async () => {
    const backend = msw.backend({ latency: 20 })
    const client = httpClient(backend)
    await client.connect()
    await client.queryClient.fetchQuery(client.queries.inboxes())
    const inboxes = () => client.queryClient.getQueryData<{ id: string; name: string }[]>(inboxKeys.inboxes()) ?? []
    const creating = client.actions.createInbox('Pharmacy')
    // The settings actions load with their first use; then the new inbox shows before the reply.
    await vi.waitFor(
      () => expect(inboxes().at(-1)).toMatchObject({ name: 'Pharmacy', id: expect.stringMatching(/^pending:/) }),
      { interval: 2 },
    )
    await creating
    expect(inboxes().at(-1)).toMatchObject({ name: 'Pharmacy', id: expect.stringMatching(/^inb_/) })
    expect(await client.actions.createInbox('pharmacy').catch((e) => e.code)).toBe('conflict')
    expect(inboxes().filter((i) => i.name.toLowerCase() === 'pharmacy')).toHaveLength(1)
    const settings = await client.queryClient.fetchQuery(client.queries.settings())
    await client.actions.updateSettings({ ...settings, optOutFooter: 'Text STOP to end.' })
    expect(client.queryClient.getQueryData<{ optOutFooter: string }>(inboxKeys.settings())?.optOutFooter).toBe(
      'Text STOP to end.',
    )
    expect(
      await client.actions
        .updateSettings({ ...settings, businessHours: { ...settings.businessHours, weekly: [] } })
        .catch((e) => e.code),
    ).toBe('validation_failed')
    expect(client.queryClient.getQueryData<{ optOutFooter: string }>(inboxKeys.settings())?.optOutFooter).toBe(
      'Text STOP to end.',
    )
  })

  it('connect refuses a user without messaging, with a typed error in the store', async () => {
    const backend = msw.backend()
    const client = httpClient(backend, { token: 'tok_usr_sam' })
    expect(await client.connect().catch((e) => e.code)).toBe('forbidden')
    expect(client.store.getState().connection).toMatchObject({ status: 'disconnected', error: { code: 'forbidden' } })
    backend.expireToken('tok_usr_dana')
    const expired = httpClient(backend)
    expect(await expired.connect().catch((e) => e.code)).toBe('unauthorized')
  })
})

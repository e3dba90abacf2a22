import type { Client } from '@switchboard/protocol'
import { describe, expect, it } from 'vitest'
import { type ConversationListData, isInboxError } from '../index'
import { httpClient, useMsw } from './mockHarness'

const msw = useMsw()
const tick = () => new Promise((r) => setTimeout(r, 0))
const names = (data: ConversationListData | undefined, clientId: string) =>
  data?.pages.flatMap((p) => p.items.filter((c) => c.client?.id === clientId).map((c) => c.client?.firstName)) ?? []

describe('client records', () => {
  it('creates a client that a search finds at once, and refuses without clients.edit', async () => {
    const backend = msw.backend({ latency: 10 })
    const client = httpClient(backend)
    await client.connect()
    // A search cached before the client existed…
    expect(await client.queryClient.fetchQuery(client.queries.clients('Okonkwo'))).toEqual([])
    const created = await client.actions.createClient({
      firstName: 'Adaeze',
      lastName: 'Okonkwo',
      email: 'adaeze@mail.example',
      phones: ['(650) 555-0133'],
    })
    expect(created).toMatchObject({ firstName: 'Adaeze', phones: ['+16505550133'] })
    expect(client.queryClient.getQueryData(client.queries.client(created.id).queryKey)).toEqual(created)
    // …is read again and finds it.
    const found = await client.queryClient.fetchQuery(client.queries.clients('Okonkwo'))
    expect(found.map((c: Client) => c.id)).toEqual([created.id])

    const marcus = httpClient(backend, { token: 'tok_usr_marcus' })
    await marcus.connect()
    const refused = await marcus.actions
      .createClient({ firstName: 'No', lastName: 'Access', phones: [] })
      .catch((e) => e)
    expect(isInboxError(refused) && refused.code).toBe('forbidden')
  })

  it('renames a client on every cached conversation at once; a refusal puts the name back', async () => {
    const backend = msw.backend({ latency: 40 })
    const client = httpClient(backend)
    await client.connect()
    const list = await client.queryClient.fetchInfiniteQuery({ ...client.queries.conversations({}), pages: 3 } as never)
    const withClient = (list as ConversationListData).pages
      .flatMap((p) => p.items)
      .find((c) => c.client) as NonNullable<ConversationListData['pages'][number]['items'][number]>
    const clientId = withClient.client?.id as string
    const before = withClient.client?.firstName
    const listData = () =>
      client.queryClient.getQueryData<ConversationListData>(client.queries.conversations({}).queryKey)
    await client.queryClient.fetchQuery(client.queries.client(clientId))

    const renaming = client.actions.updateClient(clientId, { firstName: 'Rosalind' })
    await tick()
    expect(names(listData(), clientId)).toContain('Rosalind')
    expect(client.queryClient.getQueryData<Client>(client.queries.client(clientId).queryKey)?.firstName).toBe(
      'Rosalind',
    )
    const saved = await renaming
    expect(saved.firstName).toBe('Rosalind')

    // An e-mail the server refuses: the record shows what the server has, with a typed error.
    const refused = await client.actions
      .updateClient(clientId, { firstName: 'Nope', email: 'not an address' })
      .catch((e) => e)
    expect(isInboxError(refused) && refused.code).toBe('validation_failed')
    expect(names(listData(), clientId)).not.toContain('Nope')
    expect(client.queryClient.getQueryData<Client>(client.queries.client(clientId).queryKey)?.firstName).toBe(
      'Rosalind',
    )
    expect(before).not.toBe('Rosalind')
  })
})

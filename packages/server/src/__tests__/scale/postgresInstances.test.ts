import { PERMISSIONS } from '@switchboard/protocol'
import {
  createInboxService,
  createMemoryGateway,
  generateSeed,
  type InboxService,
  type MessageRecord,
} from '@switchboard/service'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type StartedPostgres, startPostgres } from '../../../../../scripts/services.mjs'
import { createPostgresStorage, type SqlStorage } from '../../index'

// Several servers on one PostgreSQL database: what the service promises once (the event log's
// order, idempotent sends, one message per provider webhook) holds across them.
const dana = { clinicId: 'cln_maple', userId: 'usr_dana', permissions: [...PERMISSIONS] }
const CLINIC_NUMBER = '+14155550100'
let server: StartedPostgres
const storages: SqlStorage[] = []
let a: InboxService
let b: InboxService

beforeAll(async () => {
  server = await startPostgres()
  const url = await server.database()
  // Both start at once, as a deployment's instances do: the migrations run once.
  const [first, second] = await Promise.all([
    createPostgresStorage({ connectionString: url, poolSize: 6 }),
    createPostgresStorage({ connectionString: url, poolSize: 6 }),
  ])
  storages.push(first, second)
  for (const clinic of generateSeed({ seed: 3, conversations: 20 }).clinics) await first.addClinic(clinic)
  // A weekday morning at the clinic: on the real clock, a run at night got after-hours replies
  // (and the two instances' gateways, both numbering from SM00000001, gave two of them one
  // provider id, which the database refused).
  const clock = () => new Date('2026-11-30T18:00:00Z')
  a = createInboxService({ storage: first, clock, gateway: createMemoryGateway({ prefix: 'SMa' }) })
  b = createInboxService({ storage: second, clock, gateway: createMemoryGateway({ prefix: 'SMb' }) })
}, 60_000)
afterAll(async () => {
  for (const storage of storages) await storage.close()
  await server?.stop()
})

/** `count` calls spread over both instances, all in flight at once. */
const onBoth = <T>(count: number, call: (service: InboxService, i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: count }, (_, i) => call(i % 2 ? b : a, i)))

describe('two servers on one PostgreSQL database', () => {
  it('numbers the events of concurrent writers on both gap-free, in commit order', async () => {
    const { lastSeq: before } = await a.eventsAfter(dana, { after: 0 })
    await onBoth(60, (service, i) =>
      service.receiveInbound({ to: CLINIC_NUMBER, from: `+1650555${String(1000 + i)}`, body: `Text ${i}` }),
    )
    const { events, lastSeq } = await b.eventsAfter(dana, { after: before })
    const seqs = events.map((event) => event.seq)
    expect(seqs).toEqual(Array.from({ length: lastSeq - before }, (_, i) => before + i + 1))
    // Each text logged its own events: 60 new messages among them.
    expect(events.filter((event) => event.type === 'message.created')).toHaveLength(60)
  })

  it('records one message when a provider delivers the same webhook to both', async () => {
    const texts = await onBoth(20, (service) =>
      service.receiveInbound({
        to: CLINIC_NUMBER,
        from: '+16505550123',
        body: 'Is Biscuit ready?',
        providerMessageId: 'SM-same-webhook',
      }),
    )
    expect(new Set(texts.map((text) => text.id)).size).toBe(1)
    const page = await a.listMessages(dana, texts[0]?.conversationId as string)
    expect(page.items.filter((m) => m.body === 'Is Biscuit ready?')).toHaveLength(1)
  })

  it('sends once when the same clientMessageId reaches both', async () => {
    const [first] = (await a.listConversations(dana, { status: 'open' })).items
    const conversationId = first?.id as string
    const sent = await onBoth(20, (service) =>
      service.sendMessage(dana, conversationId, { clientMessageId: 'cmid-retried-everywhere', body: 'On our way!' }),
    )
    expect(new Set(sent.map((message) => message.id)).size).toBe(1)
    const page = await b.listMessages(dana, conversationId)
    expect(page.items.filter((m) => m.body.startsWith('On our way!'))).toHaveLength(1)
  })

  it('refuses a second message with a used idempotency key or provider id by constraint', async () => {
    const [storage] = storages as [SqlStorage]
    const [conversation] = (await a.listConversations(dana, { status: 'all' })).items
    const conversationId = conversation?.id as string
    const [model] = (await a.listMessages(dana, conversationId)).items
    const { clientMessageId: _key, ...fields } = model as NonNullable<typeof model>
    const message = (id: string, keys: Partial<MessageRecord>): MessageRecord => ({
      ...fields,
      id,
      phone: conversation?.contact.phone as string,
      carriesFooter: false,
      providerMessageId: null,
      ...keys,
    })
    const insert = (record: MessageRecord) =>
      storage.transaction(dana.clinicId, async (tx) => {
        await tx.insertMessage({ ...record, seq: await tx.nextMessageSeq(record.conversationId) })
      })
    await insert(message('msg_key_1', { clientMessageId: 'cmid-direct' }))
    await expect(insert(message('msg_key_2', { clientMessageId: 'cmid-direct' }))).rejects.toThrow()
    await insert(message('msg_key_3', { providerMessageId: 'SM-direct' }))
    await expect(insert(message('msg_key_4', { providerMessageId: 'SM-direct' }))).rejects.toThrow()
  })
})

import {
  type Conversation,
  compareConversations,
  type ListConversationsQuery,
  matchesFilter,
  normalizeFilter,
} from '@switchboard/protocol'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expectError, setup } from './harness'

/** Every conversation a filter lists, page by page. */
async function pageAll(
  h: ReturnType<typeof setup>,
  filter: ListConversationsQuery,
  limit: number,
): Promise<Conversation[]> {
  const all: Conversation[] = []
  let cursor: string | undefined
  do {
    const page = await h.service.listConversations(h.dana, { ...filter, limit, ...(cursor ? { cursor } : {}) })
    expect(page.items.length).toBeLessThanOrEqual(limit)
    all.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return all
}

const everything = (h: ReturnType<typeof setup>) => pageAll(h, { status: 'all' }, 200)

describe('listing conversations', () => {
  it('pages through any filter exactly as matchesFilter + ordering say: none missing, none twice', async () => {
    const h = setup({ conversations: 120, seed: 3 })
    const all = await everything(h)
    expect(all).toHaveLength(120)
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          status: fc.constantFrom('open' as const, 'unread' as const, 'all' as const, 'closed' as const),
          contactType: fc.constantFrom('all' as const, 'clients' as const, 'leads' as const),
          assignee: fc.constantFrom('all', 'me', 'unassigned', 'usr_priya'),
          inbox: fc.constantFrom('all', 'inb_front', 'inb_billing'),
          q: fc.constantFrom('', 'o', 'luna', '415', 'nguyen', 'zoe'),
        }),
        fc.integer({ min: 1, max: 25 }),
        async (filter, limit) => {
          const got = (await pageAll(h, filter, limit)).map((c) => c.id)
          const expected = all
            .filter((c) => matchesFilter(c, normalizeFilter(filter), { userId: 'usr_dana' }))
            .sort(compareConversations)
            .map((c) => c.id)
          expect(got).toEqual(expected)
        },
      ),
      { numRuns: 60 },
    )
  })

  it('answers newest activity first, with contact and client joined in', async () => {
    const h = setup()
    const { items } = await h.service.listConversations(h.dana, { status: 'all', limit: 10 })
    for (let i = 1; i < items.length; i++) {
      expect(items[i - 1]!.lastActivityAt >= items[i]!.lastActivityAt).toBe(true)
    }
    const withClient = items.find((c) => c.client)!
    expect(withClient.contact.clientId).toBe(withClient.client!.id)
    expect(withClient.contact).not.toHaveProperty('footerSentAt')
  })

  it('refuses a damaged cursor and a bad filter with validation_failed', async () => {
    const h = setup()
    await expectError(h.service.listConversations(h.dana, { cursor: 'not-a-cursor' }), 'validation_failed')
    await expectError(h.service.listConversations(h.dana, { status: 'pending' as never }), 'validation_failed')
    await expectError(h.service.listConversations(h.dana, { limit: 0 }), 'validation_failed')
  })

  it('finds conversations by client name, pet name or phone digits', async () => {
    const h = setup()
    const all = await everything(h)
    const sample = all.find((c) => c.client && c.client.patients.length > 0)!
    const byName = await h.service.listConversations(h.dana, { status: 'all', q: sample.client!.lastName })
    expect(byName.items.map((c) => c.id)).toContain(sample.id)
    const byPet = await h.service.listConversations(h.dana, { status: 'all', q: sample.client!.patients[0]!.name })
    expect(byPet.items.map((c) => c.id)).toContain(sample.id)
    const digits = sample.contact.phone.slice(-7)
    const byPhone = await h.service.listConversations(h.dana, {
      status: 'all',
      q: `${digits.slice(0, 3)}-${digits.slice(3)}`,
    })
    expect(byPhone.items.map((c) => c.id)).toEqual([sample.id])
  })
})

describe('starting a conversation', () => {
  it('with a client uses their mobile and opens a new conversation', async () => {
    const h = setup()
    const client = h.seed.clinics[0]!.clients.at(-1)!
    const result = await h.service.startConversation(h.marcus, { clientId: client.id })
    expect(result.created).toBe(true)
    expect(result.conversation.status).toBe('open')
    expect(result.conversation.contact.phone).toBe(client.phones[0])
    expect(result.conversation.client?.id).toBe(client.id)
    expect(result.message).toBeNull()
  })

  it('with any valid number, sending the first message with the opt-out footer', async () => {
    const h = setup()
    const result = await h.service.startConversation(h.marcus, {
      phone: '(510) 555-0142',
      body: 'Hello from the clinic',
    })
    expect(result.conversation.contact.phone).toBe('+15105550142')
    expect(result.conversation.client).toBeNull()
    expect(result.message?.body).toBe('Hello from the clinic\n\nReply STOP to opt out.')
    expect(result.message?.status).toBe('sending')
    expect(h.gateway.sent.at(-1)).toMatchObject({ from: '+14155550100', to: '+15105550142' })
  })

  it('returns the open conversation if the number has one, and reopens a closed one', async () => {
    const h = setup()
    const first = await h.service.startConversation(h.marcus, { phone: '5105550142' })
    const again = await h.service.startConversation(h.marcus, { phone: '+1 510 555 0142' })
    expect(again.created).toBe(false)
    expect(again.conversation.id).toBe(first.conversation.id)
    await h.service.close(h.marcus, first.conversation.id)
    const reopened = await h.service.startConversation(h.marcus, { phone: '510-555-0142' })
    expect(reopened.conversation).toMatchObject({ id: first.conversation.id, status: 'open', closedAt: null })
  })

  it('refuses invalid numbers, unknown clients and sends to opted-out numbers', async () => {
    const h = setup()
    await expectError(h.service.startConversation(h.marcus, { phone: '555-12' }), 'invalid_phone')
    await expectError(h.service.startConversation(h.marcus, { clientId: 'cli_nope' }), 'not_found')
    await expectError(h.service.startConversation(h.marcus, {}), 'validation_failed')
    await h.text('+15105550142', 'STOP')
    const error = await expectError(
      h.service.startConversation(h.marcus, { phone: '5105550142', body: 'Hi' }),
      'recipient_opted_out',
    )
    expect(error.status).toBe(409)
  })
})

describe('close, reopen, delete, read state', () => {
  it('close keeps the history; reopen brings it back; delete removes it for good', async () => {
    const h = setup()
    const { conversation } = await h.service.startConversation(h.dana, { phone: '4155550142', body: 'Hi' })
    const closed = await h.service.close(h.dana, conversation.id)
    expect(closed.status).toBe('closed')
    expect(closed.closedAt).toBe('2026-11-30T18:00:00.000Z')
    expect((await h.service.listMessages(h.dana, conversation.id)).items).toHaveLength(1)
    const open = await h.service.listConversations(h.dana, { status: 'open', q: '4155550142' })
    expect(open.items).toHaveLength(0)
    expect((await h.service.reopen(h.dana, conversation.id)).status).toBe('open')

    await expectError(h.service.deleteConversation(h.marcus, conversation.id), 'forbidden')
    await h.service.deleteConversation(h.dana, conversation.id)
    await expectError(h.service.getConversation(h.dana, conversation.id), 'not_found')
    await expectError(h.service.listMessages(h.dana, conversation.id), 'not_found')
    expect(h.events.at(-2)?.event).toMatchObject({ type: 'conversation.deleted', conversationId: conversation.id })
  })

  it('deleting removes uploaded attachments from the file store, but not library documents', async () => {
    const h = setup()
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
    const upload = await h.service.uploadAttachment(h.dana, { name: 'x.png', contentType: 'image/png', data: png })
    const { conversation } = await h.service.startConversation(h.dana, {
      phone: '4155550142',
      attachmentIds: [upload.id, 'att_lib_intake'],
    })
    expect(h.files.get(upload.id)).toBeDefined()
    await h.service.deleteConversation(h.dana, conversation.id)
    expect(h.files.get(upload.id)).toBeUndefined()
    expect((await h.service.listLibrary(h.dana)).map((a) => a.id)).toContain('att_lib_intake')
  })

  it('mark read clears unread; mark unread flags it; totals follow', async () => {
    const h = setup()
    const before = await h.service.unreadTotals(h.dana)
    await h.text('+14155550142', 'Hello?')
    await h.text('+14155550142', 'Anyone there?')
    const { items } = await h.service.listConversations(h.dana, { q: '4155550142' })
    const conversation = items[0]!
    expect(conversation.unreadCount).toBe(2)
    expect(await h.service.unreadTotals(h.dana)).toMatchObject({
      conversations: before.conversations + 1,
      messages: before.messages + 2,
    })
    const read = await h.service.markRead(h.dana, conversation.id)
    expect(read).toMatchObject({ unreadCount: 0, markedUnread: false })
    expect(await h.service.unreadTotals(h.dana)).toEqual(before)
    const unread = await h.service.markUnread(h.dana, conversation.id)
    expect(unread.markedUnread).toBe(true)
    expect((await h.service.unreadTotals(h.dana)).conversations).toBe(before.conversations + 1)
    expect(h.events.at(-1)?.event.type).toBe('unread.updated')
  })
})

describe('assignment and inboxes', () => {
  it('assigns to a team member, unassigns, and refuses unknown or inbox-less members', async () => {
    const h = setup()
    const id = (await h.service.listConversations(h.dana, { limit: 1 })).items[0]!.id
    expect((await h.service.assign(h.dana, id, 'usr_marcus')).assigneeId).toBe('usr_marcus')
    const mine = await h.service.listConversations(h.marcus, { assignee: 'me', status: 'all', limit: 200 })
    expect(mine.items.map((c) => c.id)).toContain(id)
    expect((await h.service.assign(h.dana, id, null)).assigneeId).toBeNull()
    await expectError(h.service.assign(h.dana, id, 'usr_ghost'), 'not_found')
    await expectError(h.service.assign(h.dana, id, 'usr_sam'), 'validation_failed')
  })

  it('moves to an inbox; creating inboxes needs the permission and a unique name', async () => {
    const h = setup()
    const id = (await h.service.listConversations(h.dana, { limit: 1 })).items[0]!.id
    await expectError(h.service.createInbox(h.marcus, { name: 'Pharmacy' }), 'forbidden')
    const inbox = await h.service.createInbox(h.dana, { name: '  Pharmacy ' })
    expect(inbox.name).toBe('Pharmacy')
    await expectError(h.service.createInbox(h.dana, { name: 'pharmacy' }), 'conflict')
    await expectError(h.service.createInbox(h.dana, { name: '' }), 'validation_failed')
    expect((await h.service.moveToInbox(h.marcus, id, inbox.id)).inboxId).toBe(inbox.id)
    const listed = await h.service.listConversations(h.dana, { inbox: inbox.id, status: 'all' })
    expect(listed.items.map((c) => c.id)).toEqual([id])
    await expectError(h.service.moveToInbox(h.marcus, id, 'inb_nope'), 'not_found')
    expect((await h.service.listInboxes(h.marcus)).map((i) => i.name)).toContain('Pharmacy')
  })
})

describe('assigning a number to a client', () => {
  it('links a lead to an existing client, who gains the number', async () => {
    const h = setup()
    await h.text('+14155550142', 'Hi this is Ana, new number')
    const lead = (await h.service.listConversations(h.dana, { q: '4155550142' })).items[0]!
    expect(lead.client).toBeNull()
    const client = h.seed.clinics[0]!.clients[0]!
    const assigned = await h.service.assignToClient(h.marcus, lead.id, { clientId: client.id })
    expect(assigned.client?.id).toBe(client.id)
    expect((await h.service.getClient(h.marcus, client.id)).phones).toContain('+14155550142')
    const leads = await h.service.listConversations(h.dana, { contactType: 'leads', q: '4155550142' })
    expect(leads.items).toHaveLength(0)
    const next = await h.text('+14155550142', 'thanks')
    expect(next.conversationId).toBe(lead.id)
  })

  it('creates a new client from the lead (needs clients.edit)', async () => {
    const h = setup()
    await h.text('+14155550142', 'Hello')
    const lead = (await h.service.listConversations(h.dana, { q: '4155550142' })).items[0]!
    await expectError(
      h.service.assignToClient(h.marcus, lead.id, { newClient: { firstName: 'Ana', lastName: 'Silva' } }),
      'forbidden',
    )
    const assigned = await h.service.assignToClient(h.dana, lead.id, {
      newClient: { firstName: ' Ana ', lastName: 'Silva', email: 'ana@mail.example' },
    })
    expect(assigned.client).toMatchObject({ firstName: 'Ana', lastName: 'Silva' })
    await expectError(h.service.assignToClient(h.dana, lead.id, { clientId: 'cli_nope' }), 'not_found')
    await expectError(h.service.assignToClient(h.dana, lead.id, {} as never), 'validation_failed')
  })

  it('creates the new client with their first patients, found by a patient’s name', async () => {
    const h = setup()
    await h.text('+14155550143', 'Is Quixote ready?')
    const lead = (await h.service.listConversations(h.dana, { q: '4155550143' })).items[0]!
    await expectError(
      h.service.assignToClient(h.dana, lead.id, {
        newClient: { firstName: 'Ana', lastName: 'Silva', patients: [{ name: ' ', species: 'Dog' }] },
      }),
      'validation_failed',
    )
    const assigned = await h.service.assignToClient(h.dana, lead.id, {
      newClient: {
        firstName: 'Ana',
        lastName: 'Silva',
        patients: [{ name: 'Quixote', species: ' Dog ' }, { name: 'Pip' }],
      },
    })
    const client = await h.service.getClient(h.dana, assigned.client?.id ?? '')
    expect(client.patients.map((p) => [p.name, p.species])).toEqual([
      ['Quixote', 'Dog'],
      ['Pip', ''],
    ])
    expect(new Set(client.patients.map((p) => p.id)).size).toBe(2)
    expect((await h.service.searchClients(h.dana, { q: 'quix' })).map((c) => c.id)).toEqual([client.id])
    const created = await h.service.createClient(h.dana, {
      firstName: 'Lee',
      lastName: 'Park',
      patients: [{ name: 'Mochi', species: 'Cat' }],
    })
    expect(created.patients).toMatchObject([{ name: 'Mochi', species: 'Cat' }])
  })
})

describe('a client’s history', () => {
  it('pages through every message across their numbers, closed conversations included, deleted ones not', async () => {
    const h = setup()
    const editor = { ...h.dana, permissions: [...h.dana.permissions, 'clients.edit' as const] }
    const client = await h.service.createClient(editor, {
      firstName: 'Ana',
      lastName: 'Lima',
      phones: ['+16505550131', '+16505550132', '+16505550133'],
    })
    let minute = 0
    const later = () => h.setNow(new Date(Date.parse('2026-11-30T18:00:00Z') + ++minute * 60_000))
    later()
    const first = await h.text('+16505550131', 'one')
    later()
    await h.text('+16505550131', 'two')
    later()
    const second = await h.text('+16505550132', 'three')
    await h.service.updateConversation(h.dana, second.conversationId, { status: 'closed' })
    later()
    await h.text('+16505550132', 'four')
    later()
    const third = await h.text('+16505550133', 'gone')
    await h.service.deleteConversation(h.dana, third.conversationId)
    later()
    await h.service.sendMessage(h.dana, first.conversationId, { clientMessageId: 'h-1', body: 'five' })
    const bodies: string[] = []
    let before: string | undefined
    let pages = 0
    do {
      const page = await h.service.clientMessages(h.dana, client.id, { limit: 2, ...(before ? { before } : {}) })
      bodies.unshift(...page.items.map((m) => m.body.split('\n')[0] as string))
      before = page.nextBefore ?? undefined
      pages++
    } while (before)
    expect(bodies).toEqual(['one', 'two', 'three', 'four', 'five'])
    expect(pages).toBe(3)
    await expectError(h.service.clientMessages(h.dana, client.id, { before: 'not-a-cursor' }), 'validation_failed')
    await expectError(h.service.clientMessages(h.dana, client.id, { limit: 0 }), 'validation_failed')
  })
})

describe('the list stays right under writes', () => {
  it('after any mix of texts, sends, closes, read changes, assignments and deletes, every filter pages correctly', async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('text' as const), n: fc.integer({ min: 0, max: 30 }) }),
      fc.record({
        kind: fc.constantFrom(
          'send' as const,
          'close' as const,
          'read' as const,
          'assign' as const,
          'delete' as const,
          'unread' as const,
        ),
        n: fc.integer({ min: 0, max: 30 }),
      }),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 30 }), fc.integer({ min: 1, max: 7 }), async (ops, limit) => {
        const h = setup({ conversations: 25, seed: 9 })
        let minute = 0
        for (const [i, { kind, n }] of ops.entries()) {
          h.setNow(new Date(Date.UTC(2026, 10, 30, 18, minute++)))
          const ids = (await everything(h)).map((c) => c.id)
          const id = ids[n % Math.max(1, ids.length)]
          if (kind === 'text') await h.text(`+1650555${String(1000 + n).padStart(4, '0')}`, 'hi')
          else if (!id) continue
          else if (kind === 'send')
            await h.service.sendMessage(h.dana, id, { clientMessageId: `s${i}`, body: 'x' }).catch(() => undefined)
          else if (kind === 'close') await h.service.close(h.dana, id)
          else if (kind === 'read') await h.service.markRead(h.dana, id)
          else if (kind === 'unread') await h.service.markUnread(h.dana, id)
          else if (kind === 'assign') await h.service.assign(h.dana, id, n % 2 ? 'usr_dana' : null)
          else await h.service.deleteConversation(h.dana, id)
        }
        const all = await everything(h)
        const truth = await Promise.all(all.map((c) => h.service.getConversation(h.dana, c.id)))
        expect(all).toEqual(truth)
        expect(all.map((c) => c.id)).toEqual([...truth].sort(compareConversations).map((c) => c.id))
        for (const filter of [
          { status: 'open' as const },
          { status: 'unread' as const, assignee: 'me' },
          { status: 'closed' as const },
        ]) {
          const got = (await pageAll(h, filter, limit)).map((c) => c.id)
          const expected = truth
            .filter((c) => matchesFilter(c, normalizeFilter(filter), { userId: 'usr_dana' }))
            .sort(compareConversations)
            .map((c) => c.id)
          expect(got).toEqual(expected)
        }
      }),
      { numRuns: 25 },
    )
  })
})

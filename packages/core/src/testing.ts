import { matchesFilter, normalizeFilter, type ServerEvent } from '@switchboard/protocol'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type InboxError, isInboxError } from './errors'
import type { InboxStore } from './store'
import type { ConnectionStatus, Transport } from './transport/Transport'

/** What the conformance suite needs from a transport and the backend behind it. */
export interface ConformanceFixture {
  /** Signed in as a staff user holding every permission. */
  transport: Transport
  /** Signed in as a staff user without the `messaging` permission. */
  forbidden: Transport
  /** Makes the backend receive a text from `phone` (as the SMS provider would). */
  simulateInbound(phone: string, body: string): Promise<unknown>
  /** Whether to test the realtime channel (needs a WebSocket in this environment). */
  realtime?: boolean
  /** Called after each test. */
  close?(): Promise<void> | void
}

async function expectInboxError(promise: Promise<unknown>, code: string): Promise<InboxError> {
  try {
    await promise
  } catch (error) {
    expect(isInboxError(error), `expected an InboxError, got ${String(error)}`).toBe(true)
    expect((error as InboxError).code).toBe(code)
    expect((error as InboxError).message.length).toBeGreaterThan(5)
    return error as InboxError
  }
  throw new Error(`expected ${code}, but the call succeeded`)
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82])
const waitFor = async (check: () => boolean, ms = 3000) => {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 10))
  }
}

/**
 * Resolves once the client's outbox has nothing sending and nothing due within `withinMs`: for
 * tests that send and then look at the result.
 */
export async function outboxIdle(client: { store: InboxStore }, withinMs = 0, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const busy = client.store
      .getState()
      .outbox.some((e) => e.status === 'sending' || (e.status === 'queued' && e.nextAttemptAt - Date.now() <= withinMs))
    if (!busy) return
    if (Date.now() > until) throw new Error('the outbox did not settle')
    await new Promise((r) => setTimeout(r, 5))
  }
}

/**
 * The transport conformance suite: any `Transport` and the backend behind it must pass it to be
 * used with `createInboxClient`. Call it inside a vitest file with a factory that makes a fresh
 * backend per test.
 *
 * @example
 * import { transportConformance } from '@switchboard/core/testing'
 * transportConformance('my PMS backend', async () => ({ transport, forbidden, simulateInbound }))
 */
export function transportConformance(
  name: string,
  makeFixture: () => ConformanceFixture | Promise<ConformanceFixture>,
): void {
  describe(`Transport conformance: ${name}`, () => {
    let f: ConformanceFixture
    beforeEach(async () => {
      f = await makeFixture()
    })
    afterEach(async () => {
      await f.close?.()
    })

    it('me: the user with permissions, the clinic and its limits', async () => {
      const me = await f.transport.me()
      expect(me.user.permissions).toContain('messaging')
      expect(me.clinic.smsNumber).toMatch(/^\+\d{8,15}$/)
      expect(me.limits.maxAttachmentBytes).toBeGreaterThan(0)
    })

    it('lists conversations by filter, newest activity first, with cursors that resume', async () => {
      for (const filter of [{ status: 'open' as const }, { status: 'all' as const, contactType: 'leads' as const }]) {
        const { data: first } = await f.transport.listConversations({ ...filter, limit: 3 })
        const me = await f.transport.me()
        for (const c of first.items)
          expect(matchesFilter(c, normalizeFilter(filter), { userId: me.user.id })).toBe(true)
        const times = first.items.map((c) => c.lastActivityAt)
        expect(times).toEqual([...times].sort().reverse())
        if (first.nextCursor) {
          const { data: second } = await f.transport.listConversations({
            ...filter,
            limit: 3,
            cursor: first.nextCursor,
          })
          const ids = new Set(first.items.map((c) => c.id))
          expect(second.items.some((c) => ids.has(c.id))).toBe(false)
        }
      }
    })

    it('starts a conversation, sends idempotently, pages history oldest first', async () => {
      const {
        data: { conversation, created },
      } = await f.transport.startConversation({ phone: '+16505550177' })
      expect(created).toBe(true)
      const a = await f.transport.sendMessage(conversation.id, { clientMessageId: 'conf-1', body: 'one' })
      const again = await f.transport.sendMessage(conversation.id, { clientMessageId: 'conf-1', body: 'one' })
      expect(again.id).toBe(a.id)
      await f.transport.sendMessage(conversation.id, { clientMessageId: 'conf-2', body: 'two' })
      await f.transport.sendMessage(conversation.id, { clientMessageId: 'conf-3', body: 'three' })
      const { data: newest } = await f.transport.listMessages(conversation.id, { limit: 2 })
      expect(newest.items.map((m) => m.clientMessageId)).toEqual(['conf-2', 'conf-3'])
      expect(newest.nextBefore).not.toBeNull()
      const { data: older } = await f.transport.listMessages(conversation.id, {
        limit: 2,
        before: newest.nextBefore as number,
      })
      expect(older.items.map((m) => m.clientMessageId)).toEqual(['conf-1'])
      expect(older.nextBefore).toBeNull()
    })

    it('closes, reopens, marks read and unread, assigns, moves and deletes', async () => {
      await f.simulateInbound('+16505550178', 'Hello?')
      const [conversation] = (await f.transport.listConversations({ q: '6505550178', status: 'all' })).data.items
      expect(conversation?.unreadCount).toBe(1)
      const id = conversation?.id as string
      expect((await f.transport.updateConversation(id, { status: 'closed' })).data.status).toBe('closed')
      expect((await f.transport.updateConversation(id, { status: 'open' })).data.status).toBe('open')
      expect((await f.transport.markRead(id)).data.unreadCount).toBe(0)
      expect((await f.transport.markUnread(id)).data.markedUnread).toBe(true)
      const me = await f.transport.me()
      expect((await f.transport.updateConversation(id, { assigneeId: me.user.id })).data.assigneeId).toBe(me.user.id)
      const [inbox] = await f.transport.listInboxes()
      if (inbox) expect((await f.transport.updateConversation(id, { inboxId: inbox.id })).data.inboxId).toBe(inbox.id)
      await f.transport.deleteConversation(id)
      const gone = await expectInboxError(f.transport.getConversation(id), 'not_found')
      expect(gone).toMatchObject({ status: 404, retryable: false })
    })

    it('stamps replies with the event-log seq they reflect: a read the head, a change its own last event', async () => {
      await f.simulateInbound('+16505550183', 'Stamp me')
      const head = (await f.transport.eventsAfter(Number.MAX_SAFE_INTEGER)).lastSeq
      const list = await f.transport.listConversations({ q: '6505550183', status: 'all' })
      expect(list.seq).toBe(head)
      const id = list.data.items[0]?.id as string
      expect((await f.transport.getConversation(id)).seq).toBe(head)
      expect((await f.transport.listMessages(id)).seq).toBe(head)
      expect((await f.transport.unread()).seq).toBe(head)
      const read = await f.transport.markRead(id)
      const log = await f.transport.eventsAfter(head)
      expect(read.seq).toBe(log.lastSeq)
      const own = log.events.filter((e) => e.type === 'conversation.updated')
      expect(own).toHaveLength(1) // one snapshot per conversation per change
      expect(own[0]?.type === 'conversation.updated' && own[0].conversation).toEqual(read.data)
      const deleted = await f.transport.deleteConversation(id)
      expect(deleted.seq).toBeGreaterThan(read.seq)
    })

    it('reports refusals as typed errors', async () => {
      await expectInboxError(f.transport.startConversation({ phone: '12' }), 'invalid_phone')
      const forbidden = await expectInboxError(f.forbidden.listConversations({}), 'forbidden')
      expect(forbidden.status).toBe(403)
      await f.simulateInbound('+16505550179', 'STOP')
      const [c] = (await f.transport.listConversations({ q: '6505550179', status: 'all' })).data.items
      const optedOut = await expectInboxError(
        f.transport.sendMessage(c?.id as string, { clientMessageId: 'conf-x', body: 'hi' }),
        'recipient_opted_out',
      )
      expect(optedOut).toMatchObject({ status: 409, retryable: false })
      expect((await f.transport.listContacts({ optedOut: true })).data.map((x) => x.phone)).toContain('+16505550179')
    })

    it('blocks and unblocks a number', async () => {
      expect((await f.transport.block('+16505550180')).data.blocked).toBe(true)
      expect((await f.transport.unblock('+16505550180')).data.blocked).toBe(false)
    })

    it('uploads an image and refuses an SVG', async () => {
      const image = await f.transport.uploadAttachment(
        Object.assign(new Blob([PNG], { type: 'image/png' }), { name: 'x.png' }),
      )
      expect(image).toMatchObject({ name: 'x.png', contentType: 'image/png', size: PNG.byteLength })
      await expectInboxError(
        f.transport.uploadAttachment(Object.assign(new Blob(['<svg/>'], { type: 'image/svg+xml' }), { name: 'a.svg' })),
        'attachment_type_not_allowed',
      )
    })

    it('reads lookups: team, templates, inboxes, unread, settings, library, clients', async () => {
      expect((await f.transport.listTeam()).length).toBeGreaterThan(0)
      expect(Array.isArray(await f.transport.listTemplates())).toBe(true)
      expect(Array.isArray(await f.transport.listInboxes())).toBe(true)
      expect((await f.transport.unread()).data.conversations).toBeGreaterThanOrEqual(0)
      expect((await f.transport.getSettings()).businessHours.weekly).toHaveLength(7)
      expect(Array.isArray(await f.transport.listLibrary())).toBe(true)
      expect(Array.isArray(await f.transport.searchClients(''))).toBe(true)
    })

    it('edits templates, inboxes and library documents, and lists blocked numbers', async () => {
      const template = await f.transport.createTemplate({
        name: 'Conformance check',
        category: 'Tests',
        body: 'Hi {{client.firstName}}',
      })
      expect(template).toMatchObject({ name: 'Conformance check', body: 'Hi {{client.firstName}}' })
      expect((await f.transport.updateTemplate(template.id, { body: 'Bye {{client.firstName}}' })).body).toBe(
        'Bye {{client.firstName}}',
      )
      await expectInboxError(
        f.transport.createTemplate({ name: 'Broken', category: 'Tests', body: 'Hi {{nobody}}' }),
        'validation_failed',
      )
      await f.transport.deleteTemplate(template.id)
      expect((await f.transport.listTemplates()).some((t) => t.id === template.id)).toBe(false)
      await expectInboxError(f.transport.deleteTemplate(template.id), 'not_found')

      const inbox = await f.transport.createInbox('Conformance inbox')
      expect(await f.transport.updateInbox(inbox.id, { name: 'Conformance old', archived: true })).toEqual({
        id: inbox.id,
        name: 'Conformance old',
        archived: true,
      })

      const document = await f.transport.uploadAttachment(
        Object.assign(new Blob([PNG], { type: 'image/png' }), { name: 'form.png' }),
        { library: true },
      )
      expect((await f.transport.listLibrary()).some((d) => d.id === document.id)).toBe(true)
      expect((await f.transport.renameDocument(document.id, 'Intake form')).name).toBe('Intake form.png')
      await f.transport.removeDocument(document.id)
      expect((await f.transport.listLibrary()).some((d) => d.id === document.id)).toBe(false)

      await f.transport.block('+16505550182')
      expect((await f.transport.listContacts({ blocked: true })).data.map((c) => c.phone)).toContain('+16505550182')
      await f.transport.unblock('+16505550182')
    })

    it('answers the event log: the head, then what happened after it', async () => {
      const head = await f.transport.eventsAfter(Number.MAX_SAFE_INTEGER)
      expect(head.events).toEqual([])
      await f.simulateInbound('+16505550181', 'Hi')
      const after = await f.transport.eventsAfter(head.lastSeq)
      expect(after.events.map((e) => e.type)).toContain('message.created')
      expect(after.events.every((e, i) => e.seq === head.lastSeq + i + 1)).toBe(true)
    })

    it('pushes events over the realtime channel', async (context) => {
      if (!f.realtime) return context.skip()
      const statuses: ConnectionStatus[] = []
      const events: ServerEvent[] = []
      const close = f.transport.connect({ onEvent: (e) => events.push(e), onStatus: (s) => statuses.push(s) })
      try {
        await waitFor(() => statuses.includes('connected'))
        await f.simulateInbound('+16505550182', 'Live!')
        await waitFor(() => events.some((e) => e.type === 'message.created'))
      } finally {
        close()
      }
      expect(statuses.at(-1)).toBe('disconnected')
    })
  })
}

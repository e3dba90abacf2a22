import type { Conversation } from '@switchboard/protocol'
import type { ServiceOver } from './serviceOver'

const CLINIC = '+14155550100'
const LEAD = '+16505550177'
const STRANGER = '+16505550188'
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1])

/** One step of the scenario: a call of the service, answering what the caller would see. */
export interface ScenarioStep {
  name: string
  /** The service refuses this step (a rule holds). */
  refused?: boolean
  run(s: ServiceOver): Promise<unknown>
}

const byPhone = async (s: ServiceOver, phone: string): Promise<Conversation> => {
  const page = await s.service.listConversations(s.dana, { status: 'all', q: phone.slice(2) })
  const found = page.items.find((c) => c.contact.phone === phone)
  if (!found) throw new Error(`no conversation with ${phone}`)
  return found
}
const nth = async (s: ServiceOver, n: number): Promise<Conversation> => {
  const page = await s.service.listConversations(s.dana, { status: 'open', contactType: 'clients' })
  const found = page.items[n]
  if (!found) throw new Error(`no open client conversation #${n}`)
  return found
}
const text = (s: ServiceOver, from: string, body: string, providerMessageId?: string) =>
  s.service.receiveInbound({ to: CLINIC, from, body, ...(providerMessageId ? { providerMessageId } : {}) })

/**
 * Every kind of write the service makes, in the order a clinic's day would bring them: texts
 * from a lead and clients, replies (repeated with the same id), read state, assignment, inboxes,
 * close and reopen, STOP / START, blocking, assigning a number to a new client, clients created
 * and renamed, files, settings, delivery reports, deletion, a new conversation, consent, and an
 * after-hours text.
 */
export const SCENARIO: ScenarioStep[] = [
  { name: 'a lead texts', run: (s) => text(s, LEAD, 'Hi, is Biscuit ready for pick-up?', 'SMin1') },
  { name: 'the same webhook again', run: (s) => text(s, LEAD, 'Hi, is Biscuit ready for pick-up?', 'SMin1') },
  { name: 'a client texts', run: async (s) => text(s, (await nth(s, 2)).contact.phone, 'Running 10 min late') },
  {
    name: 'a reply',
    run: async (s) =>
      s.service.sendMessage(s.dana, (await byPhone(s, LEAD)).id, {
        body: 'Yes, any time before 6pm.',
        clientMessageId: 'c1',
      }),
  },
  {
    name: 'the reply again',
    run: async (s) =>
      s.service.sendMessage(s.dana, (await byPhone(s, LEAD)).id, {
        body: 'Yes, any time before 6pm.',
        clientMessageId: 'c1',
      }),
  },
  { name: 'mark read', run: async (s) => s.service.markRead(s.marcus, (await byPhone(s, LEAD)).id) },
  { name: 'mark unread', run: async (s) => s.service.markUnread(s.marcus, (await nth(s, 0)).id) },
  { name: 'assign', run: async (s) => s.service.assign(s.dana, (await byPhone(s, LEAD)).id, 'usr_marcus') },
  { name: 'create an inbox', run: (s) => s.service.createInbox(s.dana, { name: 'Boarding' }) },
  {
    name: 'rename and archive an inbox',
    run: async (s) => {
      const inbox = (await s.service.listInboxes(s.dana)).find((i) => i.name === 'Boarding')
      return inbox ? s.service.updateInbox(s.dana, inbox.id, { name: 'Boarding (old)', archived: true }) : 'none'
    },
  },
  {
    name: 'templates: add, edit, delete',
    run: async (s) => {
      const added = await s.service.createTemplate(s.dana, {
        name: 'Vaccines due',
        category: 'Reminders',
        body: 'Hi {{client.firstName}}, {{patient.name}} is due for vaccines.',
      })
      const edited = await s.service.updateTemplate(s.dana, added.id, { name: 'Vaccines are due' })
      const [first] = await s.service.listTemplates(s.dana)
      if (first) await s.service.deleteTemplate(s.dana, first.id)
      return [edited, await s.service.listTemplates(s.dana)]
    },
  },
  {
    name: 'move to an inbox',
    run: async (s) =>
      s.service.moveToInbox(s.dana, (await nth(s, 1)).id, (await s.service.listInboxes(s.dana))[0]?.id ?? null),
  },
  { name: 'close', run: async (s) => s.service.close(s.dana, (await nth(s, 3)).id) },
  {
    name: 'a closed conversation reopens on a text',
    run: async (s) => text(s, (await nth(s, 3)).contact.phone, 'one more thing'),
  },
  { name: 'STOP', run: (s) => text(s, LEAD, 'STOP') },
  {
    name: 'a send after STOP is refused',
    refused: true,
    run: async (s) =>
      s.service.sendMessage(s.dana, (await byPhone(s, LEAD)).id, { body: 'Are you there?', clientMessageId: 'c-stop' }),
  },
  { name: 'START', run: (s) => text(s, LEAD, 'start') },
  { name: 'block', run: (s) => s.service.block(s.dana, STRANGER) },
  { name: 'a blocked number texts', run: (s) => text(s, STRANGER, 'hello?') },
  { name: 'unblock', run: (s) => s.service.unblock(s.dana, STRANGER) },
  {
    name: 'assign the lead to a new client',
    run: async (s) =>
      s.service.assignToClient(s.dana, (await byPhone(s, LEAD)).id, {
        newClient: { firstName: 'Zoë', lastName: "O'Brien", email: 'zoe@example.com' },
      }),
  },
  {
    name: 'create a client',
    run: (s) => s.service.createClient(s.dana, { firstName: 'Ana', lastName: 'Lima', phones: [STRANGER] }),
  },
  {
    name: 'rename a client',
    run: async (s) => {
      const [client] = await s.service.searchClients(s.dana, { q: 'Ana Lima' })
      return client ? s.service.updateClient(s.dana, client.id, { lastName: 'Lima-Souza' }) : 'no client'
    },
  },
  { name: 'search the renamed client', run: (s) => s.service.searchClients(s.dana, { q: 'lima souza' }) },
  {
    name: 'upload to the library',
    run: (s) =>
      s.service.uploadAttachment(s.dana, {
        name: 'price-list.png',
        contentType: 'image/png',
        data: PNG,
        library: true,
      }),
  },
  {
    name: 'send a file',
    run: async (s) => {
      const [file] = await s.service.listLibrary(s.dana)
      return s.service.sendMessage(s.dana, (await nth(s, 4)).id, {
        body: 'Our prices',
        clientMessageId: 'c2',
        attachmentIds: file ? [file.id] : [],
      })
    },
  },
  {
    name: 'library: rename one document, remove another',
    run: async (s) => {
      const [first, second] = await s.service.listLibrary(s.dana)
      if (second) await s.service.removeDocument(s.dana, second.id)
      return first ? s.service.renameDocument(s.dana, first.id, { name: 'Clinic map' }) : 'none'
    },
  },
  {
    name: 'settings',
    run: async (s) => {
      const settings = await s.service.getSettings(s.dana)
      return s.service.updateSettings(s.dana, { ...settings, optOutFooter: 'Text STOP to opt out.' })
    },
  },
  {
    name: 'delivery reports, out of order and repeated',
    run: async (s) => {
      const out = []
      for (const status of ['delivered', 'sent', 'delivered'] as const) {
        out.push(await s.service.applyDeliveryStatus({ clinicNumber: CLINIC, providerMessageId: 'SM00000001', status }))
      }
      return out
    },
  },
  { name: 'delete', run: async (s) => s.service.deleteConversation(s.dana, (await nth(s, 4)).id) },
  {
    name: 'start a conversation with a first message',
    run: (s) =>
      s.service.startConversation(s.dana, {
        phone: '(650) 555-0199',
        body: 'Hello from the clinic',
        clientMessageId: 'c3',
      }),
  },
  {
    name: 'record consent',
    run: (s) =>
      s.service.recordConsent(s.dana, '+16505550199', { status: 'granted', method: 'verbal', scope: 'marketing' }),
  },
  {
    name: 'an after-hours text',
    run: async (s) => {
      s.at(12 * 3600_000)
      return text(s, '+16505550111', 'Are you open tomorrow?')
    },
  },
  { name: 'read a thread', run: async (s) => s.service.listMessages(s.dana, (await byPhone(s, LEAD)).id, {}) },
  { name: 'client history', run: async (s) => s.service.clientMessages(s.dana, (await nth(s, 0)).client?.id ?? '') },
  {
    name: 'metrics',
    run: (s) => s.service.metrics(s.dana, { from: '2026-11-01T00:00:00.000Z', to: '2026-12-31T00:00:00.000Z' }),
  },
  { name: 'unread totals', run: (s) => s.service.unreadTotals(s.dana) },
  { name: 'opted-out contacts', run: (s) => s.service.listContacts(s.dana, { optedOut: true }) },
  { name: 'blocked contacts', run: (s) => s.service.listContacts(s.dana, { blocked: true }) },
]

import {
  ASSIGNEE_FILTERS,
  CONTACT_TYPE_FILTERS,
  CONVERSATION_STATUS_FILTERS,
  type Conversation,
  type ConversationFilter,
  phoneDigits,
} from '@switchboard/protocol'
import type { Storage, StorageTx } from '../ports'

/** Pages through a filter `limit` rows at a time, as the service does with its cursor. */
async function pages(tx: StorageTx, filter: ConversationFilter, viewer: string, limit: number): Promise<string[][]> {
  const out: string[][] = []
  let after: Conversation | null = null
  for (;;) {
    const page: Conversation[] = await tx.listConversations(filter, { userId: viewer }, after, limit)
    out.push(page.map((c) => c.id))
    if (page.length < limit) return out
    after = page.at(-1) ?? null
  }
}

/** Search queries that reach every branch: names, pets, accents, apostrophes, digits, nothing. */
function searchQueries(conversations: Conversation[]): string[] {
  const withClient = conversations.filter((c) => c.client)
  const first = withClient[0]?.client
  const second = withClient[3]?.client
  const phone = conversations[1]?.contact.phone ?? '+14155550123'
  const digits = phoneDigits(phone)
  return [
    '',
    'a',
    'ma',
    first?.firstName ?? 'Ana',
    `${first?.lastName ?? 'Lee'} ${first?.firstName.slice(0, 2) ?? 'An'}`,
    // two words each common, rare or absent together; and two common prefixes
    `${first?.firstName ?? 'Ana'} ${second?.lastName ?? 'Lee'}`,
    'ma a',
    second?.patients[0]?.name ?? 'Biscuit',
    (second?.lastName ?? 'Lee').toUpperCase(),
    'zoë',
    "o'",
    'nobody-like-this',
    digits.slice(4, 8),
    digits.slice(-4),
    '415',
    '(415) 55',
    '99999999',
  ]
}

/**
 * What a storage answers to every read the service makes, over one clinic: the same data read
 * from two storages must be equal. Lists are read in full under every filter the inbox offers
 * and paged for some, searches run with queries that reach every branch.
 */
export function readEverything(storage: Storage, clinicId: string): Promise<Record<string, unknown>> {
  return storage.transaction(clinicId, async (tx) => {
    const out: Record<string, unknown> = {}
    out.clinic = await tx.clinic()
    out.team = await tx.listTeam()
    out.inboxes = await tx.listInboxes()
    out.templates = await tx.listTemplates()
    for (const query of [{}, { optedOut: true }, { optedOut: false }, { blocked: true }, { blocked: false }]) {
      out[`contacts ${JSON.stringify(query)}`] = await tx.listContacts(query)
    }
    const all = await tx.listConversations(
      { status: 'all', contactType: 'all', assignee: 'all', inbox: 'all', q: '' },
      { userId: 'nobody' },
      null,
      100_000,
    )
    out.conversations = all
    const team = (out.team as Array<{ id: string }>).map((m) => m.id)
    const viewer = team[0] ?? 'nobody'
    const inboxes = ['all', ...(out.inboxes as Array<{ id: string }>).map((i) => i.id)]
    const queries = searchQueries(all)
    for (const status of CONVERSATION_STATUS_FILTERS) {
      for (const contactType of CONTACT_TYPE_FILTERS) {
        for (const assignee of [...ASSIGNEE_FILTERS, team[1] ?? 'usr_x']) {
          for (const inbox of inboxes) {
            for (const q of [queries[0], queries[3], queries[12]] as string[]) {
              const filter = { status, contactType, assignee, inbox, q }
              const [page] = await pages(tx, filter, viewer, 100_000)
              out[`list ${JSON.stringify(filter)}`] = page
            }
          }
        }
      }
    }
    for (const q of queries) {
      const filter: ConversationFilter = { status: 'all', contactType: 'all', assignee: 'all', inbox: 'all', q }
      out[`search ${q}`] = await pages(tx, filter, viewer, 1000)
      out[`clients ${q}`] = await tx.searchClients(q, 25)
    }
    out.paged = await pages(tx, { status: 'open', contactType: 'all', assignee: 'all', inbox: 'all', q: '' }, viewer, 7)
    out.pagedUnread = await pages(
      tx,
      { status: 'unread', contactType: 'clients', assignee: 'all', inbox: 'all', q: '' },
      viewer,
      3,
    )
    out.unread = await tx.unreadTotals()
    const phones = [...new Set(all.map((c) => c.contact.phone))]
    for (const c of all) {
      out[`conversation ${c.id}`] = [
        await tx.getConversation(c.id),
        await tx.getConversationRecord(c.id),
        await tx.nextMessageSeq(c.id),
        await tx.listMessages(c.id, null, 1000),
        await tx.listMessages(c.id, 4, 2),
      ]
    }
    for (const phone of phones) {
      out[`phone ${phone}`] = [
        await tx.getContact(phone),
        await tx.findConversationByPhone(phone),
        await tx.findClientByPhone(phone),
      ]
    }
    out.byPhones = await tx.listMessagesByPhones(phones.slice(0, 5), null, 40)
    out.undispatched = await tx.listUndispatched(1000)
    for (const bucket of ['hour', 'minute'] as const) {
      out[`counts ${bucket}`] = (
        await tx.countMessages('2000-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z', bucket)
      ).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))
    }
    const library = (await tx.listLibrary()).sort((a, b) => (a.id < b.id ? -1 : 1))
    out.library = library
    const attachmentIds = (out.conversations as Conversation[]).length
      ? [...library.map((a) => a.id), 'att_missing']
      : []
    out.inUse = [...(await tx.attachmentsInUse(attachmentIds, all[0]?.id ?? ''))].sort()
    const lastSeq = await tx.lastSeq()
    out.lastSeq = lastSeq
    out.events = await tx.eventsAfter(0, 100_000)
    out.lastEvents = await tx.eventsAfter(Math.max(0, lastSeq - 3), 2)
    return out
  })
}

import {
  type Client,
  type Conversation,
  clientWords,
  compareClients,
  compareConversations,
  computeUnreadTotals,
  countUnread,
  isPhoneQuery,
  matchesFilter,
  phoneDigits,
  searchTokens,
  wordsMatch,
} from '@switchboard/protocol'
import type { ConversationRecord, MessageCountRow, StorageTx } from '../ports'
import { BUCKET_LENGTH, blankContact, toContact } from '../ports'
import { billedSegments } from '../rules/metrics'
import type { ClinicData } from './clinicData'
import { insertIntoOrder, removeFromOrder } from './listOrder'

const clone = <T>(value: T): T => structuredClone(value)

/** One transaction over a clinic's tables; each write pushes its inverse onto `undo`. */
export function createMemoryTx(data: ClinicData, undo: Array<() => void>): StorageTx {
  function set<K, V>(map: Map<K, V>, key: K, value: V): void {
    const had = map.has(key)
    const previous = map.get(key)
    map.set(key, value)
    undo.push(() => (had ? map.set(key, previous as V) : map.delete(key)))
  }
  function del<K, V>(map: Map<K, V>, key: K): void {
    if (!map.has(key)) return
    const previous = map.get(key) as V
    map.delete(key)
    undo.push(() => map.set(key, previous))
  }

  function hydrate(record: ConversationRecord): Conversation {
    const contact = data.contacts.get(record.phone) ?? blankContact(record.phone)
    const client = contact.clientId ? data.clients.get(contact.clientId) : undefined
    const { phone: _phone, ...rest } = record
    return {
      ...rest,
      contact: toContact(contact),
      client: client
        ? { id: client.id, firstName: client.firstName, lastName: client.lastName, patients: client.patients }
        : null,
    }
  }

  /** The joined conversation, cached until a write touches it. Callers clone before handing out. */
  function view(record: ConversationRecord): Conversation {
    let cached = data.views.get(record.id)
    if (!cached) {
      cached = hydrate(record)
      data.views.set(record.id, cached)
    }
    return cached
  }

  function forget(phone: string): void {
    const id = data.conversationByPhone.get(phone)
    if (id) data.views.delete(id)
  }

  const keyOf = (id: string) => data.conversations.get(id) as ConversationRecord

  /** Records (or, with `add` false, forgets) that message `messageId` carries these attachments. */
  function trackUses(messageId: string, attachmentIds: readonly string[], add: boolean): void {
    for (const id of attachmentIds) {
      let uses = data.attachmentUses.get(id)
      if (!uses) {
        if (!add) continue
        uses = new Set()
        data.attachmentUses.set(id, uses)
      }
      const had = uses.has(messageId)
      const set = uses
      if (add) set.add(messageId)
      else set.delete(messageId)
      undo.push(() => (had ? set.add(messageId) : set.delete(messageId)))
    }
  }

  function listOrder(): string[] {
    if (!data.order) {
      data.order = [...data.conversations.values()].sort(compareConversations).map((c) => c.id)
    }
    return data.order
  }

  function clientsWithPhone(phone: string): Client[] {
    return [...data.clients.values()].filter((c) => c.phones.includes(phone))
  }

  return {
    async clinic() {
      return clone(data.record)
    },
    async putSettings(settings) {
      const previous = data.record
      data.record = {
        ...previous,
        settings: clone(settings),
        clinic: { ...previous.clinic, timezone: settings.businessHours.timezone },
      }
      undo.push(() => {
        data.record = previous
      })
    },
    async listTeam() {
      return clone([...data.team.values()])
    },
    async getMember(id) {
      return clone(data.team.get(id) ?? null)
    },
    async listInboxes() {
      return clone([...data.inboxes.values()])
    },
    async putInbox(inbox) {
      set(data.inboxes, inbox.id, clone(inbox))
    },
    async listTemplates() {
      return clone(data.templates)
    },
    async putTemplate(template) {
      const previous = data.templates
      const at = previous.findIndex((t) => t.id === template.id)
      data.templates =
        at < 0 ? [...previous, clone(template)] : previous.map((t, i) => (i === at ? clone(template) : t))
      undo.push(() => {
        data.templates = previous
      })
    },
    async deleteTemplate(id) {
      const previous = data.templates
      data.templates = previous.filter((t) => t.id !== id)
      undo.push(() => {
        data.templates = previous
      })
    },

    async getContact(phone) {
      return clone(data.contacts.get(phone) ?? null)
    },
    async putContact(contact) {
      set(data.contacts, contact.phone, clone(contact))
      forget(contact.phone)
    },
    async listContacts({ optedOut, blocked }) {
      return clone(
        [...data.contacts.values()].filter(
          (c) =>
            (optedOut === undefined || (c.optedOut !== null) === optedOut) &&
            (blocked === undefined || c.blocked === blocked),
        ),
      ).sort((a, b) => (a.phone < b.phone ? -1 : 1))
    },

    async getClient(id) {
      return clone(data.clients.get(id) ?? null)
    },
    async findClientByPhone(phone) {
      const [first] = clientsWithPhone(phone).sort((a, b) => (a.id < b.id ? -1 : 1))
      return clone(first ?? null)
    },
    async searchClients(q, limit) {
      const query = q.trim()
      const all = [...data.clients.values()]
      const tokens = searchTokens(query)
      const hits = !query
        ? all
        : isPhoneQuery(query)
          ? all.filter((c) => c.phones.some((p) => phoneDigits(p).includes(phoneDigits(query))))
          : all.filter((c) => wordsMatch(clientWords(c), tokens))
      return clone(hits.sort(compareClients).slice(0, limit))
    },
    async putClient(client) {
      const previous = data.clients.get(client.id)
      set(data.clients, client.id, clone(client))
      for (const phone of [...(previous?.phones ?? []), ...client.phones]) forget(phone)
      for (const [phone, contact] of data.contacts) if (contact.clientId === client.id) forget(phone)
    },

    async getConversation(id) {
      const record = data.conversations.get(id)
      return record ? clone(view(record)) : null
    },
    async getConversationRecord(id) {
      return clone(data.conversations.get(id) ?? null)
    },
    async findConversationByPhone(phone) {
      const id = data.conversationByPhone.get(phone)
      return clone((id && data.conversations.get(id)) || null)
    },
    async listConversations(filter, viewer, after, limit) {
      const page: Conversation[] = []
      for (const id of listOrder()) {
        const record = data.conversations.get(id)
        if (!record) continue
        if (after && compareConversations(after, record) >= 0) continue
        const conversation = view(record)
        if (!matchesFilter(conversation, filter, viewer)) continue
        page.push(conversation)
        if (page.length >= limit) break
      }
      return clone(page)
    },
    async putConversation(conversation) {
      const previous = data.conversations.get(conversation.id)
      if (data.order && previous) removeFromOrder(data.order, keyOf, previous)
      set(data.conversations, conversation.id, clone(conversation))
      set(data.conversationByPhone, conversation.phone, conversation.id)
      if (data.order) insertIntoOrder(data.order, keyOf, conversation)
      if (data.unread)
        data.unread = countUnread(previous ? countUnread(data.unread, previous, -1) : data.unread, conversation, 1)
      data.views.delete(conversation.id)
    },
    async deleteConversation(id) {
      const record = data.conversations.get(id)
      if (!record) return
      for (const m of data.threads.get(id) ?? []) {
        del(data.messages, m.id)
        if (m.clientMessageId) del(data.messageByClientId, m.clientMessageId)
        if (m.providerMessageId) del(data.messageByProviderId, m.providerMessageId)
        trackUses(
          m.id,
          m.attachments.map((a) => a.id),
          false,
        )
      }
      if (data.order) removeFromOrder(data.order, keyOf, record)
      if (data.unread) data.unread = countUnread(data.unread, record, -1)
      del(data.threads, id)
      del(data.conversations, id)
      if (data.conversationByPhone.get(record.phone) === id) del(data.conversationByPhone, record.phone)
      data.views.delete(id)
    },
    async unreadTotals() {
      // Kept up to date by the writes above (a text need not count 100,000 conversations again).
      data.unread ??= computeUnreadTotals(data.conversations.values())
      return { ...data.unread, byInbox: { ...data.unread.byInbox } }
    },

    async nextMessageSeq(conversationId) {
      const thread = data.threads.get(conversationId)
      return (thread?.at(-1)?.seq ?? 0) + 1
    },
    async insertMessage(message) {
      const stored = clone(message)
      set(data.messages, stored.id, stored)
      if (stored.clientMessageId) set(data.messageByClientId, stored.clientMessageId, stored.id)
      if (stored.providerMessageId) set(data.messageByProviderId, stored.providerMessageId, stored.id)
      const thread = data.threads.get(stored.conversationId) ?? []
      if (!data.threads.has(stored.conversationId)) set(data.threads, stored.conversationId, thread)
      thread.push(stored)
      thread.sort((a, b) => a.seq - b.seq)
      trackUses(
        stored.id,
        stored.attachments.map((a) => a.id),
        true,
      )
      undo.push(() => {
        const i = thread.indexOf(stored)
        if (i >= 0) thread.splice(i, 1)
      })
    },
    async updateMessage(message) {
      const current = data.messages.get(message.id)
      if (!current) return
      const before = { ...current }
      Object.assign(current, clone(message))
      if (message.providerMessageId) set(data.messageByProviderId, message.providerMessageId, message.id)
      undo.push(() => Object.assign(current, before))
    },
    async getMessage(id) {
      return clone(data.messages.get(id) ?? null)
    },
    async getMessageByClientMessageId(clientMessageId) {
      const id = data.messageByClientId.get(clientMessageId)
      return clone((id && data.messages.get(id)) || null)
    },
    async getMessageByProviderId(providerMessageId) {
      const id = data.messageByProviderId.get(providerMessageId)
      return clone((id && data.messages.get(id)) || null)
    },
    async listMessages(conversationId, before, limit) {
      const thread = data.threads.get(conversationId) ?? []
      const older = before === null ? thread : thread.filter((m) => m.seq < before)
      return clone(older.slice(Math.max(0, older.length - limit)))
    },
    async listMessagesByPhones(phones, before, limit) {
      const wanted = new Set(phones)
      const earlier = (m: { createdAt: string; id: string }) =>
        before === null || m.createdAt < before.createdAt || (m.createdAt === before.createdAt && m.id < before.id)
      const hits = [...data.messages.values()].filter((m) => wanted.has(m.phone) && earlier(m))
      hits.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1))
      return clone(hits.slice(Math.max(0, hits.length - limit)))
    },
    async listUndispatched(limit) {
      const pending = [...data.messages.values()].filter(
        (m) =>
          m.direction === 'outbound' &&
          (m.status === 'queued' || (m.status === 'sending' && m.providerMessageId === null)),
      )
      pending.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1))
      return clone(pending.slice(0, limit))
    },
    async countMessages(from, to, bucket) {
      const counts = new Map<string, MessageCountRow>()
      for (const m of data.messages.values()) {
        if (m.createdAt < from || m.createdAt >= to) continue
        const reason = m.status === 'failed' ? (m.error?.reason ?? 'unknown') : null
        const cut = m.createdAt.slice(0, BUCKET_LENGTH[bucket])
        const key = `${m.origin}|${m.direction}|${m.status}|${reason}|${cut}`
        const row = counts.get(key) ?? {
          origin: m.origin,
          direction: m.direction,
          status: m.status,
          reason,
          bucket: cut,
          count: 0,
          segments: 0,
        }
        row.count += 1
        row.segments += billedSegments(m)
        counts.set(key, row)
      }
      return [...counts.values()]
    },

    async getAttachment(id) {
      return clone(data.attachments.get(id) ?? null)
    },
    async putAttachment(attachment) {
      set(data.attachments, attachment.id, clone(attachment))
    },
    async deleteAttachment(id) {
      del(data.attachments, id)
    },
    async attachmentsInUse(ids, exceptConversationId) {
      const inUse = new Set<string>()
      for (const id of ids) {
        for (const messageId of data.attachmentUses.get(id) ?? []) {
          if (data.messages.get(messageId)?.conversationId !== exceptConversationId) {
            inUse.add(id)
            break
          }
        }
      }
      return inUse
    },
    async listLibrary() {
      return clone([...data.attachments.values()].filter((a) => a.library))
    },

    async appendEvents(events, at) {
      const previousSeq = data.lastSeq
      const previousLength = data.events.length
      const logged = events.map((e) => ({ ...clone(e), seq: ++data.lastSeq, at }) as (typeof data.events)[number])
      data.events.push(...logged)
      undo.push(() => {
        data.lastSeq = previousSeq
        data.events.length = previousLength
      })
      return clone(logged)
    },
    async lastSeq() {
      return data.lastSeq
    },
    async eventsAfter(seq, limit) {
      const oldest = data.events[0]?.seq ?? data.lastSeq + 1
      const expired = seq < data.lastSeq && seq < oldest - 1
      if (expired) return { events: [], expired: true, lastSeq: data.lastSeq }
      const events = data.events.filter((e) => e.seq > seq).slice(0, limit)
      return { events: clone(events), expired: false, lastSeq: data.lastSeq }
    },
  }
}

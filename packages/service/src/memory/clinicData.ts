import type { Client, Conversation, Inbox, InboxEvent, TeamMember, Template, UnreadTotals } from '@switchboard/protocol'
import type {
  AttachmentRecord,
  ClinicRecord,
  ClinicSeed,
  ContactRecord,
  ConversationRecord,
  MessageRecord,
} from '../ports'

/** The in-memory tables of one clinic, with the indexes its queries need. */
export interface ClinicData {
  record: ClinicRecord
  team: Map<string, TeamMember>
  inboxes: Map<string, Inbox>
  templates: Template[]
  contacts: Map<string, ContactRecord>
  clients: Map<string, Client>
  conversations: Map<string, ConversationRecord>
  conversationByPhone: Map<string, string>
  /** Per conversation, its messages in seq order. */
  threads: Map<string, MessageRecord[]>
  messages: Map<string, MessageRecord>
  messageByClientId: Map<string, string>
  messageByProviderId: Map<string, string>
  attachments: Map<string, AttachmentRecord>
  /** Per attachment id, the ids of the messages that carry it. */
  attachmentUses: Map<string, Set<string>>
  events: InboxEvent[]
  lastSeq: number
  /** Conversation ids in list order, kept sorted on writes; null until first needed or after a rollback. */
  order: string[] | null
  /** The unread badge numbers, kept on writes; null until first needed or after a rollback. */
  unread: UnreadTotals | null
  /** Conversations with contact and client joined in, built on first read and dropped on writes. */
  views: Map<string, Conversation>
}

/** Builds the tables and indexes of a clinic from its seed rows. */
export function loadClinic(seed: ClinicSeed): ClinicData {
  const data: ClinicData = {
    record: structuredClone(seed.record),
    team: new Map(seed.team.map((m) => [m.id, m])),
    inboxes: new Map(seed.inboxes.map((i) => [i.id, i])),
    templates: [...seed.templates],
    contacts: new Map(seed.contacts.map((c) => [c.phone, c])),
    clients: new Map(seed.clients.map((c) => [c.id, c])),
    conversations: new Map(seed.conversations.map((c) => [c.id, c])),
    conversationByPhone: new Map(seed.conversations.map((c) => [c.phone, c.id])),
    threads: new Map(),
    messages: new Map(),
    messageByClientId: new Map(),
    messageByProviderId: new Map(),
    attachments: new Map(seed.attachments.map((a) => [a.id, a])),
    attachmentUses: new Map(),
    events: [],
    lastSeq: 0,
    order: null,
    unread: null,
    views: new Map(),
  }
  for (const m of seed.messages) {
    data.messages.set(m.id, m)
    if (m.clientMessageId) data.messageByClientId.set(m.clientMessageId, m.id)
    if (m.providerMessageId) data.messageByProviderId.set(m.providerMessageId, m.id)
    for (const a of m.attachments) {
      const uses = data.attachmentUses.get(a.id) ?? new Set<string>()
      uses.add(m.id)
      data.attachmentUses.set(a.id, uses)
    }
    const thread = data.threads.get(m.conversationId) ?? []
    thread.push(m)
    data.threads.set(m.conversationId, thread)
  }
  for (const thread of data.threads.values()) thread.sort((a, b) => a.seq - b.seq)
  return data
}

import type { Client, Inbox, Settings, TeamMember, Template, UnreadTotals } from '@switchboard/protocol'
import type { ClinicRecord, ContactRecord, ConversationRecord, StorageTx } from '@switchboard/service'
import { listConversations } from './listConversations'
import {
  clientIndexRows,
  clientRow,
  contactRow,
  conversationRow,
  type Db,
  data,
  datas,
  hydrateConversation,
  parse,
  phoneSuffixes,
  scopeTo,
} from './rows'
import { searchClients } from './searchClients'
import { sqlMessagesTx } from './sqlMessagesTx'

/**
 * One transaction of one clinic over SQL: each storage call is one or two statements, every
 * statement scoped by `clinic_id`. The same code runs on SQLite and PostgreSQL.
 */
export function createSqlTx(
  db: Db,
  clinicId: string,
  options: { eventRetention: number; searchCandidates: number },
  /** The clinic's row as the transaction found it (under its lock where there is one). */
  row: { data: string; lastSeq: number },
): StorageTx {
  /** The clinic's record, kept current by this transaction's own writes. */
  let recordJson = row.data
  const eventRetention = options.eventRetention
  const plan = { db, clinicId, limit: options.searchCandidates }
  const inClinic = scopeTo(clinicId)

  /** Makes `phone` findable by any run of its digits. */
  async function indexPhone(phone: string): Promise<void> {
    const rows = phoneSuffixes(phone).map((suffix) => ({ clinic_id: clinicId, phone, suffix }))
    if (rows.length) {
      await db
        .insertInto('phone_suffixes')
        .values(rows)
        .onConflict((oc) => oc.doNothing())
        .execute()
    }
  }

  const conversationQuery = () =>
    db
      .selectFrom('conversations as c')
      .leftJoin('contacts as ct', (j) => j.onRef('ct.clinic_id', '=', 'c.clinic_id').onRef('ct.phone', '=', 'c.phone'))
      .leftJoin('clients as cl', (j) => j.onRef('cl.clinic_id', '=', 'c.clinic_id').onRef('cl.id', '=', 'ct.client_id'))
      .select(['c.data', 'ct.data as contact_data', 'cl.data as client_data'])
      .where('c.clinic_id', '=', clinicId)

  async function positioned<T>(table: 'team' | 'inboxes' | 'templates'): Promise<T[]> {
    return datas<T>(
      await db
        .selectFrom(table)
        .select('data')
        .where(...inClinic('clinic_id'))
        .orderBy('position')
        .execute(),
    )
  }

  /** Replaces a row of a positioned table in place, or adds it last. */
  async function putPositioned(table: 'inboxes' | 'templates', id: string, value: unknown): Promise<void> {
    const json = JSON.stringify(value)
    const updated = await db
      .updateTable(table)
      .set({ data: json })
      .where(...inClinic('clinic_id'))
      .where('id', '=', id)
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) > 0) return
    const { last } = await db
      .selectFrom(table)
      .select((eb) => eb.fn.max<number | null>('position').as('last'))
      .where(...inClinic('clinic_id'))
      .executeTakeFirstOrThrow()
    await db
      .insertInto(table)
      .values({ clinic_id: clinicId, id, position: Number(last ?? 0) + 1, data: json })
      .execute()
  }

  async function clinicRecord(): Promise<ClinicRecord> {
    return parse<ClinicRecord>(recordJson)
  }

  async function getClient(id: string): Promise<Client | null> {
    return data<Client>(
      await db
        .selectFrom('clients')
        .select('data')
        .where(...inClinic('clinic_id'))
        .where('id', '=', id)
        .executeTakeFirst(),
    )
  }

  return {
    clinic: clinicRecord,
    async putSettings(settings: Settings) {
      const record = await clinicRecord()
      const next: ClinicRecord = {
        ...record,
        settings,
        clinic: { ...record.clinic, timezone: settings.businessHours.timezone },
      }
      recordJson = JSON.stringify(next)
      await db.updateTable('clinics').set({ data: recordJson }).where('id', '=', clinicId).execute()
    },

    listTeam: () => positioned<TeamMember>('team'),
    async getMember(id) {
      return data<TeamMember>(
        await db
          .selectFrom('team')
          .select('data')
          .where(...inClinic('clinic_id'))
          .where('id', '=', id)
          .executeTakeFirst(),
      )
    },
    listInboxes: () => positioned<Inbox>('inboxes'),
    putInbox: (inbox) => putPositioned('inboxes', inbox.id, inbox),
    listTemplates: () => positioned<Template>('templates'),
    putTemplate: (template) => putPositioned('templates', template.id, template),
    async deleteTemplate(id) {
      await db
        .deleteFrom('templates')
        .where(...inClinic('clinic_id'))
        .where('id', '=', id)
        .execute()
    },

    async getContact(phone) {
      return data<ContactRecord>(
        await db
          .selectFrom('contacts')
          .select('data')
          .where(...inClinic('clinic_id'))
          .where('phone', '=', phone)
          .executeTakeFirst(),
      )
    },
    async putContact(contact) {
      const row = contactRow(clinicId, contact)
      await db
        .insertInto('contacts')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['clinic_id', 'phone']).doUpdateSet({
            client_id: row.client_id,
            opted_out: row.opted_out,
            blocked: row.blocked,
            data: row.data,
          }),
        )
        .execute()
      await indexPhone(contact.phone)
    },
    async listContacts({ optedOut, blocked }) {
      let query = db
        .selectFrom('contacts')
        .select('data')
        .where(...inClinic('clinic_id'))
      if (optedOut !== undefined) query = query.where('opted_out', '=', optedOut ? 1 : 0)
      if (blocked !== undefined) query = query.where('blocked', '=', blocked ? 1 : 0)
      return datas<ContactRecord>(await query.orderBy('phone').execute())
    },

    getClient,
    async findClientByPhone(phone) {
      // The lowest client id with the number: read off the phone index alone, then the client.
      const first = await db
        .selectFrom('client_phones')
        .select('client_id')
        .where(...inClinic('clinic_id'))
        .where('phone', '=', phone)
        .orderBy('client_id')
        .limit(1)
        .executeTakeFirst()
      return first ? getClient(first.client_id) : null
    },
    searchClients: (q, limit) => searchClients(plan, q, limit),
    async putClient(client) {
      const row = clientRow(clinicId, client)
      await db
        .insertInto('clients')
        .values(row)
        .onConflict((oc) => oc.columns(['clinic_id', 'id']).doUpdateSet({ sort_key: row.sort_key, data: row.data }))
        .execute()
      const { words, phones } = clientIndexRows(clinicId, client)
      for (const table of ['client_words', 'client_phones'] as const) {
        await db
          .deleteFrom(table)
          .where(...inClinic('clinic_id'))
          .where('client_id', '=', client.id)
          .execute()
      }
      if (words.length) await db.insertInto('client_words').values(words).execute()
      if (phones.length) await db.insertInto('client_phones').values(phones).execute()
      for (const phone of client.phones) await indexPhone(phone)
    },

    async getConversation(id) {
      const row = await conversationQuery().where('c.id', '=', id).executeTakeFirst()
      return row ? hydrateConversation(row) : null
    },
    async getConversationRecord(id) {
      return data<ConversationRecord>(
        await db
          .selectFrom('conversations')
          .select('data')
          .where(...inClinic('clinic_id'))
          .where('id', '=', id)
          .executeTakeFirst(),
      )
    },
    async findConversationByPhone(phone) {
      return data<ConversationRecord>(
        await db
          .selectFrom('conversations')
          .select('data')
          .where(...inClinic('clinic_id'))
          .where('phone', '=', phone)
          .orderBy('last_activity_at', 'desc')
          .orderBy('id', 'desc')
          .limit(1)
          .executeTakeFirst(),
      )
    },
    async listConversations(filter, viewer, after, limit) {
      const rows = await listConversations(plan, conversationQuery(), filter, viewer, after, limit)
      return rows.map(hydrateConversation)
    },
    async putConversation(conversation) {
      const row = conversationRow(clinicId, conversation)
      const { clinic_id: _c, id: _i, ...changes } = row
      await db
        .insertInto('conversations')
        .values(row)
        .onConflict((oc) => oc.columns(['clinic_id', 'id']).doUpdateSet(changes))
        .execute()
      await indexPhone(conversation.phone)
    },
    async deleteConversation(id) {
      for (const table of ['message_attachments', 'messages'] as const) {
        await db
          .deleteFrom(table)
          .where(...inClinic('clinic_id'))
          .where('conversation_id', '=', id)
          .execute()
      }
      await db
        .deleteFrom('conversations')
        .where(...inClinic('clinic_id'))
        .where('id', '=', id)
        .execute()
    },
    async unreadTotals() {
      // protocol's isUnread as SQL, counted per inbox by the database (the suite checks it
      // against computeUnreadTotals over the reference storage).
      const rows = await db
        .selectFrom('conversations')
        .select((eb) => [
          'inbox_id',
          eb.fn.countAll<number>().as('conversations'),
          eb.fn.sum<number>('unread_count').as('messages'),
        ])
        .where(...inClinic('clinic_id'))
        .where('status', '=', 'open')
        .where((eb) => eb.or([eb('unread_count', '>', 0), eb('marked_unread', '=', 1)]))
        .groupBy('inbox_id')
        .execute()
      const totals: UnreadTotals = { conversations: 0, messages: 0, byInbox: {} }
      for (const row of rows) {
        totals.conversations += Number(row.conversations)
        totals.messages += Number(row.messages)
        totals.byInbox[row.inbox_id ?? 'none'] = Number(row.conversations)
      }
      return totals
    },
    ...sqlMessagesTx(db, clinicId, eventRetention, row.lastSeq),
  }
}

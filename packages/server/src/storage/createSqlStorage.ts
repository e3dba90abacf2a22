import { SwitchboardError } from '@switchboard/protocol'
import type { ClinicSeed, Storage, StorageTx } from '@switchboard/service'
import type { Kysely } from 'kysely'
import { createSqlTx } from './createSqlTx'
import type { Database } from './database'
import {
  attachmentRow,
  clientIndexRows,
  clientRow,
  contactRow,
  conversationRow,
  insertChunked,
  messageAttachmentRows,
  messageRow,
  phoneSuffixes,
} from './rows'
import { CANDIDATE_LIMIT } from './searchCandidates'

/** Options of {@link createSqlStorage}. */
export interface SqlStorageOptions {
  /** How many events the log keeps per clinic before `eventsAfter` answers expired. Default 5,000. */
  eventRetention?: number
  /**
   * A search with more matches than this scans the list in order instead of looking each match
   * up. Default 2,000; tests set it low to exercise both plans.
   */
  searchCandidates?: number
  /**
   * Takes the clinic's row lock at the start of each transaction (`for update`), so that a
   * clinic's transactions run one at a time across connections and servers. For PostgreSQL;
   * SQLite runs one writer at a time anyway (and has no `for update`).
   */
  lockClinic?: boolean
}

/** The inbox's {@link Storage} over a SQL database, with what a server needs to run it. */
export interface SqlStorage extends Storage {
  /** Loads a clinic and its rows (e.g. from `generateSeed`) in one transaction. */
  addClinic(seed: ClinicSeed): Promise<void>
  clinicIds(): Promise<string[]>
  /** Everything a clinic has stored, as plain data in a stable order: compare two to prove nothing changed. */
  dump(clinicId: string): Promise<Record<string, unknown>>
  /** Closes the database. */
  close(): Promise<void>
}

const TABLES = [
  'team',
  'inboxes',
  'templates',
  'contacts',
  'clients',
  'client_words',
  'client_phones',
  'phone_suffixes',
  'conversations',
  'messages',
  'message_attachments',
  'attachments',
  'events',
] as const

/**
 * The storage of `@switchboard/service` over any Kysely database whose schema {@link migrate}
 * made: SQLite through `createSqliteStorage`, PostgreSQL through `createPostgresStorage`. Each transaction is
 * one database transaction; a thrown error rolls it back whole.
 */
export function createSqlStorage(db: Kysely<Database>, options: SqlStorageOptions = {}): SqlStorage {
  const txOptions = {
    eventRetention: options.eventRetention ?? 5000,
    searchCandidates: options.searchCandidates ?? CANDIDATE_LIMIT,
  }

  return {
    transaction<T>(clinicId: string, fn: (tx: StorageTx) => Promise<T>): Promise<T> {
      return db.transaction().execute(async (trx) => {
        // The clinic's row, read once for the whole transaction (its record and the log's head):
        // each statement is a round trip to a database server.
        const query = trx.selectFrom('clinics').select(['data', 'last_seq']).where('id', '=', clinicId)
        const clinic = await (options.lockClinic ? query.forUpdate() : query).executeTakeFirst()
        if (!clinic) throw new SwitchboardError('not_found', `No clinic ${clinicId}.`)
        return fn(createSqlTx(trx, clinicId, txOptions, { data: clinic.data, lastSeq: Number(clinic.last_seq) }))
      })
    },
    async clinicIdForNumber(smsNumber) {
      const row = await db.selectFrom('clinics').select('id').where('sms_number', '=', smsNumber).executeTakeFirst()
      return row?.id ?? null
    },
    async addClinic(seed) {
      await db.transaction().execute(async (trx) => {
        const id = seed.record.clinic.id
        await trx
          .insertInto('clinics')
          .values({ id, sms_number: seed.record.clinic.smsNumber, data: JSON.stringify(seed.record), last_seq: 0 })
          .execute()
        const positioned = (items: Array<{ id: string }>) =>
          items.map((item, i) => ({ clinic_id: id, id: item.id, position: i + 1, data: JSON.stringify(item) }))
        await insertChunked(trx, 'team', positioned(seed.team))
        await insertChunked(trx, 'inboxes', positioned(seed.inboxes))
        await insertChunked(trx, 'templates', positioned(seed.templates))
        await insertChunked(
          trx,
          'contacts',
          seed.contacts.map((c) => contactRow(id, c)),
        )
        await insertChunked(
          trx,
          'clients',
          seed.clients.map((c) => clientRow(id, c)),
        )
        const index = seed.clients.map((c) => clientIndexRows(id, c))
        await insertChunked(
          trx,
          'client_words',
          index.flatMap((i) => i.words),
        )
        await insertChunked(
          trx,
          'client_phones',
          index.flatMap((i) => i.phones),
        )
        const phones = new Set([
          ...seed.contacts.map((c) => c.phone),
          ...seed.clients.flatMap((c) => c.phones),
          ...seed.conversations.map((c) => c.phone),
        ])
        await insertChunked(
          trx,
          'phone_suffixes',
          [...phones].flatMap((phone) =>
            [...new Set(phoneSuffixes(phone))].map((suffix) => ({ clinic_id: id, phone, suffix })),
          ),
        )
        await insertChunked(
          trx,
          'conversations',
          seed.conversations.map((c) => conversationRow(id, c)),
        )
        await insertChunked(
          trx,
          'messages',
          seed.messages.map((m) => messageRow(id, m)),
        )
        await insertChunked(
          trx,
          'message_attachments',
          seed.messages.flatMap((m) => messageAttachmentRows(id, m)),
        )
        await insertChunked(
          trx,
          'attachments',
          seed.attachments.map((a) => attachmentRow(id, a)),
        )
      })
    },
    async clinicIds() {
      return (await db.selectFrom('clinics').select('id').orderBy('id').execute()).map((r) => r.id)
    },
    async dump(clinicId) {
      const clinic = await db.selectFrom('clinics').selectAll().where('id', '=', clinicId).executeTakeFirst()
      if (!clinic) throw new SwitchboardError('not_found', `No clinic ${clinicId}.`)
      const out: Record<string, unknown> = { clinic }
      for (const table of TABLES) {
        const rows = await db.selectFrom(table).selectAll().where('clinic_id', '=', clinicId).execute()
        out[table] = rows.map((r) => JSON.stringify(r)).sort()
      }
      return out
    },
    close: () => db.destroy(),
  }
}

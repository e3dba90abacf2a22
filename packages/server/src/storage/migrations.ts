import type { ClinicRecord, MessageRecord } from '@switchboard/service'
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely'
import type { Database } from './database'
import { messageRow } from './rows'

/** The SQL databases the storage runs on. */
export type SqlDialect = 'sqlite' | 'postgres'

/**
 * The schema, one migration per change, written with Kysely's schema builder so that SQLite and
 * PostgreSQL run the same steps. Never edit a migration that has shipped: add the next one.
 */
function migrations(dialect: SqlDialect): Record<string, Migration> {
  // Text compares by code point in both dialects: SQLite's default, PostgreSQL's "C" collation
  // (a database's own, e.g. en-US, would order ids, times and search prefixes its own way).
  const text = dialect === 'postgres' ? sql`text collate "C"` : 'text'
  return {
    '001_initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('clinics')
          .addColumn('id', text, (c) => c.primaryKey())
          .addColumn('sms_number', text, (c) => c.notNull().unique())
          .addColumn('data', text, (c) => c.notNull())
          .addColumn('last_seq', 'bigint', (c) => c.notNull().defaultTo(0))
          .execute()
        for (const table of ['team', 'inboxes', 'templates']) {
          await db.schema
            .createTable(table)
            .addColumn('clinic_id', text, (c) => c.notNull())
            .addColumn('id', text, (c) => c.notNull())
            .addColumn('position', 'integer', (c) => c.notNull())
            .addColumn('data', text, (c) => c.notNull())
            .addPrimaryKeyConstraint(`${table}_pk`, ['clinic_id', 'id'])
            .execute()
        }
        await db.schema
          .createTable('contacts')
          .addColumn('clinic_id', text, (c) => c.notNull())
          .addColumn('phone', text, (c) => c.notNull())
          .addColumn('client_id', text)
          .addColumn('opted_out', 'integer', (c) => c.notNull())
          .addColumn('blocked', 'integer', (c) => c.notNull())
          .addColumn('data', text, (c) => c.notNull())
          .addPrimaryKeyConstraint('contacts_pk', ['clinic_id', 'phone'])
          .execute()
        await db.schema.createIndex('contacts_client').on('contacts').columns(['clinic_id', 'client_id']).execute()
        await db.schema
          .createTable('clients')
          .addColumn('clinic_id', text, (c) => c.notNull())
          .addColumn('id', text, (c) => c.notNull())
          .addColumn('sort_key', text, (c) => c.notNull())
          .addColumn('data', text, (c) => c.notNull())
          .addPrimaryKeyConstraint('clients_pk', ['clinic_id', 'id'])
          .execute()
        await db.schema.createIndex('clients_order').on('clients').columns(['clinic_id', 'sort_key', 'id']).execute()
        await db.schema
          .createTable('client_words')
          .addColumn('clinic_id', text, (c) => c.notNull())
          .addColumn('client_id', text, (c) => c.notNull())
          .addColumn('word', text, (c) => c.notNull())
          .addPrimaryKeyConstraint('client_words_pk', ['clinic_id', 'word', 'client_id'])
          .execute()
        // Per client, its words in order: "does this client have a word starting with …" is one range.
        await db.schema
          .createIndex('client_words_client')
          .on('client_words')
          .columns(['clinic_id', 'client_id', 'word'])
          .execute()
        await db.schema
          .createTable('client_phones')
          .addColumn('clinic_id', text, (c) => c.notNull())
          .addColumn('client_id', text, (c) => c.notNull())
          .addColumn('phone', text, (c) => c.notNull())
          .addPrimaryKeyConstraint('client_phones_pk', ['clinic_id', 'phone', 'client_id'])
          .execute()
        await db.schema
          .createIndex('client_phones_client')
          .on('client_phones')
          .columns(['clinic_id', 'client_id'])
          .execute()
        await db.schema
          .createTable('phone_suffixes')
          .addColumn('clinic_id', text, (c) => c.notNull())
          .addColumn('phone', text, (c) => c.notNull())
          .addColumn('suffix', text, (c) => c.notNull())
          .addPrimaryKeyConstraint('phone_suffixes_pk', ['clinic_id', 'suffix', 'phone'])
          .execute()
        await db.schema
          .createIndex('phone_suffixes_phone')
          .on('phone_suffixes')
          .columns(['clinic_id', 'phone', 'suffix'])
          .execute()
        await db.schema
          .createTable('conversations')
          .addColumn('clinic_id', text, (c) => c.notNull())
          .addColumn('id', text, (c) => c.notNull())
          .addColumn('phone', text, (c) => c.notNull())
          .addColumn('status', text, (c) => c.notNull())
          .addColumn('inbox_id', text)
          .addColumn('assignee_id', text)
          .addColumn('unread_count', 'integer', (c) => c.notNull())
          .addColumn('marked_unread', 'integer', (c) => c.notNull())
          .addColumn('last_activity_at', text, (c) => c.notNull())
          .addColumn('data', text, (c) => c.notNull())
          .addPrimaryKeyConstraint('conversations_pk', ['clinic_id', 'id'])
          .execute()
        // List order (newest activity first), and the same order within each filter the inbox offers.
        const order = ['last_activity_at desc', 'id desc']
        await db.schema
          .createIndex('conversations_order')
          .on('conversations')
          .columns(['clinic_id', ...order])
          .execute()
        for (const column of ['status', 'assignee_id', 'inbox_id', 'phone']) {
          await db.schema
            .createIndex(`conversations_${column}`)
            .on('conversations')
            .columns(['clinic_id', column, ...order])
            .execute()
        }
        // The badge: unread open conversations counted per inbox from the index alone.
        await db.schema
          .createIndex('conversations_unread')
          .on('conversations')
          .columns(['clinic_id', 'status', 'inbox_id', 'unread_count', 'marked_unread'])
          .execute()
        await db.schema
          .createTable('messages')
          .addColumn('clinic_id', text, (c) => c.notNull())
          .addColumn('id', text, (c) => c.notNull())
          .addColumn('conversation_id', text, (c) => c.notNull())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('phone', text, (c) => c.notNull())
          .addColumn('client_message_id', text)
          .addColumn('provider_message_id', text)
          .addColumn('created_at', text, (c) => c.notNull())
          .addColumn('origin', text, (c) => c.notNull())
          .addColumn('direction', text, (c) => c.notNull())
          .addColumn('status', text, (c) => c.notNull())
          .addColumn('data', text, (c) => c.notNull())
          .addPrimaryKeyConstraint('messages_pk', ['clinic_id', 'id'])
          .execute()
        await db.schema
          .createIndex('messages_thread')
          .on('messages')
          .columns(['clinic_id', 'conversation_id', 'seq'])
          .unique()
          .execute()
        await db.schema
          .createIndex('messages_client_id')
          .on('messages')
          .columns(['clinic_id', 'client_message_id'])
          .execute()
        await db.schema
          .createIndex('messages_provider_id')
          .on('messages')
          .columns(['clinic_id', 'provider_message_id'])
          .execute()
        await db.schema
          .createIndex('messages_phone')
          .on('messages')
          .columns(['clinic_id', 'phone', 'created_at'])
          .execute()
        await db.schema.createIndex('messages_created').on('messages').columns(['clinic_id', 'created_at']).execute()
        await db.schema
          .createTable('message_attachments')
          .addColumn('clinic_id', text, (c) => c.notNull())
          .addColumn('message_id', text, (c) => c.notNull())
          .addColumn('attachment_id', text, (c) => c.notNull())
          .addColumn('conversation_id', text, (c) => c.notNull())
          .addPrimaryKeyConstraint('message_attachments_pk', ['clinic_id', 'attachment_id', 'message_id'])
          .execute()
        await db.schema
          .createIndex('message_attachments_message')
          .on('message_attachments')
          .columns(['clinic_id', 'message_id'])
          .execute()
        await db.schema
          .createTable('attachments')
          .addColumn('clinic_id', text, (c) => c.notNull())
          .addColumn('id', text, (c) => c.notNull())
          .addColumn('library', 'integer', (c) => c.notNull())
          .addColumn('name', text, (c) => c.notNull())
          .addColumn('data', text, (c) => c.notNull())
          .addPrimaryKeyConstraint('attachments_pk', ['clinic_id', 'id'])
          .execute()
        await db.schema
          .createTable('events')
          .addColumn('clinic_id', text, (c) => c.notNull())
          .addColumn('seq', 'bigint', (c) => c.notNull())
          .addColumn('data', text, (c) => c.notNull())
          .addPrimaryKeyConstraint('events_pk', ['clinic_id', 'seq'])
          .execute()
      },
    },
    // Outbound messages waiting for the provider, found at start without reading the whole log.
    '002_messages_status': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createIndex('messages_status')
          .on('messages')
          .columns(['clinic_id', 'status', 'created_at'])
          .execute()
      },
    },
    // Metrics count billed segments and failure reasons per time bucket from columns, not JSON.
    '003_message_metrics': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .alterTable('messages')
          .addColumn('segments', 'integer', (c) => c.notNull().defaultTo(1))
          .execute()
        await db.schema.alterTable('messages').addColumn('failure', text).execute()
        const typed = db as unknown as Kysely<Database>
        let after = ''
        for (;;) {
          const rows = await typed
            .selectFrom('messages')
            .select(['clinic_id', 'id', 'data'])
            .where((eb) => eb(sql`clinic_id || ' ' || id`, '>', after))
            .orderBy(sql`clinic_id || ' ' || id`)
            .limit(1000)
            .execute()
          if (rows.length === 0) break
          for (const row of rows) {
            const message = JSON.parse(row.data) as MessageRecord
            const { segments, failure } = messageRow(row.clinic_id, message)
            await typed
              .updateTable('messages')
              .set({ segments, failure })
              .where('clinic_id', '=', row.clinic_id)
              .where('id', '=', row.id)
              .execute()
          }
          const last = rows[rows.length - 1] as { clinic_id: string; id: string }
          after = `${last.clinic_id} ${last.id}`
        }
      },
    },
    // Business hours became openings per weekday (several a day), holidays and the time zone.
    '004_business_hours': {
      async up(db: Kysely<unknown>) {
        const typed = db as unknown as Kysely<Database>
        for (const row of await typed.selectFrom('clinics').select(['id', 'data']).execute()) {
          const record = JSON.parse(row.data) as ClinicRecord & { clinic: { businessHours?: unknown } }
          const hours = record.settings.businessHours as unknown
          if (Array.isArray(hours)) {
            record.settings.businessHours = {
              timezone: record.clinic.timezone,
              weekly: hours.map((day: { open: string; close: string } | null) => (day ? [day] : [])),
              holidays: [],
            }
          }
          delete record.clinic.businessHours
          await typed
            .updateTable('clinics')
            .set({ data: JSON.stringify(record) })
            .where('id', '=', row.id)
            .execute()
        }
      },
    },
    // Idempotency keys and providers' message ids are unique per clinic by constraint, not only
    // by the service's look-up first: it holds with several servers writing to one database.
    '005_unique_message_keys': {
      async up(db: Kysely<unknown>) {
        for (const [index, column] of [
          ['messages_client_id', 'client_message_id'],
          ['messages_provider_id', 'provider_message_id'],
        ] as const) {
          await db.schema.dropIndex(index).execute()
          await db.schema.createIndex(index).on('messages').columns(['clinic_id', column]).unique().execute()
        }
      },
    },
  }
}

/**
 * Brings the database's schema up to date (or up to the migration `to`, for tests of a later
 * one); throws with the failing migration's name.
 */
export async function migrate(db: Kysely<unknown>, options: { to?: string; dialect?: SqlDialect } = {}): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(options.dialect ?? 'sqlite') }
  const migrator = new Migrator({ db, provider })
  const { error, results } = await (options.to ? migrator.migrateTo(options.to) : migrator.migrateToLatest())
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new Error(`Database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`)
  }
}

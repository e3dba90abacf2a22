import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely'
import pg from 'pg'
import { createSqlStorage, type SqlStorage, type SqlStorageOptions } from './createSqlStorage'
import type { Database } from './database'
import { migrate } from './migrations'

/** Options of {@link createPostgresStorage}. */
export interface PostgresStorageOptions extends SqlStorageOptions {
  /** The database, e.g. `postgres://switchboard:secret@db.internal:5432/switchboard`. */
  connectionString: string
  /** Connections kept open by this server (the pool's size). Default 10. */
  poolSize?: number
}

// Counts and sums come back as int8 and numeric, which `pg` leaves as strings (they may pass
// 2^53): the storage's counts and the event log's seq stay far below it, so they are numbers.
const INT8 = 20
const NUMERIC = 1700
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
}

/**
 * The pool with every text parameter made storable: PostgreSQL's text cannot hold U+0000, which
 * SQLite's can and which a stranger's phone or a hostile request may send (in a search, an
 * idempotency key, a provider's message id). It becomes U+FFFD in the column, the same way on
 * every write and every look-up, so the answers are SQLite's (a search for it finds nothing,
 * the same key finds its message) instead of a database error. JSON columns escape it already.
 */
function storableText(pool: pg.Pool): PostgresPool {
  const storable = (value: unknown) =>
    typeof value === 'string' && value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value
  return {
    async connect() {
      const client = await pool.connect()
      return {
        query: ((sql: string, parameters: ReadonlyArray<unknown>) =>
          client.query(sql, parameters.map(storable))) as unknown as PostgresPoolClient['query'],
        release: (destroy?: boolean) => client.release(destroy),
      }
    },
    end: () => pool.end(),
  }
}

/**
 * The SQL storage on PostgreSQL (`pg`, pooled): the same statements and migrations as on
 * SQLite, for several servers on one database. A clinic's transactions run one at a time across
 * every server, as on SQLite in one: each takes the clinic's row lock first (`select … for
 * update`). So the event log's seq (the clinic's `last_seq` + 1, written under that lock) stays
 * gap-free and in commit order, and each rule that reads then writes (an idempotency key, a STOP,
 * the after-hours reply once a night) sees every earlier write. A sequence would not do: it hands
 * out numbers that a rolled-back transaction then leaves as gaps, and commits can land out of
 * its order. Other clinics' transactions run side by side. Migrations run at start; several
 * servers starting at once take turns (Kysely's migration lock).
 *
 * @example
 * const storage = await createPostgresStorage({ connectionString: process.env.DATABASE_URL })
 */
export async function createPostgresStorage(options: PostgresStorageOptions): Promise<SqlStorage> {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10, types })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: storableText(pool) }) })
  try {
    await migrate(db as Kysely<unknown>, { dialect: 'postgres' })
  } catch (error) {
    await db.destroy()
    throw error
  }
  return createSqlStorage(db, { ...options, lockClinic: true })
}

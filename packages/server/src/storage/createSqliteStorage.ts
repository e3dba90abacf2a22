import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { createSqlStorage, type SqlStorage, type SqlStorageOptions } from './createSqlStorage'
import type { Database } from './database'
import { migrate } from './migrations'

/** Options of {@link createSqliteStorage}. */
export interface SqliteStorageOptions extends SqlStorageOptions {
  /** The database file; `:memory:` for a throwaway one. */
  file: string
}

/**
 * The SQL storage on an embedded SQLite file (better-sqlite3): write-ahead logging, so readers
 * never wait for a writer and a crash loses no committed transaction; the schema migrated on open.
 *
 * @example
 * const storage = await createSqliteStorage({ file: 'data/switchboard.db' })
 */
export async function createSqliteStorage(options: SqliteStorageOptions): Promise<SqlStorage> {
  const database = new SQLite(options.file)
  database.pragma('journal_mode = WAL')
  database.pragma('synchronous = NORMAL')
  database.pragma('busy_timeout = 5000')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) })
  try {
    await migrate(db as Kysely<unknown>)
  } catch (error) {
    await db.destroy()
    throw error
  }
  return createSqlStorage(db, options)
}

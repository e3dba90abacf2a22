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
 * The database with its prepared statements kept (the most recent `size` of them): Kysely asks
 * better-sqlite3 to prepare every query again, which was a ninth of the server's CPU under load.
 * Reusing a statement is safe here: each runs to completion synchronously (nothing iterates).
 */
function keepingStatements(database: SQLite.Database, size = 500): SQLite.Database {
  const kept = new Map<string, SQLite.Statement>()
  const prepare = (sql: string) => {
    let statement = kept.get(sql)
    if (statement) kept.delete(sql)
    else statement = database.prepare(sql)
    kept.set(sql, statement)
    if (kept.size > size) kept.delete(kept.keys().next().value as string)
    return statement
  }
  return new Proxy(database, {
    get(target, property) {
      if (property === 'prepare') return prepare
      const value = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
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
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: keepingStatements(database) }) })
  try {
    await migrate(db as Kysely<unknown>)
  } catch (error) {
    await db.destroy()
    throw error
  }
  // The query planner needs to know how selective each index is: without statistics it walked
  // the whole list for a search whose few matches an index finds (0.7 s at 100,000 conversations
  // for a two-word name). Measured when missing (about a second at that size), and after a
  // clinic is loaded; refreshed by SQLite's own rule on close.
  const measured = () =>
    (database.prepare("select count(*) as n from sqlite_master where name = 'sqlite_stat1'").get() as { n: number }).n >
      0 && (database.prepare('select count(*) as n from sqlite_stat1').get() as { n: number }).n > 0
  const analyze = () => {
    database.pragma('analysis_limit = 1000')
    database.exec('ANALYZE')
  }
  if (!measured()) analyze()
  const storage = createSqlStorage(db, options)
  return {
    ...storage,
    async addClinic(seed) {
      await storage.addClinic(seed)
      analyze()
    },
    async close() {
      database.pragma('optimize')
      await storage.close()
    },
  }
}

// The public API of @switchboard/server.

export type { SqliteStorageOptions } from './storage/createSqliteStorage'
export { createSqliteStorage } from './storage/createSqliteStorage'
export type { SqlStorage, SqlStorageOptions } from './storage/createSqlStorage'
export { createSqlStorage } from './storage/createSqlStorage'
export type { Database } from './storage/database'
export { migrate } from './storage/migrations'

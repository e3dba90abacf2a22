/** Where PostgreSQL's programs and redis-server are. */
export interface FoundServices {
  postgres: string
  redis: string
}
export declare function postgresBin(env?: Record<string, string | undefined>): string | null
export declare function redisServer(env?: Record<string, string | undefined>): string | null
export declare function ensureServices(options?: { log?: (line: string) => void }): FoundServices
/** A PostgreSQL server of a run's own, in a temporary directory on 127.0.0.1. */
export interface StartedPostgres {
  /** The server's own `postgres` database. */
  url: string
  /** Creates an empty database (ICU English collation with `collation: 'en-US'`); answers its URL. */
  database(options?: { collation?: 'en-US' }): Promise<string>
  stop(): Promise<void>
}
/** A Redis server of a run's own on 127.0.0.1. */
export interface StartedRedis {
  url: string
  stop(): Promise<void>
}
export declare function freePort(): Promise<number>
export declare function startPostgres(): Promise<StartedPostgres>
export declare function startRedis(): Promise<StartedRedis>

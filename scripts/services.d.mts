/** Where PostgreSQL's programs and redis-server are. */
export interface FoundServices {
  postgres: string
  redis: string
}
export declare function postgresBin(env?: Record<string, string | undefined>): string | null
export declare function redisServer(env?: Record<string, string | undefined>): string | null
export declare function ensureServices(options?: { log?: (line: string) => void }): FoundServices

import { createAdapter } from '@socket.io/redis-streams-adapter'
import { createClient } from 'redis'
import type { SocketOptions } from './attachSockets'

/** A connection to Redis and the socket.io adapter over it. */
export interface RedisConnection {
  /** For `createServer({ socketAdapter })`. */
  adapter: NonNullable<SocketOptions['adapter']>
  /** Closes the connection (after the server's sockets are closed). */
  close(): Promise<void>
}

/**
 * Connects to Redis for several server instances: socket.io's Redis streams adapter, so that an
 * event committed on one instance, and typing and viewing, reach the clinic's sockets on all of
 * them. Chosen over the classic pub/sub adapter because a Redis stream keeps what was published
 * while an instance's connection to Redis was down, and the adapter reads on from where it was:
 * a pub/sub message sent meanwhile is simply lost. (A client that reconnects, to any instance,
 * catches up from the database's event log either way.) Resolves once connected; rejects with
 * Redis' error when it cannot connect.
 *
 * @example
 * const redis = await connectRedis('redis://cache.internal:6379')
 * const server = await createServer({ service, tokens, socketAdapter: redis.adapter })
 */
export async function connectRedis(
  url: string,
  options: { onError?: (error: Error) => void } = {},
): Promise<RedisConnection> {
  let connected = false
  const where = new URL(url).host
  const client = createClient({
    url,
    socket: {
      // Once connected, it reconnects by itself for as long as it takes; the first connection
      // gives up after about 5 s, so a wrong REDIS_URL stops the start with a reason.
      reconnectStrategy: (retries: number, cause: Error) =>
        connected
          ? Math.min(100 * 2 ** retries, 3000)
          : retries >= 10
            ? new Error(`Redis at ${where}: ${cause.message}`)
            : 500,
    },
  })
  // Its errors while reconnecting are reported, not thrown at random.
  client.on('error', (error: Error) => options.onError?.(error))
  await client.connect()
  connected = true
  return {
    adapter: createAdapter(client),
    async close() {
      if (client.isOpen) await client.quit()
    },
  }
}

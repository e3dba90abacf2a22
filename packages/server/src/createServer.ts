import type { InboxService } from '@switchboard/service'
import type { FastifyInstance } from 'fastify'
import type { Tokens } from './auth/createTokens'
import { createHttpApp, type HttpAppOptions } from './http/createHttpApp'
import { attachSockets, type SocketOptions } from './realtime/attachSockets'

/** Options of {@link createServer}. */
export interface ServerOptions extends Omit<HttpAppOptions, 'service' | 'tokens'> {
  service: InboxService
  tokens: Tokens
  /** socket.io's path. Default `/socket.io`. */
  socketPath?: string
  /**
   * socket.io's adapter, for several instances (e.g. {@link connectRedis}'s): events and presence
   * then reach the sockets of every instance. Default: this instance's sockets only.
   */
  socketAdapter?: SocketOptions['adapter']
  /** How long `close` waits for requests in flight before cutting them off. Default 10 s. */
  drainMs?: number
}

/** A running reference server. */
export interface SwitchboardServer {
  app: FastifyInstance
  /** The base URL it listens on, e.g. `http://127.0.0.1:8787`, once `listen` resolved. */
  url(): string
  /** Starts listening (port 0: a free one). */
  listen(options: { port: number; host?: string }): Promise<string>
  /** Open sockets. */
  sockets(): number
  /**
   * Stops: sockets are told and closed first, then the HTTP server stops taking requests and
   * waits for those in flight to be answered.
   */
  close(): Promise<void>
}

/**
 * The reference server: the HTTP contract on Fastify and the realtime channel on socket.io,
 * over one inbox service.
 *
 * @example
 * const server = await createServer({ service, tokens })
 * await server.listen({ port: 8787, host: '127.0.0.1' })
 */
export async function createServer(options: ServerOptions): Promise<SwitchboardServer> {
  const app = await createHttpApp(options)
  const sockets = attachSockets(app.server, {
    service: options.service,
    tokens: options.tokens,
    ...(options.socketPath ? { path: options.socketPath } : {}),
    ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}),
    ...(options.socketAdapter ? { adapter: options.socketAdapter } : {}),
  })
  let url = ''
  return {
    app,
    url: () => url,
    async listen({ port, host = '127.0.0.1' }) {
      url = await app.listen({ port, host })
      return url
    },
    sockets: sockets.count,
    async close() {
      await sockets.close()
      // Connections that finish their request while the server closes stay open for keep-alive;
      // close each as soon as it is idle, and cut off what is still running after the drain time.
      const sweep = setInterval(() => app.server.closeIdleConnections(), 25)
      const deadline = setTimeout(() => app.server.closeAllConnections(), options.drainMs ?? 10_000)
      try {
        await app.close()
      } finally {
        clearInterval(sweep)
        clearTimeout(deadline)
      }
    },
  }
}

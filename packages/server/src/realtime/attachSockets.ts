import type { Server as HttpServer } from 'node:http'
import {
  hasPermission,
  isSwitchboardError,
  type ServerEvent,
  typingRequestSchema,
  viewingRequestSchema,
} from '@switchboard/protocol'
import type { Actor, InboxService } from '@switchboard/service'
import { Server, type ServerOptions, type Socket } from 'socket.io'
import type { Tokens } from '../auth/createTokens'

/** What a socket is sent, then closed with, when its session ends (as the mock does). */
export const SESSION_EXPIRED = { code: 'unauthorized', message: 'Your session has expired; sign in again.' } as const

const clinicRoom = (clinicId: string) => `clinic:${clinicId}`
const userRoom = (clinicId: string, userId: string) => `user:${clinicId}:${userId}`

/** Options of {@link attachSockets}. */
export interface SocketOptions {
  service: InboxService
  tokens: Tokens
  /** socket.io's path. Default `/socket.io`. */
  path?: string
  /** Origins allowed to connect from a browser. Default none (same origin only). */
  corsOrigins?: readonly string[]
  /** socket.io's adapter (several instances: see `connectRedis`). Default: in this process. */
  adapter?: ServerOptions['adapter']
}

/**
 * The realtime channel on socket.io: a socket authenticates in its handshake (`auth.token`),
 * joins its clinic's room and receives that clinic's events only; typing and viewing are relayed
 * to the clinic's other staff. Each event is emitted by the instance that committed it; with a
 * shared adapter it reaches the clinic's sockets on every instance. A socket whose token expires is told (`session_expired`) and
 * disconnected, so no message body reaches a session that has ended.
 */
export function attachSockets(server: HttpServer, options: SocketOptions) {
  const io = new Server(server, {
    path: options.path ?? '/socket.io',
    serveClient: false,
    cors: options.corsOrigins?.length ? { origin: [...options.corsOrigins] } : { origin: false },
    maxHttpBufferSize: 100_000,
    ...(options.adapter ? { adapter: options.adapter } : {}),
  })

  io.use(async (socket, next) => {
    try {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token
      const session = await options.tokens.verify(typeof token === 'string' ? token : null)
      if (!hasPermission(session.actor, 'messaging')) {
        return next(Object.assign(new Error('forbidden'), { data: { code: 'forbidden' } }))
      }
      socket.data.actor = session.actor
      socket.data.expiresAt = session.expiresAt
      next()
    } catch (error) {
      const code = isSwitchboardError(error) ? error.code : 'unauthorized'
      next(Object.assign(new Error('unauthorized'), { data: { code } }))
    }
  })

  io.on('connection', (socket: Socket) => {
    const actor = socket.data.actor as Actor
    void socket.join([clinicRoom(actor.clinicId), userRoom(actor.clinicId, actor.userId)])
    let viewing: string | null = null
    const expiry = setTimeout(
      () => {
        socket.emit('session_expired', SESSION_EXPIRED)
        socket.disconnect(true)
      },
      Math.max(0, (socket.data.expiresAt as number) - Date.now()),
    )
    socket.on('typing', (payload: unknown) => {
      const request = typingRequestSchema.safeParse(payload)
      if (request.success)
        options.service.setTyping(actor, request.data.conversationId, request.data.typing).catch(() => undefined)
    })
    socket.on('viewing', (payload: unknown) => {
      const request = viewingRequestSchema.safeParse(payload)
      if (!request.success) return
      const { conversationId, viewing: on } = request.data
      if (on && viewing && viewing !== conversationId)
        options.service.setViewing(actor, viewing, false).catch(() => undefined)
      if (on) viewing = conversationId
      else if (viewing === conversationId) viewing = null
      options.service.setViewing(actor, conversationId, on).catch(() => undefined)
    })
    socket.on('disconnect', () => {
      clearTimeout(expiry)
      if (viewing) options.service.setViewing(actor, viewing, false).catch(() => undefined)
    })
  })

  const unsubscribe = options.service.subscribe((clinicId: string, event: ServerEvent) => {
    const room = io.to(clinicRoom(clinicId))
    // Presence goes to everyone else: a user's own tabs do not see themselves typing.
    if (event.type === 'typing' || event.type === 'viewing')
      room.except(userRoom(clinicId, event.userId)).emit('event', event)
    else room.emit('event', event)
  })

  return {
    io,
    /** Sockets open now. */
    count: () => io.sockets.sockets.size,
    /** Closes every socket and stops listening to the service. */
    async close(): Promise<void> {
      unsubscribe()
      // This instance's sockets only (with a shared adapter, `io.disconnectSockets` would close
      // every instance's).
      for (const socket of io.sockets.sockets.values()) socket.disconnect(true)
      // The engine's connections only: the HTTP server is the app's to close (it drains requests).
      io.engine.close()
      await io.of('/').adapter.close()
    },
  }
}

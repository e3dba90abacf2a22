import { hasPermission, type ServerEvent, typingRequestSchema, viewingRequestSchema } from '@switchboard/protocol'
import type { Actor, InboxService } from '@switchboard/service'
import { ws } from 'msw'
import type { Authenticate } from './http/defineRoute'

/** How often the mock pings each socket, as a socket.io server does (ms). */
const PING_INTERVAL = 20_000

/** Open sockets the backend can drop, to exercise reconnects. */
export interface SocketRegistry {
  /** Closes every open socket as a network drop would. */
  dropAll(): void
  /** How many sockets are open. */
  count(): number
  /** Checks every open socket's token again; those no longer valid are told and closed. */
  revalidate(): void
}

/** What a socket is sent, then closed with, when its session ends. */
export const SESSION_EXPIRED = {
  code: 'unauthorized',
  message: 'Your session has expired; sign in again.',
} as const

/**
 * Speaks enough of the engine.io v4 / socket.io v5 protocol over MSW's WebSocket interception for
 * `socket.io-client` (websocket transport): the handshake with `auth: { token }` (refused with a
 * CONNECT_ERROR for a bad token), pings, server `event` pushes and client `typing`. A session
 * that ends (its token expires or is revoked) gets `session_expired` and is disconnected: no
 * event reaches a socket whose token is no longer valid.
 */
export function createSocketHandler(socketUrl: string, service: InboxService, authenticate: Authenticate) {
  const open = new Set<{ close(): void; revalidate(): void }>()
  // socket.io connects to `/socket.io/?EIO=4…`; MSW matches that only with a host-wide pattern.
  const link = ws.link(`${socketUrl.replace(/\/$/, '')}/*`)
  const handler = link.addEventListener('connection', ({ client }) => {
    let actor: Actor | null = null
    let token: string | null = null
    let expiry: ReturnType<typeof setTimeout> | null = null
    let unsubscribe: (() => void) | null = null
    /** The conversation this socket's user has open, announced as left when the socket goes. */
    let viewing: string | null = null
    const send = (event: string, data: unknown) => client.send(`42${JSON.stringify([event, data])}`)
    client.send(
      `0${JSON.stringify({ sid: crypto.randomUUID(), upgrades: [], pingInterval: PING_INTERVAL, pingTimeout: 20_000, maxPayload: 1_000_000 })}`,
    )
    const ping = setInterval(() => client.send('2'), PING_INTERVAL)
    /** Tells the client its session ended and disconnects it from the namespace (socket.io DISCONNECT). */
    const endSession = () => {
      send('session_expired', SESSION_EXPIRED)
      client.send('41')
      leave()
    }
    /** Whether the socket's session still holds; ends it when not. */
    const stillValid = () => {
      if (!actor) return false
      if ('error' in authenticate(token)) {
        endSession()
        return false
      }
      return true
    }
    const entry = {
      close: () => {
        cleanup()
        client.close(1001, 'transport close')
      },
      revalidate: () => void stillValid(),
    }
    open.add(entry)
    /** The namespace is left (the session ended, or the client disconnected it); the connection stays. */
    const leave = () => {
      if (expiry) clearTimeout(expiry)
      expiry = null
      unsubscribe?.()
      unsubscribe = null
      if (actor && viewing) service.setViewing(actor, viewing, false).catch(() => undefined)
      viewing = null
      actor = null
    }
    /** The connection is gone. */
    const cleanup = () => {
      leave()
      clearInterval(ping)
      open.delete(entry)
    }
    client.addEventListener('close', cleanup)
    client.addEventListener('message', (message) => {
      const data = typeof message.data === 'string' ? message.data : ''
      if (data.startsWith('40')) {
        leave()
        const auth = parse(data.slice(2)) as { token?: unknown } | null
        token = typeof auth?.token === 'string' ? auth.token : null
        const result = authenticate(token)
        if ('error' in result) {
          client.send(`44${JSON.stringify({ message: 'unauthorized', data: { code: 'unauthorized' } })}`)
          return
        }
        actor = result.actor
        const me = actor
        client.send(`40${JSON.stringify({ sid: crypto.randomUUID() })}`)
        if (result.expiresAt !== null) {
          expiry = setTimeout(() => void stillValid(), Math.max(0, result.expiresAt - Date.now()))
        }
        unsubscribe = service.subscribe((clinicId, event: ServerEvent) => {
          if (clinicId !== me.clinicId || !hasPermission(me, 'messaging')) return
          if ((event.type === 'typing' || event.type === 'viewing') && event.userId === me.userId) return
          if (stillValid()) send('event', event)
        })
      } else if (data === '41') {
        leave()
      } else if (data.startsWith('42') && stillValid() && actor) {
        const [name, payload] = (parse(data.slice(2)) as [string, unknown] | null) ?? []
        if (name === 'typing') {
          const typing = typingRequestSchema.safeParse(payload)
          if (typing.success)
            service.setTyping(actor, typing.data.conversationId, typing.data.typing).catch(() => undefined)
        } else if (name === 'viewing') {
          const request = viewingRequestSchema.safeParse(payload)
          if (!request.success) return
          const { conversationId, viewing: on } = request.data
          if (on && viewing && viewing !== conversationId)
            service.setViewing(actor, viewing, false).catch(() => undefined)
          if (on) viewing = conversationId
          else if (viewing === conversationId) viewing = null
          service.setViewing(actor, conversationId, on).catch(() => undefined)
        }
      }
    })
  })
  const registry: SocketRegistry = {
    dropAll: () => {
      for (const socket of [...open]) socket.close()
    },
    count: () => open.size,
    revalidate: () => {
      for (const socket of [...open]) socket.revalidate()
    },
  }
  return { handler, registry }
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null
  } catch {
    return null
  }
}

import { type ServerEvent, typingRequestSchema, viewingRequestSchema } from '@switchboard/protocol'
import type { Actor, InboxService } from '@switchboard/service'
import { ws } from 'msw'

/** How often the mock pings each socket, as a socket.io server does (ms). */
const PING_INTERVAL = 20_000

/** Open sockets the backend can drop, to exercise reconnects. */
export interface SocketRegistry {
  /** Closes every open socket as a network drop would. */
  dropAll(): void
  /** How many sockets are open. */
  count(): number
}

/**
 * Speaks enough of the engine.io v4 / socket.io v5 protocol over MSW's WebSocket interception for
 * `socket.io-client` (websocket transport): the handshake with `auth: { token }` (refused with a
 * CONNECT_ERROR for a bad token), pings, server `event` pushes and client `typing`.
 */
export function createSocketHandler(
  socketUrl: string,
  service: InboxService,
  authenticate: (token: string | null) => { actor: Actor } | { error: Response },
) {
  const open = new Set<{ close(): void }>()
  // socket.io connects to `/socket.io/?EIO=4…`; MSW matches that only with a host-wide pattern.
  const link = ws.link(`${socketUrl.replace(/\/$/, '')}/*`)
  const handler = link.addEventListener('connection', ({ client }) => {
    let actor: Actor | null = null
    let unsubscribe: (() => void) | null = null
    /** The conversation this socket's user has open, announced as left when the socket goes. */
    let viewing: string | null = null
    const send = (event: string, data: unknown) => client.send(`42${JSON.stringify([event, data])}`)
    client.send(
      `0${JSON.stringify({ sid: crypto.randomUUID(), upgrades: [], pingInterval: PING_INTERVAL, pingTimeout: 20_000, maxPayload: 1_000_000 })}`,
    )
    const ping = setInterval(() => client.send('2'), PING_INTERVAL)
    const entry = {
      close: () => {
        cleanup()
        client.close(1001, 'transport close')
      },
    }
    open.add(entry)
    const cleanup = () => {
      clearInterval(ping)
      unsubscribe?.()
      unsubscribe = null
      open.delete(entry)
      if (actor && viewing) service.setViewing(actor, viewing, false).catch(() => undefined)
      viewing = null
    }
    client.addEventListener('close', cleanup)
    client.addEventListener('message', (message) => {
      const data = typeof message.data === 'string' ? message.data : ''
      if (data.startsWith('40')) {
        const auth = parse(data.slice(2)) as { token?: unknown } | null
        const result = authenticate(typeof auth?.token === 'string' ? auth.token : null)
        if ('error' in result) {
          client.send(`44${JSON.stringify({ message: 'unauthorized', data: { code: 'unauthorized' } })}`)
          return
        }
        actor = result.actor
        const me = actor
        client.send(`40${JSON.stringify({ sid: crypto.randomUUID() })}`)
        unsubscribe = service.subscribe((clinicId, event: ServerEvent) => {
          if (clinicId !== me.clinicId || !me.permissions.includes('messaging')) return
          if ((event.type === 'typing' || event.type === 'viewing') && event.userId === me.userId) return
          send('event', event)
        })
      } else if (data === '41') {
        cleanup()
      } else if (data.startsWith('42') && actor) {
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

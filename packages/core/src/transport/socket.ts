import { errorBodySchema, type ServerEvent, serverEventSchema } from '@switchboard/protocol'
import { InboxError } from '../errors'
import type { GetToken } from './httpRequest'
import type { RealtimeHandlers } from './Transport'

/** What the server sends (on `session_expired`) before it disconnects a socket whose session ended. */
const sessionEndSchema = errorBodySchema.shape.error

/** The part of a socket.io-client `Socket` the transport uses. */
export interface SocketLike {
  readonly connected: boolean
  readonly active: boolean
  // biome-ignore lint/suspicious/noExplicitAny: socket.io listeners take any arguments
  on(event: string, listener: (...args: any[]) => void): unknown
  emit(event: string, ...args: unknown[]): unknown
  connect(): unknown
  disconnect(): unknown
  // biome-ignore lint/suspicious/noExplicitAny: socket.io listeners take any arguments
  io: { on(event: string, listener: (...args: any[]) => void): unknown }
}

/** A socket.io-client `io` function (or a stand-in with its shape). */
export type IoFactory = (url: string, options: Record<string, unknown>) => SocketLike

/** socket.io details of the HTTP transport. */
export interface SocketOptions {
  /** The socket.io path. Default `/socket.io`. */
  path?: string
  /** socket.io-client transports. Default `['websocket']`. */
  transports?: unknown[]
  /** The `io` to use instead of importing `socket.io-client` on first connect. */
  io?: IoFactory
  /** Reconnect delays in ms. Default 1,000 doubling up to 10,000. */
  reconnectionDelay?: number
  reconnectionDelayMax?: number
}

/**
 * Opens the socket.io channel: auth with a fresh token at each attempt (forced after a refusal),
 * reconnects after drops (socket.io's own backoff; by hand after a refusal, up to three times),
 * validates each event and reports the connection state. When the server ends the session
 * (`session_expired`, then a disconnect), the state says `unauthorized` at once and the socket
 * tries again once with a refreshed token: a host that renews tokens carries on, otherwise the
 * connection stays down with the expired-session error.
 */
export function connectSocket(
  url: string,
  getToken: GetToken,
  handlers: RealtimeHandlers,
  options: SocketOptions = {},
  readEvent: (payload: unknown) => ServerEvent | null = (payload) => {
    const parsed = serverEventSchema.safeParse(payload)
    if (parsed.success) return parsed.data
    handlers.onError?.(
      new InboxError('malformed_response', 'The server pushed an event that breaks the contract; it was ignored.', {
        retryable: false,
        details: parsed.error.issues.slice(0, 3),
      }),
    )
    return null
  },
) {
  let socket: SocketLike | null = null
  let closed = false
  let forceRefresh = false
  let refusals = 0
  /** The server ended the session: until a connect succeeds, every state carries this error. */
  let expired: InboxError | null = null
  handlers.onStatus('connecting')

  const load: Promise<IoFactory> = options.io
    ? Promise.resolve(options.io)
    : import('socket.io-client').then((m) => m.io as unknown as IoFactory)

  load.then(
    (io) => {
      if (closed) return
      let s: SocketLike
      try {
        s = io(url, {
          path: options.path ?? '/socket.io',
          transports: options.transports ?? ['websocket'],
          reconnectionDelay: options.reconnectionDelay ?? 1000,
          reconnectionDelayMax: options.reconnectionDelayMax ?? 10_000,
          auth: (cb: (data: { token: string }) => void) => {
            Promise.resolve(getToken({ forceRefresh })).then(
              (token) => cb({ token }),
              () => cb({ token: '' }),
            )
            forceRefresh = false
          },
        })
      } catch (error) {
        // A socket that cannot even be made (e.g. a browser-only transport outside a browser)
        // says so, instead of leaving the state "connecting" for ever.
        handlers.onStatus(
          'disconnected',
          new InboxError(
            'network_error',
            `The live connection could not start: ${(error as Error)?.message ?? error}`,
            {
              retryable: false,
            },
          ),
        )
        return
      }
      socket = s
      s.on('connect', () => {
        refusals = 0
        expired = null
        handlers.onStatus('connected')
      })
      s.on('session_expired', (payload: unknown) => {
        const parsed = sessionEndSchema.safeParse(payload)
        expired = new InboxError('unauthorized', parsed.success ? parsed.data.message : 'Your session has expired.')
        forceRefresh = true
        // One retry with a refreshed token; a refusal then leaves the connection down.
        refusals = 3
        handlers.onStatus('reconnecting', expired)
      })
      s.on('disconnect', (reason: string) => {
        if (closed) return
        handlers.onStatus(
          'reconnecting',
          expired ?? new InboxError('network_error', `The live connection dropped (${reason}).`),
        )
        if (reason === 'io server disconnect') s.connect()
      })
      s.on('connect_error', (error: Error & { data?: { code?: string } }) => {
        if (closed) return
        if (s.active) {
          handlers.onStatus(
            'reconnecting',
            expired ?? new InboxError('network_error', 'Cannot reach the live connection; retrying.'),
          )
          return
        }
        // Refused by the server (bad or expired token): get a new token and try again by hand.
        refusals += 1
        forceRefresh = true
        if (refusals > 3) {
          handlers.onStatus('disconnected', new InboxError('unauthorized', 'Your session has expired; sign in again.'))
          return
        }
        handlers.onStatus(
          'reconnecting',
          new InboxError('unauthorized', error.message || 'The live connection was refused.'),
        )
        setTimeout(() => {
          if (!closed) s.connect()
        }, 500 * refusals)
      })
      s.io.on('reconnect_attempt', () => {
        if (!closed) handlers.onStatus('reconnecting', expired ?? undefined)
      })
      s.on('event', (payload: unknown) => {
        const event = readEvent(payload)
        if (event) handlers.onEvent(event)
      })
    },
    () => {
      handlers.onStatus(
        'disconnected',
        new InboxError('network_error', 'Realtime needs socket.io-client: npm install socket.io-client', {
          retryable: false,
        }),
      )
    },
  )

  return {
    close() {
      if (closed) return
      closed = true
      socket?.disconnect()
      handlers.onStatus('disconnected')
    },
    emit(event: string, data: unknown) {
      if (socket?.connected) socket.emit(event, data)
    },
  }
}

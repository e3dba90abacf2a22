import {
  conversationSchema,
  inboxSchema,
  meResponseSchema,
  teamMemberSchema,
  unreadTotalsSchema,
} from '@switchboard/protocol'
import { InboxError, toInboxError } from '../errors'
import { pageUrl } from '../pageUrl'
import type { GetToken, HttpConfig } from './httpRequest'
import type { LaterRoutes } from './laterRoutes'
import { createReaders } from './readers'
import { routeKit } from './routeKit'
import type { SocketOptions } from './socket'
import type { RealtimeHandlers, Transport } from './Transport'

/** Options of {@link createHttpTransport}. */
export interface HttpTransportOptions {
  /** Where the HTTP contract is served, e.g. `https://pms.example/api/sms`. */
  baseUrl: string
  /** The staff user's bearer token; called again with `forceRefresh: true` after a 401. */
  getToken: GetToken
  /** The socket.io server; defaults to the base URL's origin. */
  socketUrl?: string
  /** socket.io details (path, transports, a custom `io`), mostly for tests. */
  socket?: SocketOptions
  /** A fetch to use instead of the global one. */
  fetch?: typeof fetch
  /** How long a call may take before it fails with `timeout`. Default 15 s. */
  timeoutMs?: number
  /**
   * Origins besides the API's own that serve the clinic's files (a CDN or bucket), e.g.
   * `['https://files.pms.example']`. Attachment links elsewhere are never rendered.
   */
  fileOrigins?: string[]
  /**
   * Receives items left out of a reply because they break the contract (one bad message never
   * hides a thread). Default: the realtime `onError` while connected, else `console.warn`.
   */
  onMalformed?: (error: InboxError) => void
}

const encode = encodeURIComponent

/** The routes in `laterRoutes`, loaded after the inbox is up. */
const LATER_ROUTES = [
  'startConversation',
  'updateConversation',
  'deleteConversation',
  'markUnread',
  'assignToClient',
  'resendMessage',
  'listLibrary',
  'renameDocument',
  'removeDocument',
  'searchClients',
  'getClient',
  'createClient',
  'updateClient',
  'clientMessages',
  'block',
  'unblock',
  'listContacts',
  'recordConsent',
  'createInbox',
  'updateInbox',
  'listTemplates',
  'createTemplate',
  'updateTemplate',
  'deleteTemplate',
  'getSettings',
  'updateSettings',
  'metrics',
  'eventsAfter',
] as const satisfies readonly (keyof Transport)[]
/** The name of a route in `laterRoutes`. */
export type LaterRouteName = (typeof LATER_ROUTES)[number]

/**
 * The default transport: HTTP with `fetch` for calls, socket.io for events, every answer validated
 * against the wire contract.
 *
 * @example
 * const transport = createHttpTransport({ baseUrl: '/api/sms', getToken: () => session.token })
 * const client = createInboxClient({ transport })
 */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const baseUrl = options.baseUrl.replace(/\/$/, '')
  const config: HttpConfig = {
    baseUrl,
    getToken: options.getToken,
    fetch: options.fetch ?? ((...args) => globalThis.fetch(...args)),
    timeoutMs: options.timeoutMs ?? 15_000,
  }
  let realtime: { close(): void; emit(event: string, data: unknown): void } | null = null
  let handlersNow: RealtimeHandlers | null = null
  const read = createReaders(
    (error) =>
      options.onMalformed?.(error) ?? (handlersNow?.onError ? handlersNow.onError(error) : console.warn(error.message)),
  )
  const { strict } = read
  const routes = routeKit(config, read)
  const { get, send, getStamped, sendStamped } = routes
  // The routes no inbox needs on load (dialogs, menus, settings, the client panel, the catch-up that
  // runs once connected) load with the first connect, beside the socket, or with their first call
  // if that comes first.
  let loadingLater: Promise<LaterRoutes> | null = null
  const later = () =>
    (loadingLater ??= import('./laterRoutes').then(
      (m) => m.laterRoutes(routes),
      (error: unknown) => {
        loadingLater = null
        throw toInboxError(error)
      },
    ))
  const laterRoutes = Object.fromEntries(
    LATER_ROUTES.map((name) => [
      name,
      async (...args: unknown[]) => ((await later())[name] as (...a: unknown[]) => unknown)(...args),
    ]),
  ) as unknown as LaterRoutes

  return {
    fileOrigins: [new URL(baseUrl, pageUrl()).origin, ...(options.fileOrigins ?? [])],
    me: () => get('/me', strict(meResponseSchema)),
    listConversations: (query) => getStamped('/conversations', read.conversationPage, { ...query }),
    getConversation: (id) => getStamped(`/conversations/${encode(id)}`, strict(conversationSchema)),
    markRead: (id) => sendStamped('POST', `/conversations/${encode(id)}/read`, strict(conversationSchema)),
    listMessages: (id, query = {}) => getStamped(`/conversations/${encode(id)}/messages`, read.messagePage, query),
    sendMessage: (id, request) => send('POST', `/conversations/${encode(id)}/messages`, read.message, request),
    // The uploader (XMLHttpRequest, for progress) loads with the first file attached, not with the inbox.
    uploadAttachment: async (file, uploadOptions = {}) =>
      (await import('./upload')).upload(config, file, uploadOptions),
    listInboxes: () => get('/inboxes', read.list(inboxSchema, 'inbox')),
    listTeam: () => get('/team', read.list(teamMemberSchema, 'team member')),
    unread: () => getStamped('/unread', strict(unreadTotalsSchema)),
    ...laterRoutes,
    connect(handlers) {
      realtime?.close()
      handlersNow = handlers
      handlers.onStatus('connecting')
      // The socket's code loads with the first connect, beside the first page's request, not with
      // the page: nothing is drawn from it.
      let socket: { close(): void; emit(event: string, data: unknown): void } | null = null
      let closed = false
      const connection = {
        close() {
          if (closed) return
          closed = true
          if (socket) socket.close()
          else handlers.onStatus('disconnected')
        },
        emit: (event: string, data: unknown) => socket?.emit(event, data),
      }
      void later().catch(() => undefined)
      import('./socket').then(
        ({ connectSocket }) => {
          if (closed) return
          socket = connectSocket(
            options.socketUrl ?? new URL(baseUrl, pageUrl()).origin,
            options.getToken,
            handlers,
            options.socket,
            read.event,
          )
        },
        () => {
          if (!closed)
            handlers.onStatus('disconnected', new InboxError('network_error', 'The live connection could not load.'))
        },
      )
      realtime = connection
      return () => {
        connection.close()
        if (realtime === connection) {
          realtime = null
          handlersNow = null
        }
      }
    },
    sendTyping(conversationId, typing) {
      realtime?.emit('typing', { conversationId, typing })
    },
    sendViewing(conversationId, viewing) {
      realtime?.emit('viewing', { conversationId, viewing })
    },
  }
}

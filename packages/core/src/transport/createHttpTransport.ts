import {
  attachmentSchema,
  clientSchema,
  contactSchema,
  conversationSchema,
  inboxSchema,
  meResponseSchema,
  metricsSchema,
  settingsSchema,
  teamMemberSchema,
  templateSchema,
  unreadTotalsSchema,
} from '@switchboard/protocol'
import { InboxError } from '../errors'
import { type GetToken, type HttpConfig, httpRequest, stampedRequest } from './httpRequest'
import { createReaders, type Reader } from './readers'
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
const here = () => globalThis.location?.href ?? 'http://localhost/'

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
  const get = <T>(path: string, read: Reader<T>, query?: Record<string, string | number | boolean | undefined>) =>
    httpRequest(config, { method: 'GET', path, read, ...(query ? { query } : {}) })
  const send = <T>(method: 'POST' | 'PATCH' | 'PUT', path: string, read: Reader<T>, body?: unknown) =>
    httpRequest(config, { method, path, read, body: body ?? {} })
  const remove = async (path: string): Promise<void> => {
    await httpRequest(config, { method: 'DELETE', path, read: null })
  }
  // Replies about conversations, messages, contacts and unread totals carry their event-log seq.
  const getStamped = <T>(
    path: string,
    read: Reader<T>,
    query?: Record<string, string | number | boolean | undefined>,
  ) => stampedRequest(config, { method: 'GET', path, read, ...(query ? { query } : {}) })
  const sendStamped = <T>(method: 'POST' | 'PATCH', path: string, read: Reader<T>, body?: unknown) =>
    stampedRequest(config, { method, path, read, body: body ?? {} })
  let realtime: { close(): void; emit(event: string, data: unknown): void } | null = null
  let handlersNow: RealtimeHandlers | null = null
  const read = createReaders(
    (error) =>
      options.onMalformed?.(error) ?? (handlersNow?.onError ? handlersNow.onError(error) : console.warn(error.message)),
  )
  const { strict } = read

  return {
    fileOrigins: [new URL(baseUrl, here()).origin, ...(options.fileOrigins ?? [])],
    me: () => get('/me', strict(meResponseSchema)),
    listConversations: (query) => getStamped('/conversations', read.conversationPage, { ...query }),
    getConversation: (id) => getStamped(`/conversations/${encode(id)}`, strict(conversationSchema)),
    startConversation: (request) => sendStamped('POST', '/conversations', read.startConversation, request),
    updateConversation: (id, patch) =>
      sendStamped('PATCH', `/conversations/${encode(id)}`, strict(conversationSchema), patch),
    deleteConversation: (id) =>
      stampedRequest(config, { method: 'DELETE', path: `/conversations/${encode(id)}`, read: null }),
    markRead: (id) => sendStamped('POST', `/conversations/${encode(id)}/read`, strict(conversationSchema)),
    markUnread: (id) => sendStamped('POST', `/conversations/${encode(id)}/unread`, strict(conversationSchema)),
    assignToClient: (id, request) =>
      sendStamped('POST', `/conversations/${encode(id)}/client`, strict(conversationSchema), request),
    listMessages: (id, query = {}) => getStamped(`/conversations/${encode(id)}/messages`, read.messagePage, query),
    sendMessage: (id, request) => send('POST', `/conversations/${encode(id)}/messages`, read.message, request),
    resendMessage: (id, messageId, request) =>
      send('POST', `/conversations/${encode(id)}/messages/${encode(messageId)}/resend`, read.message, request),
    // The uploader (XMLHttpRequest, for progress) loads with the first file attached, not with the inbox.
    uploadAttachment: async (file, uploadOptions = {}) =>
      (await import('./upload')).upload(config, file, uploadOptions),
    listLibrary: () => get('/attachments/library', read.attachments),
    renameDocument: (id, name) =>
      send('PATCH', `/attachments/library/${encode(id)}`, strict(attachmentSchema), { name }),
    removeDocument: (id) => remove(`/attachments/library/${encode(id)}`),
    searchClients: (q) => get('/clients', read.list(clientSchema, 'client'), { q }),
    getClient: (id) => get(`/clients/${encode(id)}`, strict(clientSchema)),
    createClient: (request) => send('POST', '/clients', strict(clientSchema), request),
    updateClient: (id, patch) => send('PATCH', `/clients/${encode(id)}`, strict(clientSchema), patch),
    clientMessages: (id, query = {}) => get(`/clients/${encode(id)}/messages`, read.clientHistory, query),
    block: (phone) => sendStamped('POST', `/contacts/${encode(phone)}/block`, strict(contactSchema)),
    unblock: (phone) => sendStamped('POST', `/contacts/${encode(phone)}/unblock`, strict(contactSchema)),
    listContacts: (query = {}) =>
      getStamped('/contacts', read.list(contactSchema, 'contact'), {
        optedOut: query.optedOut,
        blocked: query.blocked,
      }),
    recordConsent: (phone, request) =>
      sendStamped('POST', `/contacts/${encode(phone)}/consent`, strict(contactSchema), request),
    listInboxes: () => get('/inboxes', read.list(inboxSchema, 'inbox')),
    createInbox: (name) => send('POST', '/inboxes', strict(inboxSchema), { name }),
    updateInbox: (id, patch) => send('PATCH', `/inboxes/${encode(id)}`, strict(inboxSchema), patch),
    listTeam: () => get('/team', read.list(teamMemberSchema, 'team member')),
    listTemplates: () => get('/templates', read.list(templateSchema, 'template')),
    createTemplate: (request) => send('POST', '/templates', strict(templateSchema), request),
    updateTemplate: (id, patch) => send('PATCH', `/templates/${encode(id)}`, strict(templateSchema), patch),
    deleteTemplate: (id) => remove(`/templates/${encode(id)}`),
    unread: () => getStamped('/unread', strict(unreadTotalsSchema)),
    getSettings: () => get('/settings', strict(settingsSchema)),
    updateSettings: (settings) => send('PUT', '/settings', strict(settingsSchema), settings),
    metrics: (query) => get('/metrics', strict(metricsSchema), query),
    eventsAfter: (seq) => get('/events', read.events, { after: seq }),
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
      import('./socket').then(
        ({ connectSocket }) => {
          if (closed) return
          socket = connectSocket(
            options.socketUrl ?? new URL(baseUrl, here()).origin,
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

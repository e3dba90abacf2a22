import {
  attachmentSchema,
  clientSchema,
  contactSchema,
  conversationSchema,
  eventsResponseSchema,
  inboxSchema,
  meResponseSchema,
  messagePageSchema,
  messageSchema,
  metricsSchema,
  pageSchema,
  settingsSchema,
  startConversationResponseSchema,
  teamMemberSchema,
  templateSchema,
  unreadTotalsSchema,
} from '@switchboard/protocol'
import * as z from 'zod/mini'
import { type GetToken, type HttpConfig, httpRequest } from './httpRequest'
import { connectSocket, type SocketOptions } from './socket'
import type { Transport } from './Transport'
import { upload } from './upload'

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
}

const conversationPage = pageSchema(conversationSchema)
const encode = encodeURIComponent

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
  const get = <S extends z.ZodMiniType>(
    path: string,
    schema: S,
    query?: Record<string, string | number | boolean | undefined>,
  ) => httpRequest(config, { method: 'GET', path, schema, ...(query ? { query } : {}) })
  const send = <S extends z.ZodMiniType>(method: 'POST' | 'PATCH' | 'PUT', path: string, schema: S, body?: unknown) =>
    httpRequest(config, { method, path, schema, body: body ?? {} })
  let realtime: ReturnType<typeof connectSocket> | null = null

  return {
    me: () => get('/me', meResponseSchema),
    listConversations: (query) => get('/conversations', conversationPage, { ...query }),
    getConversation: (id) => get(`/conversations/${encode(id)}`, conversationSchema),
    startConversation: (request) => send('POST', '/conversations', startConversationResponseSchema, request),
    updateConversation: (id, patch) => send('PATCH', `/conversations/${encode(id)}`, conversationSchema, patch),
    deleteConversation: (id) =>
      httpRequest(config, { method: 'DELETE', path: `/conversations/${encode(id)}`, schema: null }),
    markRead: (id) => send('POST', `/conversations/${encode(id)}/read`, conversationSchema),
    markUnread: (id) => send('POST', `/conversations/${encode(id)}/unread`, conversationSchema),
    assignToClient: (id, request) => send('POST', `/conversations/${encode(id)}/client`, conversationSchema, request),
    listMessages: (id, query = {}) => get(`/conversations/${encode(id)}/messages`, messagePageSchema, query),
    sendMessage: (id, request) => send('POST', `/conversations/${encode(id)}/messages`, messageSchema, request),
    uploadAttachment: (file, uploadOptions = {}) => upload(config, file, uploadOptions),
    listLibrary: () => get('/attachments/library', z.array(attachmentSchema)),
    searchClients: (q) => get('/clients', z.array(clientSchema), { q }),
    getClient: (id) => get(`/clients/${encode(id)}`, clientSchema),
    createClient: (request) => send('POST', '/clients', clientSchema, request),
    updateClient: (id, patch) => send('PATCH', `/clients/${encode(id)}`, clientSchema, patch),
    clientMessages: (id) => get(`/clients/${encode(id)}/messages`, z.array(messageSchema)),
    block: (phone) => send('POST', `/contacts/${encode(phone)}/block`, contactSchema),
    unblock: (phone) => send('POST', `/contacts/${encode(phone)}/unblock`, contactSchema),
    listContacts: (query = {}) => get('/contacts', z.array(contactSchema), { optedOut: query.optedOut }),
    recordConsent: (phone, request) => send('POST', `/contacts/${encode(phone)}/consent`, contactSchema, request),
    listInboxes: () => get('/inboxes', z.array(inboxSchema)),
    createInbox: (name) => send('POST', '/inboxes', inboxSchema, { name }),
    listTeam: () => get('/team', z.array(teamMemberSchema)),
    listTemplates: () => get('/templates', z.array(templateSchema)),
    unread: () => get('/unread', unreadTotalsSchema),
    getSettings: () => get('/settings', settingsSchema),
    updateSettings: (settings) => send('PUT', '/settings', settingsSchema, settings),
    metrics: (query) => get('/metrics', metricsSchema, query),
    eventsAfter: (seq) => get('/events', eventsResponseSchema, { after: seq }),
    connect(handlers) {
      realtime?.close()
      const connection = connectSocket(
        options.socketUrl ?? new URL(baseUrl, globalThis.location?.href ?? 'http://localhost').origin,
        options.getToken,
        handlers,
        options.socket,
      )
      realtime = connection
      return () => {
        connection.close()
        if (realtime === connection) realtime = null
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

import {
  type Attachment,
  attachmentSchema,
  type ClientHistoryPage,
  clientSchema,
  contactSchema,
  conversationSchema,
  type EventsResponse,
  type InboxEvent,
  inboxEventSchema,
  inboxSchema,
  messageSchema,
  metricsSchema,
  type StartConversationResponse,
  settingsSchema,
  templateSchema,
} from '@switchboard/protocol'
import * as z from 'zod/mini'
import type { LaterRouteName } from './createHttpTransport'
import { isRecord, type Reader, validate } from './readers'
import type { RouteKit } from './routeKit'
import type { Transport } from './Transport'

/** The HTTP transport's routes that load after the inbox is up (see `createHttpTransport`). */
export type LaterRoutes = Pick<Transport, LaterRouteName>

const encode = encodeURIComponent

/**
 * The routes of dialogs, menus, the client panel and settings, and the catch-up (which runs once
 * connected): nobody needs them to see the inbox, so they are not in its first load.
 */
export function laterRoutes({ read, get, send, remove, getStamped, sendStamped }: RouteKit): LaterRoutes {
  const { strict } = read
  const clientHistory = read.page(
    messageSchema,
    z.object({ nextBefore: z.nullable(z.string()) }),
    'message',
    read.withValidAttachments,
  ) as Reader<ClientHistoryPage>
  const startConversation: Reader<StartConversationResponse> = (body, reply) =>
    validate(
      z.object({ conversation: conversationSchema, created: z.boolean(), message: z.nullable(messageSchema) }),
      isRecord(body) && body.message ? { ...body, message: read.withValidAttachments(body.message) } : body,
      reply,
    )
  const events: Reader<EventsResponse> = (body, reply) => {
    const { events, lastSeq } = validate(z.object({ events: z.array(z.unknown()), lastSeq: z.number() }), body, reply)
    return { events: read.each<InboxEvent>(inboxEventSchema, events, 'event', read.withValidEventAttachments), lastSeq }
  }
  return {
    startConversation: (request) => sendStamped('POST', '/conversations', startConversation, request),
    updateConversation: (id, patch) =>
      sendStamped('PATCH', `/conversations/${encode(id)}`, strict(conversationSchema), patch),
    deleteConversation: (id) => sendStamped('DELETE', `/conversations/${encode(id)}`, null),
    markUnread: (id) => sendStamped('POST', `/conversations/${encode(id)}/unread`, strict(conversationSchema)),
    assignToClient: (id, request) =>
      sendStamped('POST', `/conversations/${encode(id)}/client`, strict(conversationSchema), request),
    resendMessage: (id, messageId, request) =>
      send('POST', `/conversations/${encode(id)}/messages/${encode(messageId)}/resend`, read.message, request),
    listLibrary: () => get('/attachments/library', read.list<Attachment>(attachmentSchema, 'attachment')),
    renameDocument: (id, name) =>
      send('PATCH', `/attachments/library/${encode(id)}`, strict(attachmentSchema), { name }),
    removeDocument: (id) => remove(`/attachments/library/${encode(id)}`),
    searchClients: (q) => get('/clients', read.list(clientSchema, 'client'), { q }),
    getClient: (id) => get(`/clients/${encode(id)}`, strict(clientSchema)),
    createClient: (request) => send('POST', '/clients', strict(clientSchema), request),
    updateClient: (id, patch) => send('PATCH', `/clients/${encode(id)}`, strict(clientSchema), patch),
    clientMessages: (id, query = {}) => get(`/clients/${encode(id)}/messages`, clientHistory, query),
    block: (phone) => sendStamped('POST', `/contacts/${encode(phone)}/block`, strict(contactSchema)),
    unblock: (phone) => sendStamped('POST', `/contacts/${encode(phone)}/unblock`, strict(contactSchema)),
    listContacts: (query = {}) =>
      getStamped('/contacts', read.list(contactSchema, 'contact'), {
        optedOut: query.optedOut,
        blocked: query.blocked,
      }),
    recordConsent: (phone, request) =>
      sendStamped('POST', `/contacts/${encode(phone)}/consent`, strict(contactSchema), request),
    createInbox: (name) => send('POST', '/inboxes', strict(inboxSchema), { name }),
    updateInbox: (id, patch) => send('PATCH', `/inboxes/${encode(id)}`, strict(inboxSchema), patch),
    listTemplates: () => get('/templates', read.list(templateSchema, 'template')),
    createTemplate: (request) => send('POST', '/templates', strict(templateSchema), request),
    updateTemplate: (id, patch) => send('PATCH', `/templates/${encode(id)}`, strict(templateSchema), patch),
    deleteTemplate: (id) => remove(`/templates/${encode(id)}`),
    getSettings: () => get('/settings', strict(settingsSchema)),
    updateSettings: (settings) => send('PUT', '/settings', strict(settingsSchema), settings),
    metrics: (query) => get('/metrics', strict(metricsSchema), query),
    eventsAfter: (seq) => get('/events', events, { after: seq }),
  }
}

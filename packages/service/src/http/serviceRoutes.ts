import { listContactsQuerySchema, parseOrThrow, type Stamped } from '@switchboard/protocol'
import type { InboxService } from '../createInboxService'
import type { Actor } from '../service/actor'
import type { Upload } from '../service/attachments'
import { checkPathParams } from './pathParamRefusal'

/** A request as a route sees it, whatever the HTTP framework that received it. */
export interface ServiceRequest {
  /** Who is calling, from their bearer token. */
  actor: Actor
  /** Path parameters, decoded. */
  params: Record<string, string>
  /** The query string, one value per name. */
  query: Record<string, string>
  /** The JSON body of a `json` route, as parsed (anything but an object reads as `{}`). */
  body: unknown
  /** The file of a `multipart` route (`POST /attachments`: field `file`, optional `library=true`). */
  upload(): Promise<Upload>
}

/** One route of the HTTP contract (docs/DESIGN.md), independent of any HTTP framework. */
export interface ServiceRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  /** Below the API's base URL, with `:name` parameters. */
  path: string
  /** What the route reads from the request's body. */
  body: 'none' | 'json' | 'multipart'
  /** The status of a success; a reply without data is always 204. */
  status(data: unknown): number
  /** Runs the call; the answer's `seq` goes out in the `switchboard-seq` header. */
  handle(service: InboxService, request: ServiceRequest): Promise<Stamped<unknown>>
}

type Body = Record<string, unknown>
const asBody = (value: unknown): Body =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Body) : {}
const ok = () => 200
const created = () => 201
const id = (r: ServiceRequest) => r.params.id as string
const phone = (r: ServiceRequest) => r.params.phone as string

const route = (
  method: ServiceRoute['method'],
  path: string,
  handle: ServiceRoute['handle'],
  options: { body?: ServiceRoute['body']; status?: ServiceRoute['status'] } = {},
): ServiceRoute => ({
  method,
  path,
  body: options.body ?? (method === 'GET' || method === 'DELETE' ? 'none' : 'json'),
  status: options.status ?? ok,
  handle: (service, request) => {
    checkPathParams(request.params)
    return handle(service, request)
  },
})

/**
 * Every route of the HTTP contract, answered by the inbox service with stamped replies. The mock
 * (MSW) and the reference server (Fastify) both serve this one table, so they cannot drift.
 */
export const SERVICE_ROUTES: readonly ServiceRoute[] = [
  route('GET', '/me', (s, r) => s.stamped.me(r.actor)),

  route('GET', '/conversations', (s, r) => s.stamped.listConversations(r.actor, r.query)),
  route('POST', '/conversations', (s, r) => s.stamped.startConversation(r.actor, asBody(r.body)), {
    status: (data) => ((data as { created?: boolean }).created ? 201 : 200),
  }),
  route('GET', '/conversations/:id', (s, r) => s.stamped.getConversation(r.actor, id(r))),
  route('PATCH', '/conversations/:id', (s, r) => s.stamped.updateConversation(r.actor, id(r), asBody(r.body))),
  route('DELETE', '/conversations/:id', (s, r) => s.stamped.deleteConversation(r.actor, id(r))),
  route('POST', '/conversations/:id/read', (s, r) => s.stamped.markRead(r.actor, id(r)), { body: 'none' }),
  route('POST', '/conversations/:id/unread', (s, r) => s.stamped.markUnread(r.actor, id(r)), { body: 'none' }),
  route('POST', '/conversations/:id/client', (s, r) =>
    s.stamped.assignToClient(r.actor, id(r), asBody(r.body) as never),
  ),
  route('GET', '/conversations/:id/messages', (s, r) => s.stamped.listMessages(r.actor, id(r), r.query)),
  route(
    'POST',
    '/conversations/:id/messages/:messageId/resend',
    (s, r) => s.stamped.resendMessage(r.actor, id(r), r.params.messageId as string, asBody(r.body) as never),
    { status: created },
  ),
  route(
    'POST',
    '/conversations/:id/messages',
    (s, r) => s.stamped.sendMessage(r.actor, id(r), asBody(r.body) as never),
    {
      status: created,
    },
  ),

  route('POST', '/attachments', async (s, r) => s.stamped.uploadAttachment(r.actor, await r.upload()), {
    body: 'multipart',
    status: created,
  }),
  route('GET', '/attachments/library', (s, r) => s.stamped.listLibrary(r.actor)),
  route('PATCH', '/attachments/library/:id', (s, r) =>
    s.stamped.renameDocument(r.actor, id(r), asBody(r.body) as never),
  ),
  route('DELETE', '/attachments/library/:id', (s, r) => s.stamped.removeDocument(r.actor, id(r))),

  route('GET', '/clients', (s, r) => s.stamped.searchClients(r.actor, r.query)),
  route('POST', '/clients', (s, r) => s.stamped.createClient(r.actor, asBody(r.body) as never), { status: created }),
  route('GET', '/clients/:id', (s, r) => s.stamped.getClient(r.actor, id(r))),
  route('PATCH', '/clients/:id', (s, r) => s.stamped.updateClient(r.actor, id(r), asBody(r.body))),
  route('GET', '/clients/:id/messages', (s, r) => s.stamped.clientMessages(r.actor, id(r), r.query)),

  route('POST', '/contacts/:phone/block', (s, r) => s.stamped.block(r.actor, phone(r)), { body: 'none' }),
  route('POST', '/contacts/:phone/unblock', (s, r) => s.stamped.unblock(r.actor, phone(r)), { body: 'none' }),
  route('GET', '/contacts', (s, r) => {
    const { optedOut, blocked } = parseOrThrow(listContactsQuerySchema, r.query, 'query')
    return s.stamped.listContacts(r.actor, {
      ...(optedOut === undefined ? {} : { optedOut: optedOut === 'true' }),
      ...(blocked === undefined ? {} : { blocked: blocked === 'true' }),
    })
  }),
  route('POST', '/contacts/:phone/consent', (s, r) =>
    s.stamped.recordConsent(r.actor, phone(r), asBody(r.body) as never),
  ),

  route('GET', '/inboxes', (s, r) => s.stamped.listInboxes(r.actor)),
  route('POST', '/inboxes', (s, r) => s.stamped.createInbox(r.actor, asBody(r.body) as never), { status: created }),
  route('GET', '/team', (s, r) => s.stamped.listTeam(r.actor)),
  route('PATCH', '/inboxes/:id', (s, r) => s.stamped.updateInbox(r.actor, id(r), asBody(r.body))),
  route('GET', '/templates', (s, r) => s.stamped.listTemplates(r.actor)),
  route('POST', '/templates', (s, r) => s.stamped.createTemplate(r.actor, asBody(r.body) as never), {
    status: created,
  }),
  route('PATCH', '/templates/:id', (s, r) => s.stamped.updateTemplate(r.actor, id(r), asBody(r.body))),
  route('DELETE', '/templates/:id', (s, r) => s.stamped.deleteTemplate(r.actor, id(r))),
  route('GET', '/unread', (s, r) => s.stamped.unreadTotals(r.actor)),
  route('GET', '/settings', (s, r) => s.stamped.getSettings(r.actor)),
  route('PUT', '/settings', (s, r) => s.stamped.updateSettings(r.actor, r.body as never)),
  route('GET', '/metrics', (s, r) => s.stamped.metrics(r.actor, r.query as never)),
  route('GET', '/events', (s, r) => s.stamped.eventsAfter(r.actor, r.query as never)),
]

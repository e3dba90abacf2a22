import {
  listContactsQuerySchema,
  parseOrThrow,
  SEQ_HEADER,
  type Stamped,
  SwitchboardError,
} from '@switchboard/protocol'
import type { InboxService } from '@switchboard/service'
import { HttpResponse } from 'msw'
import { defineRoute, type RouteContext, type RouteOptions } from './defineRoute'

type Body = Record<string, unknown>
const asBody = (value: unknown): Body =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Body) : {}

async function readUpload(ctx: RouteContext) {
  let form: FormData
  try {
    form = await ctx.request.formData()
  } catch {
    throw new SwitchboardError('validation_failed', 'Upload a file as multipart/form-data in the field "file".')
  }
  const file = form.get('file')
  if (!file || typeof file === 'string') {
    throw new SwitchboardError('validation_failed', 'Upload a file as multipart/form-data in the field "file".')
  }
  return {
    name: file.name || 'attachment',
    contentType: file.type,
    data: new Uint8Array(await file.arrayBuffer()),
    library: form.get('library') === 'true',
  }
}

/** Every route of the HTTP contract in DESIGN.md, answered by the inbox service. */
export function createRoutes(options: RouteOptions, service: InboxService) {
  // Every reply carries the event-log position it reflects (the `switchboard-seq` header).
  const s = service.stamped
  const get = (path: string, fn: (ctx: RouteContext) => Promise<Stamped<unknown>>) =>
    defineRoute(options, 'get', path, fn)
  const post = (path: string, fn: (ctx: RouteContext) => Promise<Stamped<unknown>>, status = 200) =>
    defineRoute(options, 'post', path, fn, status)
  const id = (ctx: RouteContext) => ctx.params.id as string
  // MSW hands path parameters over decoded (and the guard refused undecodable ones).
  const phone = (ctx: RouteContext) => ctx.params.phone as string

  return [
    get('/me', (c) => s.me(c.actor)),

    get('/conversations', (c) => s.listConversations(c.actor, c.query)),
    defineRoute(options, 'post', '/conversations', async (c) => {
      const { data, seq } = await s.startConversation(c.actor, asBody(await c.json()))
      return HttpResponse.json(data, { status: data.created ? 201 : 200, headers: { [SEQ_HEADER]: String(seq) } })
    }),
    get('/conversations/:id', (c) => s.getConversation(c.actor, id(c))),
    defineRoute(options, 'patch', '/conversations/:id', async (c) =>
      s.updateConversation(c.actor, id(c), asBody(await c.json())),
    ),
    defineRoute(options, 'delete', '/conversations/:id', (c) => s.deleteConversation(c.actor, id(c))),
    post('/conversations/:id/read', (c) => s.markRead(c.actor, id(c))),
    post('/conversations/:id/unread', (c) => s.markUnread(c.actor, id(c))),
    post('/conversations/:id/client', async (c) => s.assignToClient(c.actor, id(c), asBody(await c.json()) as never)),
    get('/conversations/:id/messages', (c) => s.listMessages(c.actor, id(c), c.query)),
    post(
      '/conversations/:id/messages',
      async (c) => s.sendMessage(c.actor, id(c), asBody(await c.json()) as never),
      201,
    ),

    post('/attachments', async (c) => s.uploadAttachment(c.actor, await readUpload(c)), 201),
    get('/attachments/library', (c) => s.listLibrary(c.actor)),

    get('/clients', (c) => s.searchClients(c.actor, c.query)),
    post('/clients', async (c) => s.createClient(c.actor, asBody(await c.json()) as never), 201),
    get('/clients/:id', (c) => s.getClient(c.actor, id(c))),
    defineRoute(options, 'patch', '/clients/:id', async (c) => s.updateClient(c.actor, id(c), asBody(await c.json()))),
    get('/clients/:id/messages', (c) => s.clientMessages(c.actor, id(c))),

    post('/contacts/:phone/block', (c) => s.block(c.actor, phone(c))),
    post('/contacts/:phone/unblock', (c) => s.unblock(c.actor, phone(c))),
    get('/contacts', async (c) => {
      const { optedOut } = parseOrThrow(listContactsQuerySchema, c.query, 'query')
      return s.listContacts(c.actor, optedOut === undefined ? {} : { optedOut: optedOut === 'true' })
    }),
    post('/contacts/:phone/consent', async (c) => s.recordConsent(c.actor, phone(c), asBody(await c.json()) as never)),

    get('/inboxes', (c) => s.listInboxes(c.actor)),
    post('/inboxes', async (c) => s.createInbox(c.actor, asBody(await c.json()) as never), 201),
    get('/team', (c) => s.listTeam(c.actor)),
    get('/templates', (c) => s.listTemplates(c.actor)),
    get('/unread', (c) => s.unreadTotals(c.actor)),
    get('/settings', (c) => s.getSettings(c.actor)),
    defineRoute(options, 'put', '/settings', async (c) => s.updateSettings(c.actor, (await c.json()) as never)),
    get('/metrics', (c) => s.metrics(c.actor, c.query as never)),
    get('/events', (c) => s.eventsAfter(c.actor, c.query as never)),
  ]
}

import { listContactsQuerySchema, parseOrThrow, SwitchboardError } from '@switchboard/protocol'
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
  const get = (path: string, fn: (ctx: RouteContext) => Promise<unknown>) => defineRoute(options, 'get', path, fn)
  const post = (path: string, fn: (ctx: RouteContext) => Promise<unknown>, status = 200) =>
    defineRoute(options, 'post', path, fn, status)
  const id = (ctx: RouteContext) => ctx.params.id as string
  // MSW hands path parameters over decoded (and the guard refused undecodable ones).
  const phone = (ctx: RouteContext) => ctx.params.phone as string

  return [
    get('/me', (c) => service.me(c.actor)),

    get('/conversations', (c) => service.listConversations(c.actor, c.query)),
    defineRoute(options, 'post', '/conversations', async (c) => {
      const result = await service.startConversation(c.actor, asBody(await c.json()))
      return HttpResponse.json(result, { status: result.created ? 201 : 200 })
    }),
    get('/conversations/:id', (c) => service.getConversation(c.actor, id(c))),
    defineRoute(options, 'patch', '/conversations/:id', async (c) =>
      service.updateConversation(c.actor, id(c), asBody(await c.json())),
    ),
    defineRoute(options, 'delete', '/conversations/:id', (c) => service.deleteConversation(c.actor, id(c))),
    post('/conversations/:id/read', (c) => service.markRead(c.actor, id(c))),
    post('/conversations/:id/unread', (c) => service.markUnread(c.actor, id(c))),
    post('/conversations/:id/client', async (c) =>
      service.assignToClient(c.actor, id(c), asBody(await c.json()) as never),
    ),
    get('/conversations/:id/messages', (c) => service.listMessages(c.actor, id(c), c.query)),
    post(
      '/conversations/:id/messages',
      async (c) => service.sendMessage(c.actor, id(c), asBody(await c.json()) as never),
      201,
    ),

    post('/attachments', async (c) => service.uploadAttachment(c.actor, await readUpload(c)), 201),
    get('/attachments/library', (c) => service.listLibrary(c.actor)),

    get('/clients', (c) => service.searchClients(c.actor, c.query)),
    post('/clients', async (c) => service.createClient(c.actor, asBody(await c.json()) as never), 201),
    get('/clients/:id', (c) => service.getClient(c.actor, id(c))),
    defineRoute(options, 'patch', '/clients/:id', async (c) =>
      service.updateClient(c.actor, id(c), asBody(await c.json())),
    ),
    get('/clients/:id/messages', (c) => service.clientMessages(c.actor, id(c))),

    post('/contacts/:phone/block', (c) => service.block(c.actor, phone(c))),
    post('/contacts/:phone/unblock', (c) => service.unblock(c.actor, phone(c))),
    get('/contacts', async (c) => {
      const { optedOut } = parseOrThrow(listContactsQuerySchema, c.query, 'query')
      return service.listContacts(c.actor, optedOut === undefined ? {} : { optedOut: optedOut === 'true' })
    }),
    post('/contacts/:phone/consent', async (c) =>
      service.recordConsent(c.actor, phone(c), asBody(await c.json()) as never),
    ),

    get('/inboxes', (c) => service.listInboxes(c.actor)),
    post('/inboxes', async (c) => service.createInbox(c.actor, asBody(await c.json()) as never), 201),
    get('/team', (c) => service.listTeam(c.actor)),
    get('/templates', (c) => service.listTemplates(c.actor)),
    get('/unread', (c) => service.unreadTotals(c.actor)),
    get('/settings', (c) => service.getSettings(c.actor)),
    defineRoute(options, 'put', '/settings', async (c) => service.updateSettings(c.actor, (await c.json()) as never)),
    get('/metrics', (c) => service.metrics(c.actor, c.query as never)),
    get('/events', (c) => service.eventsAfter(c.actor, c.query as never)),
  ]
}

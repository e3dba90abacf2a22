import { SwitchboardError } from '@switchboard/protocol'
import type { InboxService } from '@switchboard/service'
import { SERVICE_ROUTES } from '@switchboard/service/http'
import { defineRoute, type RouteContext, type RouteOptions } from './defineRoute'

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

/** Every route of the HTTP contract (the service's one table) as MSW handlers. */
export function createRoutes(options: RouteOptions, service: InboxService) {
  return SERVICE_ROUTES.map((route) =>
    defineRoute(
      options,
      route.method.toLowerCase() as Lowercase<typeof route.method>,
      route.path,
      async (c) =>
        route.handle(service, {
          actor: c.actor,
          // MSW hands path parameters over decoded (and the guard refused undecodable ones).
          params: c.params,
          query: c.query,
          body: route.body === 'json' ? await c.json() : undefined,
          upload: () => readUpload(c),
        }),
      route.status,
    ),
  )
}

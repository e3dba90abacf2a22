import { SwitchboardError } from '@switchboard/protocol'
import type { InboxService } from '@switchboard/service'
import { SERVICE_ROUTES } from '@switchboard/service/http'
import { defineRoute, type RouteContext, type RouteOptions, routeHandler } from './defineRoute'

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

/** Every route of the HTTP contract (the service's one table) as one MSW handler under `absoluteBase`. */
export function createRoutes(options: RouteOptions, service: InboxService, absoluteBase: string) {
  const routes = SERVICE_ROUTES.map((route) =>
    defineRoute(
      options,
      route.method,
      route.path,
      async (c) =>
        route.handle(service, {
          actor: c.actor,
          // Path parameters come decoded (the guard refused undecodable ones).
          params: c.params,
          query: c.query,
          body: route.body === 'json' ? await c.json() : undefined,
          upload: () => readUpload(c),
        }),
      route.status,
    ),
  )
  return routeHandler(absoluteBase, routes)
}

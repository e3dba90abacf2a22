// @switchboard/service/http: the HTTP contract as a table of routes over the service, for any
// HTTP framework to serve (the mock's MSW handlers, the reference server's Fastify routes).

export { checkPathParams, MAX_PATH_PARAM_LENGTH, pathParamRefusal } from './http/pathParamRefusal'
export type { FileAnswer, FileServing } from './http/serveFile'
export { serveFile } from './http/serveFile'
export type { ServiceRequest, ServiceRoute } from './http/serviceRoutes'
export { SERVICE_ROUTES } from './http/serviceRoutes'

import { type HttpConfig, httpRequest, stampedRequest } from './httpRequest'
import type { Reader, Readers } from './readers'

type Query = Record<string, string | number | boolean | undefined>

/**
 * The calls the HTTP transport's routes are written with: plain or stamped (replies about
 * conversations, messages, contacts and unread totals carry their event-log seq), with the
 * transport's readers.
 */
export function routeKit(config: HttpConfig, read: Readers) {
  return {
    config,
    read,
    get: <T>(path: string, reader: Reader<T>, query?: Query) =>
      httpRequest(config, { method: 'GET', path, read: reader, ...(query ? { query } : {}) }),
    send: <T>(method: 'POST' | 'PATCH' | 'PUT', path: string, reader: Reader<T>, body?: unknown) =>
      httpRequest(config, { method, path, read: reader, body: body ?? {} }),
    async remove(path: string): Promise<void> {
      await httpRequest(config, { method: 'DELETE', path, read: null })
    },
    getStamped: <T>(path: string, reader: Reader<T>, query?: Query) =>
      stampedRequest(config, { method: 'GET', path, read: reader, ...(query ? { query } : {}) }),
    sendStamped: <T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, reader: Reader<T> | null, body?: unknown) =>
      stampedRequest(config, { method, path, read: reader, ...(method === 'DELETE' ? {} : { body: body ?? {} }) }),
  }
}

/** The calls of one transport, as made by {@link routeKit}. */
export type RouteKit = ReturnType<typeof routeKit>

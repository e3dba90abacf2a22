// The page's side of the backend worker: a `fetch` for the HTTP transport, a socket.io stand-in
// for its events, and direct calls (texts, bursts) that run on the worker's thread.
import type { IoFactory, SocketLike } from '@switchboard/core'
import type { ServerEvent } from '@switchboard/protocol'
import type { BackendReply, BackendRequest, FetchReply } from './protocol'

type Call = BackendRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never

/** Marks on the timeline cost a little each: only where a timeline is asked for (`?marks`). */
const MARK = new URLSearchParams(location.search).has('marks')
export function connectBackend(worker: Worker) {
  let next = 0
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()
  const listeners = new Set<(event: ServerEvent) => void>()
  worker.onmessage = (message: MessageEvent<BackendReply>) => {
    const reply = message.data
    if (reply.type === 'event') {
      for (const listener of listeners) listener(reply.event)
      return
    }
    const waiting = pending.get(reply.id)
    pending.delete(reply.id)
    if (reply.error) waiting?.reject(new Error(reply.error))
    else waiting?.resolve(reply.value)
  }
  const call = <T>(request: Call): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = ++next
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      worker.postMessage({ ...request, id })
    })

  /** `fetch` answered by the worker (the signal stays here: the service answers at once). */
  const fetchFromWorker: typeof fetch = async (input, init = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const headers = Object.fromEntries(new Headers(init.headers))
    const body = typeof init.body === 'string' ? init.body : undefined
    // Marks on the timeline (`--trace` lists them): when each call left and when its answer came.
    const what = `${init.method ?? 'GET'} ${new URL(url, location.href).pathname.replace(/^\/api/, '')}`
    if (MARK) performance.mark(`→ ${what}`)
    const reply = await call<FetchReply>({
      type: 'fetch',
      url: new URL(url, location.href).href,
      init: { method: init.method ?? 'GET', headers, ...(body !== undefined ? { body } : {}) },
    })
    if (MARK) {
      performance.mark(`  the worker has ${what}`, { startTime: reply.received - performance.timeOrigin })
      performance.mark(`  the worker answers ${what}`, { startTime: reply.answered - performance.timeOrigin })
      performance.mark(`← ${what}`)
    }
    connection.lastReplyAt = performance.now()
    return new Response(reply.status === 204 ? null : reply.body, { status: reply.status, headers: reply.headers })
  }

  /** socket.io's `io` with the worker as the server: connects at once, pushes each event. */
  const io: IoFactory = () => {
    const handlers = new Map<string, Set<(...args: unknown[]) => void>>()
    const fire = (name: string, ...args: unknown[]) => {
      for (const handler of handlers.get(name) ?? []) handler(...args)
    }
    const forward = (event: ServerEvent) => fire('event', event)
    const socket: SocketLike & { connected: boolean } = {
      connected: false,
      active: true,
      on(name, handler) {
        if (!handlers.has(name)) handlers.set(name, new Set())
        handlers.get(name)?.add(handler)
        return socket
      },
      emit: () => socket,
      connect() {
        socket.connected = true
        listeners.add(forward)
        setTimeout(() => fire('connect'))
        return socket
      },
      disconnect() {
        socket.connected = false
        listeners.delete(forward)
        return socket
      },
      io: { on: () => undefined },
    }
    socket.connect()
    return socket
  }

  const connection = {
    /** When the last reply to a `fetch` reached the page (`performance.now()`). */
    lastReplyAt: 0,
    call,
    fetch: fetchFromWorker,
    io,
    /** Listens to every event the worker pushes; returns the unsubscribe. */
    onEvent(listener: (event: ServerEvent) => void) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
  return connection
}

export type BackendConnection = ReturnType<typeof connectBackend>

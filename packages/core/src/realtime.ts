import type { InboxEvent, ServerEvent, TypingEvent, ViewingEvent } from '@switchboard/protocol'
import { createPresence } from './createPresence'
import { type InboxError, toInboxError } from './errors'
import type { InboxStore } from './store'
import type { Transport } from './transport/Transport'

export interface RealtimeOptions {
  transport: Transport
  store: InboxStore
  /** Applies one event to the cache (called in seq order, once per seq). */
  apply(event: InboxEvent): void
  /**
   * Where the cache stands before any event was applied: the oldest seq among the stamped replies
   * it holds (null when none). The first catch-up starts there, so nothing is read twice.
   */
  floor(): number | null
  /** The client follows the log from `seq` on (what it applies next is `seq + 1`). */
  startAt(seq: number): void
  /** The events are gone from the server's log: refetch everything cached. */
  resync(): Promise<void>
  /** Called when the connection is (re)established and caught up. */
  onCaughtUp?(): void
  onError?(error: InboxError): void
  /** Runs the application of several events as one change for the cache's observers. */
  batch?<T>(run: () => T): T
}

/**
 * A burst is more than this many events within {@link EVENT_BATCH_MS}: up to it each event is
 * applied as it comes (a text is a few events; none waits), beyond it they are applied together,
 * at most once per {@link EVENT_BATCH_MS}, until the burst has passed.
 */
export const BURST_EVENTS = 8
/** In a burst, events are applied at most once per this many ms: the screen draws it once a frame. */
export const EVENT_BATCH_MS = 16

/**
 * Keeps the cache in step with the server's event log: applies pushed events in `seq` order,
 * once each; after every (re)connect and whenever a gap shows, fetches the missed events with
 * `eventsAfter(lastSeq)`, and falls back to a full refetch when the server no longer has them.
 * Keeps who else types in or views a conversation, and says which one this user has open.
 */
export function createRealtime(options: RealtimeOptions) {
  const { transport, store } = options
  const presence = createPresence(transport)
  let close: (() => void) | null = null
  let catchingUp: Promise<void> | null = null
  let pending: InboxEvent[] = []

  const lastSeq = () => store.getState().connection.lastSeq
  const setLastSeq = (seq: number) => store.setState((s) => ({ connection: { ...s.connection, lastSeq: seq } }))

  /** Applies buffered events that are next in line; stops at a gap. */
  function drain(): boolean {
    pending.sort((a, b) => a.seq - b.seq)
    let applied = lastSeq() ?? 0
    const rest: InboxEvent[] = []
    for (const event of pending) {
      if (event.seq <= applied) continue
      if (event.seq === applied + 1) {
        options.apply(event)
        applied = event.seq
      } else rest.push(event)
    }
    setLastSeq(applied)
    pending = rest
    return rest.length === 0
  }

  async function catchUp(): Promise<void> {
    for (;;) {
      const after = lastSeq()
      if (after === null) {
        // First sync: start from what the cached replies reflect (they are stamped), or, with
        // nothing cached yet, from where the log stands now. Nothing is read again.
        let start = options.floor()
        if (start === null) {
          const head = (await transport.eventsAfter(Number.MAX_SAFE_INTEGER)).lastSeq
          // A reply placed while the head was asked for may be older than the head: start there.
          start = Math.min(head, options.floor() ?? head)
          if (start === head) {
            options.startAt(start)
            setLastSeq(start)
            drain()
            return
          }
        }
        options.startAt(start)
        setLastSeq(start)
        continue
      }
      try {
        const { events, lastSeq: head } = await transport.eventsAfter(after)
        pending.push(...events)
        drain()
        const reached = lastSeq() ?? 0
        if (events.length > 0 && reached > after && reached < head) continue // another page of the log
        if (events.length > 0 && reached === after) {
          // the log answered but left a hole it cannot fill: start over from a full refetch
          pending = []
          options.startAt(head)
          setLastSeq(head)
          await options.resync()
        }
        return
      } catch (thrown) {
        const error = toInboxError(thrown)
        if (error.code !== 'events_expired') throw error
        // The missed events are gone: follow the log from its head and read what is cached again.
        const told = (error.details as { lastSeq?: number } | undefined)?.lastSeq
        const head = typeof told === 'number' ? told : (await transport.eventsAfter(Number.MAX_SAFE_INTEGER)).lastSeq
        pending = []
        options.startAt(head)
        setLastSeq(head)
        await options.resync()
        return
      }
    }
  }

  function requestCatchUp(): void {
    if (catchingUp) return
    catchingUp = catchUp()
      .then(() => options.onCaughtUp?.())
      .catch((error) => options.onError?.(toInboxError(error)))
      .finally(() => {
        catchingUp = null
        if (pending.length > 0 && !drain()) requestCatchUp()
      })
  }

  function onPresence(event: TypingEvent | ViewingEvent): void {
    const field = event.type
    const on = event.type === 'typing' ? event.typing : event.viewing
    const before = store.getState()[field][event.conversationId] ?? []
    const others = before.filter((t) => t.userId !== event.userId)
    const next = on ? [...others, { userId: event.userId, name: event.name, at: Date.now() }] : others
    store.setState((s) => ({ [field]: { ...s[field], [event.conversationId]: next } }))
    if (field === 'viewing' && on && others.length === before.length) presence.welcome(event.conversationId)
  }

  const batch = options.batch ?? (<T>(run: () => T) => run())
  function applyPending(): void {
    if (catchingUp || lastSeq() === null || pending.length === 0) return
    if (!batch(drain)) requestCatchUp()
  }
  // A quiet stream is applied as it comes; a burst at most once a frame (see BURST_EVENTS).
  let windowStart = Number.NEGATIVE_INFINITY
  let inWindow = 0
  let waiting: ReturnType<typeof setTimeout> | null = null
  const now = () => globalThis.performance?.now() ?? Date.now()
  function onEvent(event: ServerEvent): void {
    if (event.type === 'typing' || event.type === 'viewing') {
      onPresence(event)
      return
    }
    pending.push(event)
    if (waiting) return
    const at = now()
    if (at - windowStart >= EVENT_BATCH_MS) {
      windowStart = at
      inWindow = 0
    }
    if (inWindow < BURST_EVENTS) {
      inWindow++
      applyPending()
      return
    }
    waiting = setTimeout(
      () => {
        waiting = null
        // Still a burst for the next window: what comes within it waits for its end too.
        windowStart = now()
        applyPending()
      },
      Math.max(0, EVENT_BATCH_MS - (at - windowStart)),
    )
  }

  return {
    /** This user's own presence (the conversation they have open). */
    presence,
    connect(): void {
      if (close) return
      close = transport.connect({
        onEvent,
        onStatus(status, error) {
          store.setState((s) => ({ connection: { ...s.connection, status, error: error ?? null } }))
          if (status === 'connected') {
            requestCatchUp()
            presence.reannounce()
          }
        },
        onError: (error) => options.onError?.(error),
      })
    },
    disconnect(): void {
      close?.()
      close = null
      if (waiting) clearTimeout(waiting)
      waiting = null
    },
    /** Catches up now (e.g. when the tab becomes visible). */
    sync(): Promise<void> {
      requestCatchUp()
      return catchingUp ?? Promise.resolve()
    },
  }
}

/** The live part of a client, as made by {@link createRealtime}. */
export type Realtime = ReturnType<typeof createRealtime>

import type { InboxEvent } from '@switchboard/protocol'

/**
 * The events the client applied lately, in seq order, to replay onto replies that left the
 * server before them. It covers every event after `base` (set where the client started
 * following the log) up to the last `limit` ones.
 */
export function createEventHistory(limit = 2000) {
  let events: InboxEvent[] = []
  let base: number | null = null
  return {
    /** Starts (again) from `seq`: the client knows every event up to it, and keeps what follows. */
    reset(seq: number): void {
      events = []
      base = seq
    },
    /** Keeps an applied event (the next in seq order). */
    record(event: InboxEvent): void {
      if (base === null) return
      events.push(event)
      if (events.length > limit) {
        const dropped = events.splice(0, events.length - limit)
        base = dropped.at(-1)?.seq ?? base
      }
    },
    /** Forgets the events up to `seq`: no reply on its way is older (see `trackRequests`). */
    forgetUpTo(seq: number): void {
      if (base === null || seq <= base) return
      let drop = 0
      while (drop < events.length && (events[drop] as InboxEvent).seq <= seq) drop++
      if (drop > 0) events = events.slice(drop)
      base = seq
    },
    /** The events after `seq`, oldest first; null when some of them are no longer (or not yet) kept. */
    since(seq: number): InboxEvent[] | null {
      if (base === null || seq < base) return null
      let start = events.length
      while (start > 0 && (events[start - 1] as InboxEvent).seq > seq) start--
      return events.slice(start)
    },
  }
}

/** The applied-events history of a client. */
export type EventHistory = ReturnType<typeof createEventHistory>

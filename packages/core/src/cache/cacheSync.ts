import type { Contact, Conversation, InboxEvent, UnreadTotals, Viewer } from '@switchboard/protocol'
import { hashKey, type QueryClient, type QueryKey, replaceEqualDeep } from '@tanstack/query-core'
import type { InboxStore } from '../store'
import { findConversation } from './conversationCache'
import { type ConversationListData, findInList } from './conversationLists'
import { createEventHistory } from './eventHistory'
import { inboxKeys } from './keys'
import { type ConversationChange, createPendingChanges } from './pendingChanges'
import { type CacheEvent, plainContext, REMOVE, type ReduceContext, reduceQuery, replay } from './reduceQuery'

/** Options of {@link createCacheSync}. */
export interface CacheSyncOptions {
  qc: QueryClient
  store: InboxStore
  viewer(): Viewer
  /** How many applied events are kept to replay onto late replies. Default 2,000. */
  historyLimit?: number
}

interface Pages {
  pages: object[]
  pageParams: unknown[]
}
const isPages = (data: unknown): data is Pages =>
  typeof data === 'object' && data !== null && Array.isArray((data as Pages).pages)

/** A list never shows one conversation twice (a page fetched late can repeat one an event moved). */
function withoutRepeats(data: ConversationListData): ConversationListData {
  const seen = new Set<string>()
  let repeated = false
  const pages = data.pages.map((page) => {
    const items = page.items.filter((c) => {
      if (seen.has(c.id)) {
        repeated = true
        return false
      }
      seen.add(c.id)
      return true
    })
    return items.length === page.items.length ? page : { ...page, items }
  })
  return repeated ? { ...data, pages } : data
}

/**
 * Keeps the query cache equal to the server: applies the log's events in order to every cached
 * query; merges each stamped reply by replaying onto it the events applied after its seq (a
 * reply never undoes an event, and nothing is fetched again); shows optimistic changes on top of
 * server state until the server's events catch up. The one place the cache is written.
 */
export function createCacheSync(options: CacheSyncOptions) {
  const { qc, store } = options
  const history = createEventHistory(options.historyLimit)
  const pending = createPendingChanges()
  const stamps = new WeakMap<object, number>()
  /**
   * The oldest seq among a query's replies received and not yet placed, by query hash: a list
   * refetched page by page places its first page only once the last one is in, and the events
   * after that page's seq must be kept until then.
   */
  const unplaced = new Map<string, number>()
  /** The oldest seq among replies placed before the client followed the log. */
  let floor: number | null = null

  const applied = () => store.getState().connection.lastSeq
  const context = (): ReduceContext => ({
    viewer: options.viewer(),
    present: pending.present,
    presentTotals: pending.presentTotals,
  })

  /** Applies an event to every cached query. */
  function write(event: CacheEvent): void {
    if (event.type === 'contact.updated') pending.contactChanged(event.contact)
    const ctx = context()
    for (const query of qc.getQueryCache().findAll({ queryKey: inboxKeys.all })) {
      const data = query.state.data
      if (data === undefined) continue
      const next = reduceQuery(query.queryKey, data, event, ctx)
      if (next === REMOVE) qc.removeQueries({ queryKey: query.queryKey, exact: true })
      else if (next !== data) qc.setQueryData(query.queryKey, next)
    }
  }

  /** Shows a conversation again as the server has it, with the changes still waiting on top. */
  function rewrite(id: string, snapshot: Conversation | null | undefined): void {
    if (snapshot) write({ type: 'conversation.updated', conversation: snapshot })
    else if (snapshot === null) write({ type: 'conversation.deleted', conversationId: id })
    const totals = pending.shownTotals()
    if (totals && qc.getQueryData(inboxKeys.unread())) qc.setQueryData(inboxKeys.unread(), totals)
  }

  /**
   * Removes a waiting change and shows its conversation without it; `adopt` keeps its effect as
   * the server's (accepted, and no event will come to say so).
   */
  function settle(handle: number, adopt = false): void {
    const id = pending.conversationOf(handle)
    if (id === undefined) return
    if (adopt) pending.adopt(handle)
    const snapshot = pending.serverOf(id)
    pending.drop(handle)
    rewrite(id, snapshot)
  }

  /**
   * What the server holds now, from a reply at `seq`: the events applied after it replayed onto it
   * (as the server applied them, without optimistic changes); {@link REMOVE} when one deleted it.
   */
  function serverState(key: QueryKey, data: unknown, seq: number): unknown {
    const after = applied()
    if (after === null) {
      floor = floor === null ? seq : Math.min(floor, seq)
      return data
    }
    if (seq >= after) return data
    const events = history.since(seq)
    if (events === null) {
      // Older than what the client still knows: read it again rather than show it stale.
      queueMicrotask(() => void qc.invalidateQueries({ queryKey: key, exact: true }).catch(() => undefined))
      return data
    }
    return replay(key, data, events, plainContext(options.viewer()))
  }

  /** Server state as shown: the optimistic changes still waiting on top. */
  function presentReply(key: QueryKey, data: unknown): unknown {
    const ctx = context()
    if (key[1] === 'unread') return ctx.presentTotals(data as UnreadTotals)
    if (key[1] === 'conversation') {
      const conversation = data as Conversation
      return pending.ids().includes(conversation.id) ? (ctx.present(conversation) ?? REMOVE) : data
    }
    if (key[1] !== 'conversations') return data
    let out = data as ConversationListData
    for (const id of pending.ids()) {
      const snapshot = findInList(data as ConversationListData, id) ?? pending.serverOf(id)
      if (snapshot) {
        out = reduceQuery(
          key,
          out,
          { type: 'conversation.updated', conversation: snapshot },
          ctx,
        ) as ConversationListData
      }
    }
    return withoutRepeats(out)
  }

  /** A reply as the cache should hold it: the server's state now, with waiting changes on top. */
  function rebase(key: QueryKey, data: unknown, seq: number): unknown {
    const state = serverState(key, data, seq)
    return state === REMOVE ? REMOVE : presentReply(key, state)
  }

  /** TanStack's `structuralSharing` for a query: merges stamped replies; leaves other writes as they are. */
  const mergeFor =
    (key: QueryKey) =>
    (prev: unknown, next: unknown): unknown => {
      let data = next
      let seq: number | undefined
      if (isPages(next)) {
        const first = next.pages.findIndex((p) => stamps.has(p))
        const fresh = next.pages.slice(first)
        if (first >= 0 && fresh.every((p) => stamps.has(p))) {
          // Pages carried over from before the fetch are stale copies: take the cache's current ones.
          const current = isPages(prev) && prev.pages.length >= first ? prev : next
          data = {
            pages: [...current.pages.slice(0, first), ...fresh],
            pageParams: [...current.pageParams.slice(0, first), ...next.pageParams.slice(first)],
          }
          seq = Math.min(...fresh.map((p) => stamps.get(p) as number))
          for (const page of fresh) stamps.delete(page)
        }
      } else if (typeof next === 'object' && next !== null) {
        seq = stamps.get(next)
        stamps.delete(next)
      }
      // Placed: the query waits for no events any more.
      if (seq !== undefined) unplaced.delete(hashKey(key))
      // Other writes (events, optimistic changes) keep unchanged parts as they were, like TanStack's
      // default; lists and threads already do so row by row (placeInList, mergeMessage): comparing
      // them deeply again would cost the whole list per text (a conversation moving to the top
      // shifts every index, and TanStack's sharing is by index).
      if (seq === undefined) return isPages(next) ? next : replaceEqualDeep(prev, next)
      const merged = rebase(key, data, seq)
      if (merged !== REMOVE) return replaceEqualDeep(prev, merged)
      queueMicrotask(() => qc.removeQueries({ queryKey: key, exact: true }))
      return prev ?? next
    }

  return {
    /** The oldest seq of the replies placed before the client followed the log (null when none). */
    floor: () => floor,
    /** The client follows the log from `seq` on (the first catch-up, or after a full refetch). */
    startAt(seq: number): void {
      history.reset(seq)
      floor = null
    },
    /** Applies a logged event (in seq order, once each) to every cached query. */
    apply(event: InboxEvent): void {
      history.record(event)
      write(event)
      if (event.type === 'conversation.deleted') {
        pending.deleted(event.conversationId)
        for (const handle of pending.of(event.conversationId)) settle(handle)
      }
      for (const handle of pending.settledBy(event.seq)) settle(handle)
    },
    /** Applies a local change that is not (yet) in the log, e.g. an optimistic deletion. */
    applyLocal: write,
    /**
     * Marks a reply to the query `key` with the seq it reflects, for {@link mergeFor} to merge when
     * TanStack stores it; the events after `seq` are kept until then.
     */
    stamp<T>(key: QueryKey, data: T, seq: number): T {
      if (typeof data !== 'object' || data === null) return data
      stamps.set(data, seq)
      const hash = hashKey(key)
      unplaced.set(hash, Math.min(seq, unplaced.get(hash) ?? seq))
      return data
    },
    /** The `structuralSharing` option of a query, so its stamped replies merge with applied events. */
    mergeFor,
    /** Places a changed conversation from an action's stamped reply (events after it replayed). */
    placeReply(conversation: Conversation, seq: number): void {
      const merged = serverState(inboxKeys.conversation(conversation.id), conversation, seq)
      if (merged === REMOVE) write({ type: 'conversation.deleted', conversationId: conversation.id })
      else write({ type: 'conversation.updated', conversation: merged as Conversation })
    },
    /** The server deleted a conversation (an action's answer): gone from every query. */
    placeDeleted(conversationId: string): void {
      pending.deleted(conversationId)
      write({ type: 'conversation.deleted', conversationId })
    },
    /** Places a contact from an action's stamped reply, unless an applied event already changed it since. */
    placeContact(contact: Contact, seq: number): void {
      const newer = history.since(seq)?.some((e) => e.type === 'contact.updated' && e.contact.phone === contact.phone)
      if (!newer) write({ type: 'contact.updated', contact })
    },
    /**
     * Forgets the applied events up to `seq` (null: none), kept to bring replies up to date: no
     * reply on its way is older (the client's requests are followed by `trackRequests`). The events
     * a received reply still waiting to be placed needs are kept; a query whose fetch ended
     * (placed, refused, cancelled) or that is gone waits for nothing.
     */
    forgetUpTo(seq: number | null): void {
      if (seq === null) return
      let keep = seq
      for (const [hash, at] of unplaced) {
        const query = qc.getQueryCache().get(hash)
        if (!query || query.state.fetchStatus === 'idle') unplaced.delete(hash)
        else keep = Math.min(keep, at)
      }
      history.forgetUpTo(keep)
    },
    /** The events applied after `seq` (null: some are no longer kept), to replay onto older data. */
    eventsSince: (seq: number) => history.since(seq),
    /** How events are applied now: for this viewer, with the waiting changes on top. */
    context,
    /**
     * Shows `change` on a conversation at once, over whatever the server says next, until the
     * server has answered and its events are applied (`answered`) or the change is refused (`drop`).
     */
    change(conversationId: string, change: ConversationChange) {
      const snapshot = pending.serverOf(conversationId) ?? findConversation(qc, conversationId)
      const handle = pending.add(snapshot, conversationId, change)
      rewrite(conversationId, snapshot)
      return {
        /** The server accepted it at `seq`: the change goes once events up to `seq` are applied. */
        answered(seq: number): void {
          const after = applied()
          if (after === null) settle(handle, true)
          else if (after >= seq) settle(handle)
          else pending.answered(handle, seq)
        },
        /** Refused: the conversation shows as the server has it. */
        drop: () => settle(handle),
      }
    },
  }
}

/** The cache writer of a client. */
export type CacheSync = ReturnType<typeof createCacheSync>

import { type InboxEvent, isAllowedFileUrl, type MeResponse, type Viewer } from '@switchboard/protocol'
import { QueryClient } from '@tanstack/query-core'
import { contactActions } from './actions/contactActions'
import type { ActionContext } from './actions/context'
import { conversationActions } from './actions/conversationActions'
import { messageActions, recordSent } from './actions/messageActions'
import { applyEvent, refetchInFlight, touchedBy } from './cache/conversationCache'
import { inboxKeys } from './cache/keys'
import { InboxError, isInboxError, toInboxError } from './errors'
import type { RetryOptions } from './outbox/backoff'
import { createOutbox } from './outbox/createOutbox'
import { defaultStorageAdapter, type StorageAdapter } from './outbox/storageAdapter'
import { createPresence } from './presence'
import { createQueries } from './queries'
import { createRealtime } from './realtime'
import { createInboxStore } from './store'
import type { Transport } from './transport/Transport'
import { watchSession } from './transport/watchSession'

/** Options of {@link createInboxClient}. */
export interface InboxClientOptions {
  transport: Transport
  /** The host's QueryClient, to share one cache; a new one otherwise. */
  queryClient?: QueryClient
  /** Where the outbox and drafts persist. Default: localStorage in browsers, memory elsewhere. */
  storage?: StorageAdapter
  /** Prefix of the persisted keys; give each signed-in user their own. Default `switchboard`. */
  storageKey?: string
  /** Outbox retry delays. */
  retry?: RetryOptions
  /** Makes client message ids. Default `crypto.randomUUID()`. */
  newId?: () => string
  /** Receives errors nobody awaits (a malformed pushed event, a failed catch-up). */
  onError?: (error: InboxError) => void
  /** Open the realtime channel on `connect()`. Default true; false keeps the client on HTTP only. */
  realtime?: boolean
}

/**
 * Creates the headless inbox client: server state in a TanStack Query cache kept live by
 * realtime events, UI state in a zustand store, optimistic actions, and a persisted outbox.
 *
 * @example
 * const client = createInboxClient({ transport: createHttpTransport({ baseUrl: '/api/sms', getToken }) })
 * await client.connect()
 * const page = await client.queryClient.fetchInfiniteQuery(client.queries.conversations({ status: 'unread' }))
 * client.actions.send(conversationId, { body: 'Biscuit is ready for pick-up!' })
 */
export function createInboxClient(options: InboxClientOptions) {
  const store = createInboxStore()
  // Any call refused as unauthorized means the session is over: say so where the UI looks.
  const transport = watchSession(options.transport, (error) =>
    store.setState((s) => ({ connection: { ...s.connection, error } })),
  )
  const queryClient =
    options.queryClient ??
    new QueryClient({
      defaultOptions: {
        queries: { retry: (count, error) => isInboxError(error) && error.retryable && count < 3 },
      },
    })
  const storage = options.storage ?? defaultStorageAdapter()
  const storageKey = options.storageKey ?? 'switchboard'
  const newId = options.newId ?? (() => crypto.randomUUID())
  const reportError = options.onError ?? (() => undefined)
  const queries = createQueries(transport)

  const me = () => queryClient.getQueryData<MeResponse>(inboxKeys.me())
  /** The seq of the last event that touched each conversation, to spot replies that are older than the cache. */
  const touched = new Map<string, number>()
  let applied = 0
  const viewer = (): Viewer => ({ userId: me()?.user.id ?? '' })

  const ctx: ActionContext = {
    qc: queryClient,
    transport,
    store,
    outbox: createOutbox({
      store,
      transport,
      storage,
      storageKey: `${storageKey}:outbox`,
      ...(options.retry ? { retry: options.retry } : {}),
      onSent: (message) => recordSent(ctx, message),
    }),
    viewer,
    country: () => me()?.clinic.country ?? 'US',
    newId,
    appliedSeq: () => applied,
    touchedAfter: (id, seq) => (touched.get(id) ?? 0) > seq,
  }

  const apply = (event: InboxEvent) => {
    applied = event.seq
    for (const id of touchedBy(queryClient, event)) touched.set(id, event.seq)
    applyEvent(queryClient, event, viewer())
    if (event.type === 'message.created' || event.type === 'message.updated') {
      if (event.message.clientMessageId) ctx.outbox.acknowledge(event.message.clientMessageId)
    }
    refetchInFlight(queryClient)
  }
  const presence = createPresence(transport)
  const realtime = createRealtime({
    transport,
    store,
    apply,
    resync: () => queryClient.invalidateQueries({ queryKey: inboxKeys.all, refetchType: 'all' }),
    onCaughtUp: () => ctx.outbox.resume(),
    onConnected: () => presence.reannounce(),
    onError: reportError,
  })

  // Drafts survive a reload like the outbox does.
  const draftsKey = `${storageKey}:drafts`
  void Promise.resolve(storage.getItem(draftsKey)).then((raw) => {
    try {
      const drafts = JSON.parse(raw ?? '{}')
      if (drafts && typeof drafts === 'object') store.setState((s) => ({ drafts: { ...drafts, ...s.drafts } }))
    } catch {
      // a damaged draft store is ignored
    }
  })
  const unsubscribeDrafts = store.subscribe((s, prev) => {
    if (s.drafts !== prev.drafts)
      void Promise.resolve(storage.setItem(draftsKey, JSON.stringify(s.drafts))).catch(() => undefined)
  })

  const fileOrigins = () => transport.fileOrigins ?? (globalThis.location ? [globalThis.location.origin] : [])

  return {
    queryClient,
    store,
    queries,
    transport,
    /**
     * Whether an attachment link may be rendered: http(s) only, from the backend's own origins
     * (`transport.fileOrigins`). A `data:`, `javascript:` or foreign link is never put in the page.
     *
     * @example
     * client.isFileUrlAllowed('/api/files/att_1?sig=…') // true
     * client.isFileUrlAllowed('javascript:alert(1)') // false
     */
    isFileUrlAllowed: (url: string): boolean =>
      isAllowedFileUrl(url, fileOrigins(), globalThis.location?.href ?? 'http://localhost/'),
    actions: {
      ...messageActions(ctx),
      ...conversationActions(ctx),
      ...contactActions(ctx),
      /** Tells other staff which conversation this user has open (`null` when none). */
      setViewing: (conversationId: string | null) => presence.setViewing(conversationId),
    },
    /** The outbox: `idle()` and `flushed()` for tests and shutdown. */
    outbox: ctx.outbox,
    /**
     * Loads who the user is, then opens the realtime channel and catches up. Rejects with
     * `forbidden` for a user without the `messaging` permission (nothing is connected).
     */
    async connect(): Promise<MeResponse> {
      let profile: MeResponse
      try {
        profile = await queryClient.fetchQuery(queries.me())
      } catch (error) {
        const e = toInboxError(error)
        store.setState((s) => ({ connection: { ...s.connection, status: 'disconnected', error: e } }))
        throw e
      }
      if (!profile.user.permissions.includes('messaging')) {
        const e = new InboxError('forbidden', 'You do not have permission to use the SMS inbox.')
        store.setState((s) => ({ connection: { ...s.connection, status: 'disconnected', error: e } }))
        throw e
      }
      if (options.realtime !== false) realtime.connect()
      ctx.outbox.resume()
      return profile
    },
    /** Closes the realtime channel. Queued messages keep trying over HTTP. */
    disconnect(): void {
      realtime.disconnect()
    },
    /** Catches up with the server's event log now (e.g. when the tab becomes visible again). */
    sync: () => realtime.sync(),
    /** Stops everything: realtime, outbox timers, persistence. */
    destroy(): void {
      presence.setViewing(null)
      presence.stop()
      realtime.disconnect()
      ctx.outbox.dispose()
      unsubscribeDrafts()
    },
  }
}

/** An inbox client, as returned by {@link createInboxClient}. */
export type InboxClient = ReturnType<typeof createInboxClient>

import { hasPermission, type InboxEvent, isAllowedFileUrl, type MeResponse, type Viewer } from '@switchboard/protocol'
import { notifyManager, QueryClient } from '@tanstack/query-core'
import { actionsOnDemand } from './actions/actionsOnDemand'
import { createMarkRead } from './actions/changeConversation'
import type { ActionContext } from './actions/context'
import { messageActions, recordSent } from './actions/messageActions'
import { createCacheSync } from './cache/cacheSync'
import { keepRecentThreads } from './cache/keepRecentThreads'
import { inboxKeys } from './cache/keys'
import { InboxError, type InboxError as InboxErrorType, isInboxError, toInboxError } from './errors'
import type { InboxActions, InboxClient, InboxClientOptions } from './InboxClient'
import { createOutbox } from './outbox/createOutbox'
import { defaultStorageAdapter } from './outbox/storageAdapter'

import { pageUrl } from './pageUrl'
import { createQueries } from './queries'
import { createReading } from './reading'
import type { Realtime, RealtimeOptions } from './realtime'
import { createInboxStore } from './store'
import { trackRequests } from './transport/trackRequests'

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
export function createInboxClient(options: InboxClientOptions): InboxClient {
  const store = createInboxStore()
  // Its requests followed: the events a reply on its way may need are kept, the older forgotten;
  // any call refused as unauthorized means the session is over: say so where the UI looks.
  const requests = trackRequests(
    options.transport,
    () => store.getState().connection.lastSeq,
    (error) => store.setState((s) => ({ connection: { ...s.connection, error } })),
  )
  const transport = requests.transport
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

  const me = () => queryClient.getQueryData<MeResponse>(inboxKeys.me())
  const viewer = (): Viewer => ({ userId: me()?.user.id ?? '' })
  const sync = createCacheSync({ qc: queryClient, store, viewer })
  keepRecentThreads(queryClient)
  const queries = createQueries(transport, sync, queryClient, options.pageSize)

  const ctx: ActionContext = {
    qc: queryClient,
    transport,
    store,
    sync,
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
    limits: () => me()?.limits,
    newId,
  }
  // The conversation this user has open, said by the live part once it is loaded.
  let viewing: string | null = null
  const markRead = createMarkRead(ctx)
  const reading = createReading({
    qc: queryClient,
    markRead: (id) => void markRead(id).catch(reportError),
  })

  const apply = (event: InboxEvent) => {
    sync.apply(event)
    sync.forgetUpTo(requests.oldest())
    if (event.type === 'message.created' || event.type === 'message.updated') {
      if (event.message.clientMessageId) ctx.outbox.acknowledge(event.message.clientMessageId)
    }
    reading.afterEvent(event)
  }
  // The live part (event ordering, catch-up, presence signals) loads with the first connect, beside
  // the profile's request, like the socket it listens to: nothing on the first paint needs it.
  let realtime: Realtime | null = null
  let loadingRealtime: Promise<Realtime> | null = null
  const loadRealtime = () =>
    (loadingRealtime ??= import('./realtime').then(
      ({ createRealtime }) => {
        realtime = createRealtime(realtimeOptions)
        realtime.presence.setViewing(viewing)
        return realtime
      },
      (error: unknown) => {
        loadingRealtime = null
        throw toInboxError(error)
      },
    ))
  const realtimeOptions: RealtimeOptions = {
    transport,
    store,
    apply,
    floor: sync.floor,
    startAt: sync.startAt,
    resync: () => queryClient.invalidateQueries({ queryKey: inboxKeys.all, refetchType: 'all' }),
    onCaughtUp: () => ctx.outbox.resume(),
    onError: reportError,
    batch: notifyManager.batch,
  }

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

  // A tab shown again, or a browser back online, catches up at once (and reads what is open).
  let connected = false
  /** How many callers hold the connection open (the provider, a badge, the host). */
  let holds = 0
  const close = () => {
    if (connected) listen(false)
    connected = false
    realtime?.disconnect()
  }
  const onVisible = () => {
    if (globalThis.document?.visibilityState === 'hidden') return
    if (connected) void realtime?.sync()
    reading.becameVisible()
  }
  const onOnline = () => {
    if (connected) void realtime?.sync()
  }
  const listen = (on: boolean) => {
    const method = on ? 'addEventListener' : 'removeEventListener'
    globalThis.document?.[method]('visibilitychange', onVisible)
    globalThis.window?.[method]('online', onOnline)
  }

  const fileOrigins = () => transport.fileOrigins ?? (globalThis.location ? [globalThis.location.origin] : [])
  const messages = messageActions(ctx)
  const onDemand = actionsOnDemand(ctx)
  const actions: InboxActions = {
    ...messages,
    ...onDemand.actions,
    markRead,
    setViewing: (conversationId) => {
      viewing = conversationId
      realtime?.presence.setViewing(conversationId)
      reading.setViewing(conversationId)
    },
  }
  const refuse = (error: InboxErrorType): never => {
    store.setState((s) => ({ connection: { ...s.connection, status: 'disconnected', error } }))
    throw error
  }

  return {
    queryClient,
    store,
    queries,
    transport,
    isFileUrlAllowed: (url) => isAllowedFileUrl(url, fileOrigins(), pageUrl()),
    actions,
    outbox: { flushed: () => ctx.outbox.flushed() },
    async connect(): Promise<MeResponse> {
      holds++
      let profile: MeResponse
      try {
        // The live part loads beside the profile's request; either failing refuses the connect.
        ;[profile] = await Promise.all([
          queryClient.fetchQuery(queries.me()),
          options.realtime === false ? null : loadRealtime(),
        ])
        if (!hasPermission(profile.user, 'messaging')) {
          throw new InboxError('forbidden', 'You do not have permission to use the SMS inbox.')
        }
      } catch (error) {
        holds = Math.max(0, holds - 1)
        return refuse(toInboxError(error))
      }
      if (holds > 0 && !connected) {
        connected = true
        listen(true)
        if (options.realtime !== false) realtime?.connect()
      }
      ctx.outbox.resume()
      ctx.outbox.preload()
      onDemand.preload()
      return profile
    },
    disconnect(): void {
      holds = Math.max(0, holds - 1)
      if (holds === 0) close()
    },
    sync: async () => (await loadRealtime()).sync(),
    destroy(): void {
      actions.setViewing(null)
      realtime?.presence.stop()
      reading.stop()
      holds = 0
      close()
      ctx.outbox.dispose()
      unsubscribeDrafts()
    },
  }
}

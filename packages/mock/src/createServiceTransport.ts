import { type RealtimeHandlers, type Transport, toInboxError } from '@switchboard/core'
import type { ServerEvent } from '@switchboard/protocol'
import type { Actor, InboxService } from '@switchboard/service'

/** Options of {@link createServiceTransport}. */
export interface ServiceTransportOptions {
  /** Hold pushed events until the test delivers them (`deliver`, `deliverAll`). Default false. */
  manual?: boolean
  /**
   * Network latency of a reply in ms (the service answers at once; the reply arrives later), per
   * transport method or one figure for all. Pushed events take `eventLatencyMs`. Default 0.
   */
  latencyMs?: number | ((method: string) => number)
  /** Latency of a pushed event in ms. Default 0 (delivered in the same task as the change). */
  eventLatencyMs?: number
}

/**
 * A `Transport` straight over an in-process inbox service, with the network under the caller's
 * control: events can be held, delivered in any order, duplicated or lost with the socket;
 * replies can be delayed, held and released late (the server has answered; the reply is on its
 * way). For tests and benchmarks of the client without HTTP; `calls` counts requests by method.
 *
 * @example
 * const net = createServiceTransport(service, { clinicId: 'cln_maple', userId: 'usr_dana', permissions }, { latencyMs: 150 })
 * const client = createInboxClient({ transport: net.transport })
 */
export function createServiceTransport(service: InboxService, actor: Actor, options: ServiceTransportOptions = {}) {
  let handlers: RealtimeHandlers | null = null
  const calls: Record<string, number> = {}
  const latency = (method: string) =>
    typeof options.latencyMs === 'function' ? options.latencyMs(method) : (options.latencyMs ?? 0)
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
  let connected = false
  const heldEvents: ServerEvent[] = []
  const delivered: ServerEvent[] = []
  const heldReplies: Array<() => void> = []
  let holdReplies = false
  const wire = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)))

  service.subscribe((clinicId, event) => {
    if (clinicId !== actor.clinicId || !connected) return
    if ((event.type === 'typing' || event.type === 'viewing') && event.userId === actor.userId) return
    if (options.manual) heldEvents.push(wire(event))
    else if (options.eventLatencyMs) {
      const copy = wire(event)
      setTimeout(() => connected && push(copy), options.eventLatencyMs)
    } else push(wire(event))
  })
  const push = (event: ServerEvent) => {
    delivered.push(event)
    handlers?.onEvent(event)
  }

  const answer = async <T>(method: string, run: () => Promise<T>): Promise<T> => {
    calls[method] = (calls[method] ?? 0) + 1
    const ms = latency(method)
    // Half the latency on the way there, half on the way back.
    if (ms > 0) await sleep(ms / 2)
    const settled = await run().then(
      (value) => ({ ok: true as const, value: wire(value) }),
      (error) => ({ ok: false as const, error: toInboxError(error) }),
    )
    if (ms > 0) await sleep(ms / 2)
    if (!settled.ok) throw settled.error
    return settled.value
  }
  const call = <T>(method: string, run: () => Promise<T>): Promise<T> => {
    const result = answer(method, run)
    if (!holdReplies) return result
    result.catch(() => undefined) // the caller sees it when the reply is released
    return new Promise<T>((resolve, reject) => {
      heldReplies.push(() => result.then(resolve, reject))
    })
  }

  const transport: Transport = {
    me: () => call('me', () => service.me(actor)),
    listConversations: (q) => call('listConversations', () => service.stamped.listConversations(actor, q)),
    getConversation: (id) => call('getConversation', () => service.stamped.getConversation(actor, id)),
    startConversation: (r) => call('startConversation', () => service.stamped.startConversation(actor, r)),
    updateConversation: (id, p) => call('updateConversation', () => service.stamped.updateConversation(actor, id, p)),
    deleteConversation: (id) => call('deleteConversation', () => service.stamped.deleteConversation(actor, id)),
    markRead: (id) => call('markRead', () => service.stamped.markRead(actor, id)),
    markUnread: (id) => call('markUnread', () => service.stamped.markUnread(actor, id)),
    assignToClient: (id, r) => call('assignToClient', () => service.stamped.assignToClient(actor, id, r)),
    listMessages: (id, q) => call('listMessages', () => service.stamped.listMessages(actor, id, q)),
    sendMessage: (id, r) => call('sendMessage', () => service.sendMessage(actor, id, r)),
    resendMessage: (id, messageId, r) => call('resendMessage', () => service.resendMessage(actor, id, messageId, r)),
    uploadAttachment: (file, o = {}) =>
      call('uploadAttachment', async () =>
        service.uploadAttachment(actor, {
          name: file.name ?? 'attachment',
          contentType: file.type,
          data: new Uint8Array(await file.arrayBuffer()),
          library: o.library ?? false,
        }),
      ),
    listLibrary: () => call('listLibrary', () => service.listLibrary(actor)),
    renameDocument: (id, name) => call('renameDocument', () => service.renameDocument(actor, id, { name })),
    removeDocument: (id) => call('removeDocument', () => service.removeDocument(actor, id)),
    searchClients: (q) => call('searchClients', () => service.searchClients(actor, { q })),
    getClient: (id) => call('getClient', () => service.getClient(actor, id)),
    createClient: (r) => call('createClient', () => service.createClient(actor, r)),
    updateClient: (id, p) => call('updateClient', () => service.updateClient(actor, id, p)),
    clientMessages: (id, q) => call('clientMessages', () => service.clientMessages(actor, id, q)),
    block: (phone) => call('block', () => service.stamped.block(actor, phone)),
    unblock: (phone) => call('unblock', () => service.stamped.unblock(actor, phone)),
    listContacts: (q = {}) => call('listContacts', () => service.stamped.listContacts(actor, q)),
    recordConsent: (phone, r) => call('recordConsent', () => service.stamped.recordConsent(actor, phone, r)),
    listInboxes: () => call('listInboxes', () => service.listInboxes(actor)),
    createInbox: (name) => call('createInbox', () => service.createInbox(actor, { name })),
    updateInbox: (id, p) => call('updateInbox', () => service.updateInbox(actor, id, p)),
    listTeam: () => call('listTeam', () => service.listTeam(actor)),
    listTemplates: () => call('listTemplates', () => service.listTemplates(actor)),
    createTemplate: (r) => call('createTemplate', () => service.createTemplate(actor, r)),
    updateTemplate: (id, p) => call('updateTemplate', () => service.updateTemplate(actor, id, p)),
    deleteTemplate: (id) => call('deleteTemplate', () => service.deleteTemplate(actor, id)),
    unread: () => call('unread', () => service.stamped.unreadTotals(actor)),
    getSettings: () => call('getSettings', () => service.getSettings(actor)),
    updateSettings: (s) => call('updateSettings', () => service.updateSettings(actor, s)),
    metrics: (q) => call('metrics', () => service.metrics(actor, q)),
    eventsAfter: (seq) => call('eventsAfter', () => service.eventsAfter(actor, { after: seq })),
    connect(h) {
      handlers = h
      connected = true
      queueMicrotask(() => h.onStatus('connected'))
      return () => {
        connected = false
        handlers = null
        h.onStatus('disconnected')
      }
    },
    sendTyping(conversationId, typing) {
      if (connected) void service.setTyping(actor, conversationId, typing).catch(() => undefined)
    },
    sendViewing(conversationId, viewing) {
      if (connected) void service.setViewing(actor, conversationId, viewing).catch(() => undefined)
    },
  }

  return {
    transport,
    /** Requests made so far, by transport method. */
    calls,
    /** Events held in manual mode, oldest first. */
    heldEvents: () => heldEvents.length,
    /** Delivers the held event at `index` (default the oldest). */
    deliver(index = 0): void {
      const [event] = heldEvents.splice(Math.min(index, heldEvents.length - 1), 1)
      if (event && handlers) push(event)
    },
    /** Delivers an already delivered event again. */
    duplicate(index: number): void {
      const event = delivered[index % Math.max(1, delivered.length)]
      if (event && handlers) handlers.onEvent(event)
    },
    /** The socket drops: held events are lost; the client is told it is reconnecting. */
    drop(): void {
      heldEvents.length = 0
      connected = false
      handlers?.onStatus('reconnecting')
    },
    /** The socket is back. */
    reconnect(): void {
      if (!handlers) return
      connected = true
      handlers.onStatus('connected')
    },
    /** Hold replies from now on (true) or answer at once (false). */
    holdReplies(hold: boolean): void {
      holdReplies = hold
    },
    heldReplies: () => heldReplies.length,
    /** Lets the held reply at `index` arrive. */
    release(index = 0): void {
      const [reply] = heldReplies.splice(Math.min(index, heldReplies.length - 1), 1)
      reply?.()
    },
    releaseAll(): void {
      while (heldReplies.length) heldReplies.shift()?.()
    },
    deliverAll(): void {
      while (heldEvents.length) this.deliver(0)
    },
  }
}

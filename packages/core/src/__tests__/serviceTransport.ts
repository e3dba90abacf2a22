import type { ServerEvent } from '@switchboard/protocol'
import type { Actor, InboxService } from '@switchboard/service'
import { toInboxError } from '../errors'
import type { RealtimeHandlers, Transport } from '../transport/Transport'

/**
 * A transport straight over an in-process inbox service, with the network under the test's
 * control: events can be held, delivered in any order, duplicated or lost with the socket;
 * replies can be held and released late (the server has answered; the reply is on its way).
 */
export function createServiceTransport(service: InboxService, actor: Actor, options: { manual?: boolean } = {}) {
  let handlers: RealtimeHandlers | null = null
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
    else push(wire(event))
  })
  const push = (event: ServerEvent) => {
    delivered.push(event)
    handlers?.onEvent(event)
  }

  const call = <T>(run: () => Promise<T>): Promise<T> => {
    const result = run().then(wire, (error) => Promise.reject(toInboxError(error)))
    if (!holdReplies) return result
    result.catch(() => undefined) // the caller sees it when the reply is released
    return new Promise<T>((resolve, reject) => {
      heldReplies.push(() => result.then(resolve, reject))
    })
  }

  const transport: Transport = {
    me: () => call(() => service.me(actor)),
    listConversations: (q) => call(() => service.listConversations(actor, q)),
    getConversation: (id) => call(() => service.getConversation(actor, id)),
    startConversation: (r) => call(() => service.startConversation(actor, r)),
    updateConversation: (id, p) => call(() => service.updateConversation(actor, id, p)),
    deleteConversation: (id) => call(() => service.deleteConversation(actor, id)),
    markRead: (id) => call(() => service.markRead(actor, id)),
    markUnread: (id) => call(() => service.markUnread(actor, id)),
    assignToClient: (id, r) => call(() => service.assignToClient(actor, id, r)),
    listMessages: (id, q) => call(() => service.listMessages(actor, id, q)),
    sendMessage: (id, r) => call(() => service.sendMessage(actor, id, r)),
    uploadAttachment: (file, o = {}) =>
      call(async () =>
        service.uploadAttachment(actor, {
          name: file.name ?? 'attachment',
          contentType: file.type,
          data: new Uint8Array(await file.arrayBuffer()),
          library: o.library ?? false,
        }),
      ),
    listLibrary: () => call(() => service.listLibrary(actor)),
    searchClients: (q) => call(() => service.searchClients(actor, { q })),
    getClient: (id) => call(() => service.getClient(actor, id)),
    createClient: (r) => call(() => service.createClient(actor, r)),
    updateClient: (id, p) => call(() => service.updateClient(actor, id, p)),
    clientMessages: (id) => call(() => service.clientMessages(actor, id)),
    block: (phone) => call(() => service.block(actor, phone)),
    unblock: (phone) => call(() => service.unblock(actor, phone)),
    listContacts: (q = {}) => call(() => service.listContacts(actor, q)),
    recordConsent: (phone, r) => call(() => service.recordConsent(actor, phone, r)),
    listInboxes: () => call(() => service.listInboxes(actor)),
    createInbox: (name) => call(() => service.createInbox(actor, { name })),
    listTeam: () => call(() => service.listTeam(actor)),
    listTemplates: () => call(() => service.listTemplates(actor)),
    unread: () => call(() => service.unreadTotals(actor)),
    getSettings: () => call(() => service.getSettings(actor)),
    updateSettings: (s) => call(() => service.updateSettings(actor, s)),
    metrics: (q) => call(() => service.metrics(actor, q)),
    eventsAfter: (seq) => call(() => service.eventsAfter(actor, { after: seq })),
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

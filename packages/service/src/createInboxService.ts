import type { Contact, InboundText, Message, ServerEvent, Stamped } from '@switchboard/protocol'
import { createMemoryFileStore, createMemoryGateway, createMemoryMailer } from './memory/memoryPorts'
import type { FileStore, FileUrlSigner, Mailer, SmsGateway, Storage } from './ports'
import type { Actor } from './service/actor'
import * as admin from './service/admin'
import * as attachments from './service/attachments'
import * as contacts from './service/contacts'
import type { ServiceContext } from './service/context'
import * as conversations from './service/conversations'
import { receiveInbound } from './service/inbound'
import * as library from './service/library'
import * as messaging from './service/messaging'
import { type ResumedOutbox, type ResumeOutboxOptions, resumeOutbox } from './service/outbound'
import { resendMessage } from './service/resend'
import * as templates from './service/templates'

/** What the inbox service runs on. Only `storage` is required. */
export interface InboxServiceOptions {
  storage: Storage
  mailer?: Mailer
  gateway?: SmsGateway
  files?: FileStore
  /**
   * Signs the attachment URLs the service hands out (signed, expiring, scoped to the clinic), e.g.
   * `createSignedFileUrls({ secret })`. Without it stored URLs are handed out as they are: only
   * for a file store whose URLs need no protection.
   */
  fileUrls?: FileUrlSigner
  /** The current time; tests pass a fixed clock. */
  clock?: () => Date
  /** Makes ids such as `msg_…`; defaults to random UUIDs. */
  newId?: (prefix: string) => string
  /** Receives failures that happen after a change is committed (e-mail, file removal). */
  onError?: (error: unknown, during: string) => void
}

const randomId = (prefix: string) => `${prefix}_${crypto.randomUUID().replace(/-/g, '')}`

type Bound<F> = F extends (ctx: ServiceContext, ...args: infer A) => infer R ? (...args: A) => R : never
const bind = <F extends (ctx: ServiceContext, ...args: never[]) => unknown>(ctx: ServiceContext, fn: F): Bound<F> =>
  ((...args: never[]) => fn(ctx, ...args)) as Bound<F>

/**
 * Creates the inbox service: every SMS rule of Switchboard over a storage. Staff calls take an
 * {@link Actor}; provider calls (inbound texts, delivery reports) name the clinic's number.
 *
 * @example
 * const service = createInboxService({ storage: createMemoryStorage({ clinics: generateSeed().clinics }) })
 * const page = await service.listConversations(actor, { status: 'unread' })
 */
export function createInboxService(options: InboxServiceOptions) {
  const ctx: ServiceContext = {
    storage: options.storage,
    mailer: options.mailer ?? createMemoryMailer(),
    gateway: options.gateway ?? createMemoryGateway(),
    files: options.files ?? createMemoryFileStore(),
    fileUrls: options.fileUrls ?? null,
    clock: options.clock ?? (() => new Date()),
    newId: options.newId ?? randomId,
    listeners: new Set(),
    reportError: options.onError ?? ((error, during) => console.error(`[switchboard] ${during} failed:`, error)),
  }
  const api = serviceApi(ctx)
  return {
    ...api,
    /**
     * The same calls, each answering `{ data, seq }`: `seq` is the event-log position the answer
     * reflects (the last event of its change, or the log's head for a read). A server sends it
     * with every reply so clients merge replies with the events they already applied.
     *
     * @example
     * const { data: page, seq } = await service.stamped.listConversations(actor, { status: 'open' })
     */
    stamped: stampAll(ctx, api),
    /** Listens to every committed event of every clinic (and typing); returns the unsubscribe. */
    subscribe(listener: (clinicId: string, event: ServerEvent) => void): () => void {
      ctx.listeners.add(listener)
      return () => {
        ctx.listeners.delete(listener)
      }
    },
  }
}

/** Every call of the service, bound to `ctx`. */
function serviceApi(ctx: ServiceContext) {
  return {
    me: bind(ctx, admin.me),
    listConversations: bind(ctx, conversations.listConversations),
    getConversation: bind(ctx, conversations.getConversation),
    startConversation: bind(ctx, conversations.startConversation),
    updateConversation: bind(ctx, conversations.updateConversation),
    close: (actor: Actor, id: string) => conversations.updateConversation(ctx, actor, id, { status: 'closed' }),
    reopen: (actor: Actor, id: string) => conversations.updateConversation(ctx, actor, id, { status: 'open' }),
    assign: (actor: Actor, id: string, assigneeId: string | null) =>
      conversations.updateConversation(ctx, actor, id, { assigneeId }),
    moveToInbox: (actor: Actor, id: string, inboxId: string | null) =>
      conversations.updateConversation(ctx, actor, id, { inboxId }),
    deleteConversation: bind(ctx, conversations.deleteConversation),
    markRead: (actor: Actor, id: string) => conversations.setRead(ctx, actor, id, true),
    markUnread: (actor: Actor, id: string) => conversations.setRead(ctx, actor, id, false),
    assignToClient: bind(ctx, conversations.assignToClient),

    listMessages: bind(ctx, messaging.listMessages),
    sendMessage: bind(ctx, messaging.sendMessage),
    resendMessage: bind(ctx, resendMessage),
    uploadAttachment: bind(ctx, attachments.uploadAttachment),
    listLibrary: bind(ctx, library.listLibrary),
    renameDocument: bind(ctx, library.renameDocument),
    removeDocument: bind(ctx, library.removeDocument),

    searchClients: bind(ctx, contacts.searchClients),
    getClient: bind(ctx, contacts.getClient),
    createClient: bind(ctx, contacts.createClient),
    updateClient: bind(ctx, contacts.updateClient),
    clientMessages: bind(ctx, contacts.clientMessages),
    block: (actor: Actor, phone: string): Promise<Contact> => contacts.setBlocked(ctx, actor, phone, true),
    unblock: (actor: Actor, phone: string): Promise<Contact> => contacts.setBlocked(ctx, actor, phone, false),
    listContacts: bind(ctx, contacts.listContacts),
    recordConsent: bind(ctx, contacts.recordConsent),

    listInboxes: bind(ctx, admin.listInboxes),
    createInbox: bind(ctx, admin.createInbox),
    updateInbox: bind(ctx, admin.updateInbox),
    listTeam: bind(ctx, admin.listTeam),
    listTemplates: bind(ctx, templates.listTemplates),
    createTemplate: bind(ctx, templates.createTemplate),
    updateTemplate: bind(ctx, templates.updateTemplate),
    deleteTemplate: bind(ctx, templates.deleteTemplate),
    unreadTotals: bind(ctx, admin.unreadTotals),
    getSettings: bind(ctx, admin.getSettings),
    updateSettings: bind(ctx, admin.updateSettings),
    metrics: bind(ctx, admin.metrics),
    eventsAfter: bind(ctx, admin.eventsAfter),
    setTyping: bind(ctx, admin.setTyping),
    setViewing: bind(ctx, admin.setViewing),

    /** A provider webhook: a text from a contact to the clinic's number (validated; media as bytes). */
    receiveInbound: (text: InboundText): Promise<Message> => receiveInbound(ctx, text),
    /** A provider webhook: a delivery report for an outbound text. */
    applyDeliveryStatus: bind(ctx, messaging.applyDeliveryStatus),
    /** A campaign message from the PMS (reminder, confirmation, promotion), within consent and quiet hours. */
    sendCampaignMessage: bind(ctx, messaging.sendCampaignMessage),
    /**
     * At start, before taking requests, per clinic: fails (with a reason) what a stopped server
     * cut off in the middle of handing to the provider, and hands over what it left queued. With
     * several servers on one database, also every so often, with `handOffTimeoutMs`: what a
     * server that died left behind is handed over by the others.
     */
    resumeOutbox: (clinicId: string, options?: ResumeOutboxOptions): Promise<ResumedOutbox> =>
      resumeOutbox(ctx, clinicId, options),
  }
}

type ServiceApi = ReturnType<typeof serviceApi>

type StampedApi<A> = {
  [K in keyof A]: A[K] extends (...args: infer P) => Promise<infer R> ? (...args: P) => Promise<Stamped<R>> : never
}

/** Each call of `api` run with its own `observeSeq`, answering the highest seq its transactions reflected. */
function stampAll<A extends Record<string, (...args: never[]) => Promise<unknown>>>(
  ctx: ServiceContext,
  api: A,
): StampedApi<A> {
  const out: Record<string, unknown> = {}
  for (const name of Object.keys(api)) {
    out[name] = async (...args: unknown[]) => {
      let seq = 0
      const observeSeq = (reached: number) => {
        seq = Math.max(seq, reached)
      }
      const local: ServiceContext = { ...ctx, observeSeq }
      const call = serviceApi(local)[name as keyof ServiceApi] as (...a: unknown[]) => Promise<unknown>
      const data = await call(...args)
      return { data, seq }
    }
  }
  return out as StampedApi<A>
}

/** The inbox service's API, as returned by {@link createInboxService}. */
export type InboxService = ReturnType<typeof createInboxService>

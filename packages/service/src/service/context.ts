import type { Attachment, InboxEvent, Message, NewInboxEvent, ServerEvent } from '@switchboard/protocol'
import type { ClinicRecord, FileStore, FileUrlSigner, Mailer, SmsGateway, Storage, StorageTx } from '../ports'
import { coalesceEvents } from '../rules/coalesceEvents'

/** Listener for every event a clinic's changes produce, after they are committed. */
export type EventListener = (clinicId: string, event: ServerEvent) => void

/** The ports and settings every service module shares. */
export interface ServiceContext {
  storage: Storage
  mailer: Mailer
  gateway: SmsGateway
  files: FileStore
  /** Signs every attachment URL handed out; null hands out the stored URLs as they are. */
  fileUrls: FileUrlSigner | null
  clock: () => Date
  newId: (prefix: string) => string
  listeners: Set<EventListener>
  /** Where failures after commit go (a mailer down, a file store error): never lost silently. */
  reportError: (error: unknown, during: string) => void
  /**
   * Told the event-log position each transaction of this call reflects (its last event, or the
   * log's head for a read). Set per call by `createInboxService(...).stamped`.
   */
  observeSeq?: (seq: number) => void
}

/** One unit of work inside a clinic transaction. */
export interface Work {
  tx: StorageTx
  clinicId: string
  /** The clinic, its settings and limits, read at the start of the transaction. */
  clinic: ClinicRecord
  /** The time of this unit of work, ISO. */
  now: string
  /**
   * Queues an event; all are logged in the same transaction and pushed after commit, one per
   * message and per contact (the last snapshot wins, see `coalesceEvents`).
   */
  emit(event: NewInboxEvent): void
  /** Marks a conversation changed: one `conversation.updated` with its state at commit is logged. */
  conversationChanged(id: string): void
  /** Asks for an `unread.updated` event with the totals as they stand at commit. */
  unreadChanged(): void
  /** Runs after commit (provider sends, e-mails, file removal); failures there never undo the commit. */
  afterCommit(task: () => Promise<void>): void
}

/**
 * Runs `fn` in one transaction of `clinicId`: its events are logged with it and published to
 * listeners after commit, then its after-commit tasks run in order.
 */
export async function inClinic<T>(ctx: ServiceContext, clinicId: string, fn: (work: Work) => Promise<T>): Promise<T> {
  const tasks: Array<() => Promise<void>> = []
  let logged: InboxEvent[] = []
  const result = await ctx.storage.transaction(clinicId, async (tx) => {
    const pending: NewInboxEvent[] = []
    const changed = new Set<string>()
    let unread = false
    const work: Work = {
      tx,
      clinicId,
      clinic: await tx.clinic(),
      now: ctx.clock().toISOString(),
      emit: (event) => pending.push(event),
      conversationChanged: (id) => changed.add(id),
      unreadChanged: () => {
        unread = true
      },
      afterCommit: (task) => tasks.push(task),
    }
    const value = await fn(work)
    const events = coalesceEvents(pending)
    const deleted = new Set(events.flatMap((e) => (e.type === 'conversation.deleted' ? [e.conversationId] : [])))
    for (const id of changed) {
      const conversation = deleted.has(id) ? null : await tx.getConversation(id)
      if (conversation) events.push({ type: 'conversation.updated', conversation })
    }
    if (unread) events.push({ type: 'unread.updated', unread: await tx.unreadTotals() })
    logged = events.length > 0 ? await tx.appendEvents(events, work.now) : []
    ctx.observeSeq?.(logged.at(-1)?.seq ?? (await tx.lastSeq()))
    return value
  })
  publish(ctx, clinicId, logged)
  for (const task of tasks) await task()
  return result
}

/** An attachment as handed out: its URLs signed for the clinic (stored URLs are never handed out). */
export function presentAttachment<A extends Attachment>(ctx: ServiceContext, clinicId: string, attachment: A): A {
  const signer = ctx.fileUrls
  if (!signer) return attachment
  const now = ctx.clock()
  const file = { clinicId, fileId: attachment.id }
  const { thumbnailUrl, ...rest } = attachment
  return {
    ...rest,
    url: signer.sign(attachment.url, file, now),
    ...(thumbnailUrl ? { thumbnailUrl: signer.sign(thumbnailUrl, file, now) } : {}),
  } as A
}

/** A message as handed out: its attachments' URLs signed. */
export function presentMessage<M extends Message>(ctx: ServiceContext, clinicId: string, message: M): M {
  if (!ctx.fileUrls || message.attachments.length === 0) return message
  return { ...message, attachments: message.attachments.map((a) => presentAttachment(ctx, clinicId, a)) }
}

/** An event as handed out (pushed or caught up): its message's attachment URLs signed. */
export function presentEvent<E extends ServerEvent>(ctx: ServiceContext, clinicId: string, event: E): E {
  if ('message' in event) return { ...event, message: presentMessage(ctx, clinicId, event.message) }
  return event
}

/** Hands events to every listener; a throwing listener does not stop the others. */
export function publish(ctx: ServiceContext, clinicId: string, events: readonly ServerEvent[]): void {
  for (const logged of events) {
    const event = presentEvent(ctx, clinicId, logged)
    for (const listener of ctx.listeners) {
      try {
        listener(clinicId, event)
      } catch {
        // a listener's failure is its own; the change is committed
      }
    }
  }
}

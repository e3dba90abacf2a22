import type { Message } from '@switchboard/protocol'
import type { InboxStore } from '../store'
import type { Transport } from '../transport/Transport'
import type { RetryOptions } from './backoff'
import type { OutboxEntry } from './outboxEntry'
import type { Sender } from './outboxSender'
import type { StorageAdapter } from './storageAdapter'

export interface OutboxOptions {
  store: InboxStore
  transport: Transport
  storage: StorageAdapter
  storageKey: string
  retry?: RetryOptions
  /** Called with the server's message when a send is acknowledged. */
  onSent(message: Message, entry: OutboxEntry): void
  now?: () => number
}

function isEntry(value: unknown): value is OutboxEntry {
  const e = value as OutboxEntry
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.clientMessageId === 'string' &&
    typeof e.conversationId === 'string' &&
    typeof e.body === 'string' &&
    Array.isArray(e.attachments)
  )
}

/**
 * The outbox: sends each message once its turn comes (one at a time per conversation, in the
 * order written), retries with backoff while retrying makes sense (network, timeout, 5xx), keeps
 * refused ones as `failed` for the user to retry or discard, and persists every change so a
 * reload loses nothing. The server's idempotency on `clientMessageId` makes a resend after an
 * unknown outcome safe.
 */
export function createOutbox(options: OutboxOptions) {
  const { store, storage, storageKey } = options
  const now = options.now ?? Date.now
  let stopped = false
  let persisting = Promise.resolve()

  const entries = () => store.getState().outbox
  const patch = (id: string, change: Partial<OutboxEntry>) =>
    store.setState((s) => ({ outbox: s.outbox.map((e) => (e.clientMessageId === id ? { ...e, ...change } : e)) }))
  const remove = (id: string) => {
    if (entries().some((e) => e.clientMessageId === id)) {
      store.setState((s) => ({ outbox: s.outbox.filter((e) => e.clientMessageId !== id) }))
    }
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.outbox === previous.outbox) return
    const value = JSON.stringify(state.outbox)
    persisting = persisting.then(() => storage.setItem(storageKey, value)).catch(() => undefined)
  })

  const hydrated = (async () => {
    let stored: unknown = []
    try {
      stored = JSON.parse((await storage.getItem(storageKey)) ?? '[]')
    } catch {
      stored = []
    }
    const restored = (Array.isArray(stored) ? stored : [])
      .filter(isEntry)
      .map((e): OutboxEntry => ({ ...e, status: e.status === 'failed' ? 'failed' : 'queued', nextAttemptAt: 0 }))
    if (restored.length === 0) return
    store.setState((s) => {
      const known = new Set(s.outbox.map((e) => e.clientMessageId))
      return { outbox: [...restored.filter((e) => !known.has(e.clientMessageId)), ...s.outbox] }
    })
  })()

  // The sender (turns, retries with backoff) loads with the first message to send, or with
  // `preload()` once the inbox is up; the queue itself is here, so a message shows at once.
  let sender: Promise<Sender> | null = null
  const loadSender = () =>
    (sender ??= import('./outboxSender').then(
      ({ createSender }) => createSender({ ...options, now, hydrated, entries, patch, remove, stopped: () => stopped }),
      (error: unknown) => {
        sender = null
        throw error
      },
    ))
  const pump = (conversationId: string) =>
    void loadSender().then(
      (s) => s.pump(conversationId),
      () => undefined, // not loaded (offline): the next send, retry or reconnect tries again
    )

  const conversationsWithWork = () => [
    ...new Set(
      entries()
        .filter((e) => e.status !== 'failed')
        .map((e) => e.conversationId),
    ),
  ]

  return {
    /** Adds a message and starts sending it when its turn comes. */
    enqueue(entry: Pick<OutboxEntry, 'clientMessageId' | 'conversationId' | 'body' | 'attachments'>): OutboxEntry {
      const full: OutboxEntry = {
        ...entry,
        status: 'queued',
        createdAt: new Date(now()).toISOString(),
        attempts: 0,
        nextAttemptAt: 0,
        error: null,
      }
      store.setState((s) => ({ outbox: [...s.outbox, full] }))
      pump(entry.conversationId)
      return full
    },
    /** The server has the message (its event arrived): forget the entry. */
    acknowledge(clientMessageId: string): void {
      remove(clientMessageId)
    },
    /** Tries a failed (or waiting) message again now. */
    retry(clientMessageId: string): void {
      const entry = entries().find((e) => e.clientMessageId === clientMessageId)
      if (!entry || entry.status === 'sending') return
      patch(clientMessageId, { status: 'queued', nextAttemptAt: 0, error: null })
      pump(entry.conversationId)
    },
    /** Drops a waiting or failed message. One already on the wire may still arrive. */
    discard(clientMessageId: string): void {
      remove(clientMessageId)
    },
    /** The connection is back: retry every waiting message now. */
    resume(): void {
      stopped = false
      if (entries().some((e) => e.status === 'queued' && e.nextAttemptAt > 0)) {
        store.setState((s) => ({
          outbox: s.outbox.map((e) => (e.status === 'queued' ? { ...e, nextAttemptAt: 0 } : e)),
        }))
      }
      for (const id of conversationsWithWork()) pump(id)
    },
    /** Stops sending (timers cleared); queued messages stay, persisted. */
    stop(): void {
      stopped = true
      void sender?.then(
        (s) => s.stop(),
        () => undefined,
      )
    },
    /** Resolves once stored entries are loaded and the last change is persisted. */
    async flushed(): Promise<void> {
      await hydrated
      await persisting
    },
    /** Loads the sender now, so the first message goes out without waiting for it. */
    preload(): void {
      void loadSender().catch(() => undefined)
    },
    dispose(): void {
      this.stop()
      unsubscribe()
    },
  }
}

export type Outbox = ReturnType<typeof createOutbox>

import { type Contact, type Conversation, countUnread, type UnreadTotals } from '@switchboard/protocol'

/** An optimistic change of a conversation; `null` hides it (an optimistic deletion). */
export type ConversationChange = (conversation: Conversation) => Conversation | null

interface Change {
  conversationId: string
  change: ConversationChange
  /** The seq of the server's answer: the change goes once events up to it are applied. */
  until: number | null
}

/**
 * Optimistic changes of conversations waiting for the server, kept apart from server state: every
 * server snapshot of a changed conversation is shown with the changes on top, and the unread
 * totals are shown with the difference they make, until the server's own events catch up. So a
 * text arriving while "mark read" is on its way never shows as unread, and a refused change goes
 * back to exactly what the server says, with nothing refetched.
 */
export function createPendingChanges() {
  const changes = new Map<number, Change>()
  /** The server's snapshot of each changed conversation; null once the server deleted it. */
  const server = new Map<string, Conversation | null>()
  /** Each changed conversation as the last server totals counted it (totals come after snapshots in a change). */
  const counted = new Map<string, Conversation | null>()
  let serverTotals: UnreadTotals | null = null
  let next = 1

  const changesOf = (id: string) => [...changes.values()].filter((c) => c.conversationId === id)
  /** Totals with each changed conversation counted as shown instead of as the totals counted it. */
  const shownTotals = (totals: UnreadTotals): UnreadTotals => {
    let shown = totals
    for (const [id, asCounted] of counted) {
      const latest = server.get(id)
      if (asCounted) shown = countUnread(shown, asCounted, -1)
      const after = latest ? apply(latest) : null
      if (after) shown = countUnread(shown, after, 1)
    }
    return shown
  }
  const apply = (conversation: Conversation): Conversation | null =>
    changesOf(conversation.id).reduce<Conversation | null>((shown, c) => (shown ? c.change(shown) : null), conversation)

  return {
    /** A server snapshot as shown (remembered while changes to it wait); null when hidden. */
    present(conversation: Conversation): Conversation | null {
      if (!changesOf(conversation.id).length) return conversation
      server.set(conversation.id, conversation)
      return apply(conversation)
    },
    /** Server totals as shown: each changed conversation counted as shown instead of as stored. */
    presentTotals(totals: UnreadTotals): UnreadTotals {
      serverTotals = totals
      for (const [id, snapshot] of server) counted.set(id, snapshot)
      return shownTotals(totals)
    },
    /** The last server totals as shown now (null before any were seen). */
    shownTotals: (): UnreadTotals | null => (serverTotals ? shownTotals(serverTotals) : null),
    /** The server's snapshot of a conversation with changes waiting, if known. */
    serverOf: (id: string): Conversation | null | undefined => server.get(id),
    /** A contact changed: the snapshots of its changed conversations carry it. */
    contactChanged(contact: Contact): void {
      for (const map of [server, counted]) {
        for (const [id, snapshot] of map)
          if (snapshot?.contact.phone === contact.phone) map.set(id, { ...snapshot, contact })
      }
    },
    /** The server deleted a changed conversation. */
    deleted(id: string): void {
      if (server.has(id)) server.set(id, null)
    },
    /** Adds a change over `snapshot` (the server's state); returns its handle. */
    add(snapshot: Conversation | null | undefined, conversationId: string, change: ConversationChange): number {
      if (snapshot !== undefined && !server.has(conversationId)) {
        server.set(conversationId, snapshot)
        counted.set(conversationId, snapshot)
      }
      const handle = next++
      changes.set(handle, { conversationId, change, until: null })
      return handle
    },
    /** The server answered at `seq`: the change stays until events up to `seq` are applied. */
    answered(handle: number, seq: number): void {
      const change = changes.get(handle)
      if (change) change.until = seq
    },
    /**
     * Makes a change part of the server's snapshot: the server accepted it and no event will say
     * so (a client without realtime).
     */
    adopt(handle: number): void {
      const change = changes.get(handle)
      const snapshot = change ? server.get(change.conversationId) : undefined
      if (change && snapshot) {
        server.set(change.conversationId, change.change(snapshot))
        counted.set(change.conversationId, change.change(snapshot))
      }
    },
    /** Removes a change; answers its conversation's id (to show it again without it). */
    drop(handle: number): string | undefined {
      const change = changes.get(handle)
      if (!change) return undefined
      changes.delete(handle)
      if (!changesOf(change.conversationId).length) {
        server.delete(change.conversationId)
        counted.delete(change.conversationId)
      }
      return change.conversationId
    },
    /** Handles whose server answer is covered by the events applied up to `seq`. */
    settledBy(seq: number): number[] {
      return [...changes.entries()].filter(([, c]) => c.until !== null && c.until <= seq).map(([h]) => h)
    },
    /** The conversation a change is about. */
    conversationOf: (handle: number): string | undefined => changes.get(handle)?.conversationId,
    /** Conversations with changes waiting. */
    ids: (): string[] => [...new Set([...changes.values()].map((c) => c.conversationId))],
    /** Handles of changes to a conversation (e.g. one that was deleted). */
    of: (id: string): number[] => [...changes.entries()].filter(([, c]) => c.conversationId === id).map(([h]) => h),
  }
}

export type PendingChanges = ReturnType<typeof createPendingChanges>

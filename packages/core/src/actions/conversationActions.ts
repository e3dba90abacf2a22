import {
  type AssignToClientRequest,
  type Client,
  type Conversation,
  isUnread,
  type UnreadTotals,
} from '@switchboard/protocol'
import { findConversation, placeConversation, removeConversation, restore, snapshot } from '../cache/conversationCache'
import { inboxKeys } from '../cache/keys'
import { toInboxError } from '../errors'
import type { ActionContext } from './context'

/** Moves the badge numbers by the difference between two states of a conversation. */
function adjustUnread(ctx: ActionContext, before: Conversation, after: Conversation | null): void {
  const totals = ctx.qc.getQueryData<UnreadTotals>(inboxKeys.unread())
  if (!totals) return
  const weight = (c: Conversation | null) =>
    c && isUnread(c) ? { conversations: 1, messages: c.unreadCount, inbox: c.inboxId ?? 'none' } : null
  const was = weight(before)
  const now = weight(after)
  if (!was && !now) return
  const byInbox = { ...totals.byInbox }
  if (was) byInbox[was.inbox] = Math.max(0, (byInbox[was.inbox] ?? 0) - 1)
  if (now) byInbox[now.inbox] = (byInbox[now.inbox] ?? 0) + 1
  ctx.qc.setQueryData<UnreadTotals>(inboxKeys.unread(), {
    conversations: Math.max(0, totals.conversations - (was?.conversations ?? 0) + (now?.conversations ?? 0)),
    messages: Math.max(0, totals.messages - (was?.messages ?? 0) + (now?.messages ?? 0)),
    byInbox,
  })
}

/**
 * Changes a conversation optimistically: the cache shows the change at once (lists re-filtered,
 * badge adjusted); the server's answer replaces it; a refusal puts the cache back and rejects
 * with a typed `InboxError`.
 */
async function mutate(
  ctx: ActionContext,
  id: string,
  change: ((c: Conversation) => Conversation) | null,
  call: () => Promise<Conversation>,
): Promise<Conversation> {
  const saved = snapshot(ctx.qc)
  const current = findConversation(ctx.qc, id)
  if (current && change) {
    const next = change(current)
    placeConversation(ctx.qc, next, ctx.viewer())
    adjustUnread(ctx, current, next)
  }
  const startedAt = ctx.appliedSeq()
  try {
    const result = await call()
    await placeReply(ctx, result, startedAt)
    return result
  } catch (error) {
    restore(ctx.qc, saved)
    throw toInboxError(error)
  }
}

/**
 * Places an action's reply, unless events about the conversation were applied while the reply
 * was on its way: then the reply may be older than the cache, so the conversation is read again.
 */
async function placeReply(ctx: ActionContext, reply: Conversation, startedAt: number): Promise<void> {
  if (!ctx.touchedAfter(reply.id, startedAt)) {
    placeConversation(ctx.qc, reply, ctx.viewer())
    return
  }
  for (let tries = 0; tries < 3; tries++) {
    const seq = ctx.appliedSeq()
    let fresh: Conversation
    try {
      fresh = await ctx.transport.getConversation(reply.id)
    } catch (error) {
      if (toInboxError(error).code === 'not_found') removeConversation(ctx.qc, reply.id)
      return
    }
    if (!ctx.touchedAfter(reply.id, seq)) {
      placeConversation(ctx.qc, fresh, ctx.viewer())
      return
    }
  }
}

const nowIso = () => new Date().toISOString()

export function conversationActions(ctx: ActionContext) {
  const t = ctx.transport
  return {
    /** Closes a conversation (kept in history; a new text reopens it). */
    close: (id: string) =>
      mutate(
        ctx,
        id,
        (c) => ({ ...c, status: 'closed', closedAt: nowIso() }),
        () => t.updateConversation(id, { status: 'closed' }),
      ),
    reopen: (id: string) =>
      mutate(
        ctx,
        id,
        (c) => ({ ...c, status: 'open', closedAt: null }),
        () => t.updateConversation(id, { status: 'open' }),
      ),
    markRead: (id: string) =>
      mutate(
        ctx,
        id,
        (c) => ({ ...c, unreadCount: 0, markedUnread: false }),
        () => t.markRead(id),
      ),
    markUnread: (id: string) =>
      mutate(
        ctx,
        id,
        (c) => ({ ...c, markedUnread: true }),
        () => t.markUnread(id),
      ),
    /** Assigns to a team member, or unassigns with `null`. */
    assign: (id: string, memberId: string | null) =>
      mutate(
        ctx,
        id,
        (c) => ({ ...c, assigneeId: memberId }),
        () => t.updateConversation(id, { assigneeId: memberId }),
      ),
    /** Moves to an inbox, or out of every inbox with `null`. */
    moveToInbox: (id: string, inboxId: string | null) =>
      mutate(
        ctx,
        id,
        (c) => ({ ...c, inboxId }),
        () => t.updateConversation(id, { inboxId }),
      ),
    /** Staff judged a "possible opt-out" text is not one: the flag goes (the text stays). */
    dismissOptOutRequest: (id: string) =>
      mutate(
        ctx,
        id,
        (c) => ({ ...c, optOutRequest: null }),
        () => t.updateConversation(id, { optOutRequest: null }),
      ),
    /** Assigns the number to an existing client (shown at once when the client is cached) or a new one. */
    assignToClient: (id: string, request: AssignToClientRequest) => {
      const known =
        'clientId' in request
          ? (ctx.qc.getQueryData<Client>(inboxKeys.client(request.clientId)) ??
            ctx.qc
              .getQueriesData<Client[]>({ queryKey: ['switchboard', 'clients'] })
              .flatMap(([, list]) => list ?? [])
              .find((c) => c.id === request.clientId))
          : undefined
      const change = known
        ? (c: Conversation): Conversation => ({
            ...c,
            client: { id: known.id, firstName: known.firstName, lastName: known.lastName, patients: known.patients },
            contact: { ...c.contact, clientId: known.id },
          })
        : null
      return mutate(ctx, id, change, () => t.assignToClient(id, request))
    },
    /** Deletes for good: gone from every list at once, back if the server refuses. */
    async remove(id: string): Promise<void> {
      const saved = snapshot(ctx.qc)
      const current = findConversation(ctx.qc, id)
      removeConversation(ctx.qc, id)
      if (current) adjustUnread(ctx, current, null)
      if (ctx.store.getState().selectedConversationId === id) ctx.store.getState().select(null)
      try {
        await t.deleteConversation(id)
      } catch (error) {
        restore(ctx.qc, saved)
        throw toInboxError(error)
      }
    },
  }
}

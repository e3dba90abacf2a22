import type { AssignToClientRequest, Client, Conversation, PatchConversationRequest } from '@switchboard/protocol'
import { inboxKeys } from '../cache/keys'
import type { ConversationChange } from '../cache/pendingChanges'
import { changeConversation } from './changeConversation'
import type { ActionContext } from './context'
import { optimistic } from './optimistic'

const nowIso = () => new Date().toISOString()

/** A client the cache already knows (its detail or any search result), to show an assignment at once. */
function knownClient(ctx: ActionContext, clientId: string): Client | undefined {
  return (
    ctx.qc.getQueryData<Client>(inboxKeys.client(clientId)) ??
    ctx.qc
      .getQueriesData<Client[]>({ queryKey: inboxKeys.clientSearches() })
      .flatMap(([, list]) => list ?? [])
      .find((c) => c.id === clientId)
  )
}

/**
 * The actions on a conversation from its menus (close, reopen, mark unread, assign, move, assign
 * to a client, delete): loaded after the inbox is up, not with it (see `actionsOnDemand`).
 * `markRead`, which opening a conversation needs, is in `changeConversation`.
 */
export function conversationActions(ctx: ActionContext) {
  const t = ctx.transport
  const change = (id: string, shown: ConversationChange | null, call: () => ReturnType<typeof t.markRead>) =>
    changeConversation(ctx, id, shown, call)
  /** A change through `PATCH /conversations/:id`, shown at once as the patch itself. */
  const patch = (
    id: string,
    request: PatchConversationRequest,
    shown: ConversationChange = (c) => ({ ...c, ...request }) as Conversation,
  ) => change(id, shown, () => t.updateConversation(id, request))
  return {
    /** Closes a conversation (kept in history; a new text reopens it). */
    close: (id: string) =>
      patch(id, { status: 'closed' }, (c) => ({ ...c, status: 'closed', closedAt: c.closedAt ?? nowIso() })),
    reopen: (id: string) => patch(id, { status: 'open' }, (c) => ({ ...c, status: 'open', closedAt: null })),
    markUnread: (id: string) =>
      change(
        id,
        (c) => ({ ...c, markedUnread: true }),
        () => t.markUnread(id),
      ),
    /** Assigns to a team member, or unassigns with `null`. */
    assign: (id: string, memberId: string | null) => patch(id, { assigneeId: memberId }),
    /** Moves to an inbox, or out of every inbox with `null`. */
    moveToInbox: (id: string, inboxId: string | null) => patch(id, { inboxId }),
    /** Staff judged a "possible opt-out" text is not one: the flag goes (the text stays). */
    dismissOptOutRequest: (id: string) => patch(id, { optOutRequest: null }),
    /** Assigns the number to an existing client (shown at once when the client is cached) or a new one. */
    assignToClient: (id: string, request: AssignToClientRequest) => {
      const known = 'clientId' in request ? knownClient(ctx, request.clientId) : undefined
      const shown: ConversationChange | null = known
        ? (c) => ({
            ...c,
            client: { id: known.id, firstName: known.firstName, lastName: known.lastName, patients: known.patients },
            contact: { ...c.contact, clientId: known.id },
          })
        : null
      return change(id, shown, () => t.assignToClient(id, request))
    },
    /** Deletes for good: gone from every list (and the badge) at once, back if the server refuses. */
    async remove(id: string): Promise<void> {
      if (ctx.store.getState().selectedConversationId === id) ctx.store.getState().select(null)
      await optimistic(ctx, {
        conversation: { id, change: () => null },
        show: () => ctx.sync.applyLocal({ type: 'conversation.deleted', conversationId: id }),
        call: () => t.deleteConversation(id),
        place: () => ctx.sync.placeDeleted(id),
      })
    },
  }
}

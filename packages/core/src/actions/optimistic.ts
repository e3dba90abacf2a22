import type { ConversationChange } from '../cache/pendingChanges'
import { changedSince, restore, snapshot } from '../cache/rollback'
import { toInboxError } from '../errors'
import { showConversationChange } from './changeConversation'
import type { ActionContext } from './context'

/** What an optimistic action shows at once and how its answer is placed. */
export interface OptimisticPlan<T> {
  /** A change of one conversation, shown over whatever the server says until it has answered. */
  conversation?: { id: string; change: ConversationChange }
  /** Any other change of the cache, shown at once; put back if the server refuses. */
  show?: () => void
  /** The request. */
  call: () => Promise<T>
  /** Places the answer in the cache. */
  place?: (result: T) => void
}

/**
 * The optimistic-update helper of the menus' and settings' actions: shows the change at once,
 * places the server's answer, and on a refusal shows exactly what the server has (events applied
 * meanwhile kept, nothing read again) and rejects with a typed `InboxError`. A change of one
 * conversation alone is `changeConversation`, which loads with the inbox (mark read).
 */
export async function optimistic<T>(ctx: ActionContext, plan: OptimisticPlan<T>): Promise<T> {
  const change = plan.conversation ? showConversationChange(ctx, plan.conversation.id, plan.conversation.change) : null
  const before = plan.show ? snapshot(ctx.qc, ctx.store) : null
  plan.show?.()
  const touched = before ? changedSince(ctx.qc, before) : null
  let result: T
  try {
    result = await plan.call()
  } catch (error) {
    change?.refused()
    if (touched) restore(ctx.qc, ctx.sync, touched)
    throw toInboxError(error)
  }
  plan.place?.(result)
  change?.answered(result)
  return result
}

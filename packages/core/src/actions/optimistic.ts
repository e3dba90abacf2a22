import type { Stamped } from '@switchboard/protocol'
import type { ConversationChange } from '../cache/pendingChanges'
import { toInboxError } from '../errors'
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

const seqOf = (result: unknown): number | null => {
  const seq = (result as Partial<Stamped<unknown>> | undefined)?.seq
  return typeof seq === 'number' ? seq : null
}

/**
 * The one optimistic-update helper of the client: shows the change at once, places the server's
 * answer, and on a refusal shows exactly what the server has (events applied meanwhile kept,
 * nothing read again) and rejects with a typed `InboxError`.
 */
export async function optimistic<T>(ctx: ActionContext, plan: OptimisticPlan<T>): Promise<T> {
  const change = plan.conversation ? ctx.sync.change(plan.conversation.id, plan.conversation.change) : null
  const before = plan.show ? ctx.sync.snapshot() : null
  plan.show?.()
  const touched = before ? ctx.sync.changedSince(before) : null
  let result: T
  try {
    result = await plan.call()
  } catch (error) {
    change?.drop()
    if (touched) ctx.sync.restore(touched)
    throw toInboxError(error)
  }
  plan.place?.(result)
  const seq = seqOf(result)
  if (change) {
    if (seq === null) change.drop()
    else change.answered(seq)
  }
  return result
}

import type { Conversation, Stamped } from '@switchboard/protocol'
import type { ConversationChange } from '../cache/pendingChanges'
import { toInboxError } from '../errors'
import type { ActionContext } from './context'

const seqOf = (result: unknown): number | null => {
  const seq = (result as Partial<Stamped<unknown>> | undefined)?.seq
  return typeof seq === 'number' ? seq : null
}

/**
 * Shows a change of one conversation at once (every list, the detail and the badge), over
 * whatever the server says next, until the request's answer: `answered` with it (the change goes
 * once the events up to its seq are applied; at once when it carries none) or `refused`.
 */
export function showConversationChange(ctx: ActionContext, id: string, change: ConversationChange) {
  const shown = ctx.sync.change(id, change)
  return {
    refused: () => shown.drop(),
    answered(result: unknown): void {
      const seq = seqOf(result)
      if (seq === null) shown.drop()
      else shown.answered(seq)
    },
  }
}

/**
 * Changes a conversation optimistically: every list, the detail and the badge show the change
 * at once and keep showing it over incoming events until the server's answer (stamped with its
 * seq) is placed; a refusal shows the server's state again and rejects with a typed `InboxError`.
 */
export async function changeConversation(
  ctx: ActionContext,
  id: string,
  shown: ConversationChange | null,
  call: () => Promise<Stamped<Conversation>>,
): Promise<Conversation> {
  const change = shown ? showConversationChange(ctx, id, shown) : null
  let reply: Stamped<Conversation>
  try {
    reply = await call()
  } catch (error) {
    change?.refused()
    throw toInboxError(error)
  }
  ctx.sync.placeReply(reply.data, reply.seq)
  change?.answered(reply)
  return reply.data
}

const read: ConversationChange = (c) => ({ ...c, unreadCount: 0, markedUnread: false })

/**
 * Marks a conversation read, shown at once (row and badge). Loaded with the inbox: opening a
 * conversation and each text arriving in the open one read it.
 *
 * Calls for a conversation whose read is on its way join it: its one optimistic change stays
 * (every text arriving meanwhile is shown read over it) and, when the request answers, one more
 * is sent for what came meanwhile, until one answers with nothing new. A burst of texts into the
 * open thread costs a request or two at a time, not one per text, and the badge never rises.
 */
export function createMarkRead(ctx: ActionContext): (id: string) => Promise<Conversation> {
  const reading = new Map<string, { again: boolean; done: Promise<Conversation> }>()
  return (id) => {
    const current = reading.get(id)
    if (current) {
      current.again = true
      return current.done
    }
    const entry = { again: false, done: Promise.resolve(null as unknown as Conversation) }
    reading.set(id, entry)
    entry.done = changeConversation(ctx, id, read, async () => {
      try {
        for (;;) {
          entry.again = false
          const reply = await ctx.transport.markRead(id)
          // Synchronously with the check: a call after it starts a read of its own.
          if (!entry.again) return reply
        }
      } finally {
        reading.delete(id)
      }
    })
    return entry.done
  }
}

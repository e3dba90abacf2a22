import type { NewInboxEvent } from '@switchboard/protocol'

/**
 * One event per thing per transaction: of several events about one message (created, then its
 * status changed) or one contact, only one is kept, at the place of the first and with the last
 * snapshot; a message created in the transaction stays `message.created`. Conversation snapshots
 * are not queued here: the transaction reads each changed conversation once, at commit.
 */
export function coalesceEvents(events: readonly NewInboxEvent[]): NewInboxEvent[] {
  const out: NewInboxEvent[] = []
  const at = new Map<string, number>()
  for (const event of events) {
    const key = keyOf(event)
    const index = key === null ? undefined : at.get(key)
    if (index === undefined) {
      if (key !== null) at.set(key, out.length)
      out.push(event)
      continue
    }
    const first = out[index] as NewInboxEvent
    out[index] =
      first.type === 'message.created' && event.type === 'message.updated' ? { ...event, type: first.type } : event
  }
  return out
}

function keyOf(event: NewInboxEvent): string | null {
  switch (event.type) {
    case 'message.created':
    case 'message.updated':
      return `message:${event.message.id}`
    case 'contact.updated':
      return `contact:${event.contact.phone}`
    case 'conversation.updated':
      return `conversation:${event.conversation.id}`
    case 'conversation.deleted':
      return `deleted:${event.conversationId}`
    default:
      return null
  }
}

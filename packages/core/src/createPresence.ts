import { VIEWING_HEARTBEAT } from './presence'
import type { Transport } from './transport/Transport'

/**
 * This user's own presence: which conversation they have open, announced when it changes, when
 * someone new opens it too (so a newcomer learns at once who is already there, not at the next
 * heartbeat), again every 20 s, and after every reconnect. Part of the live part of the client.
 */
export function createPresence(transport: Transport) {
  let current: string | null = null
  let timer: ReturnType<typeof setInterval> | null = null
  const announce = () => {
    if (current) transport.sendViewing(current, true)
  }
  return {
    setViewing(conversationId: string | null): void {
      if (conversationId === current) return
      if (current) transport.sendViewing(current, false)
      current = conversationId
      if (timer) clearInterval(timer)
      timer = null
      if (current) {
        announce()
        timer = setInterval(announce, VIEWING_HEARTBEAT)
      }
    },
    /** The connection is back: say again what is open. */
    reannounce: announce,
    /** Someone new opened a conversation: if this user has it open too, they are told at once. */
    welcome(conversationId: string): void {
      if (conversationId === current) announce()
    },
    stop(): void {
      if (timer) clearInterval(timer)
      timer = null
    },
  }
}

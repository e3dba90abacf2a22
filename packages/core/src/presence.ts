import { VIEWING_HEARTBEAT } from './realtime'
import type { Transport } from './transport/Transport'

/**
 * This user's own presence: which conversation they have open, announced when it changes, again
 * every 20 s (so late joiners learn it), and after every reconnect.
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
    stop(): void {
      if (timer) clearInterval(timer)
      timer = null
    },
  }
}

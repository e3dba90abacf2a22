import type { Attachment } from '@switchboard/protocol'

/** A message the user sent that the server has not acknowledged yet, or refused. */
export interface OutboxEntry {
  clientMessageId: string
  conversationId: string
  body: string
  attachments: Attachment[]
  /** `queued`: waiting for its turn or a retry; `sending`: on the wire; `failed`: refused or given up. */
  status: 'queued' | 'sending' | 'failed'
  createdAt: string
  attempts: number
  /** When the next try may start (ms since epoch). */
  nextAttemptAt: number
  error: { code: string; message: string; retryable: boolean } | null
}

import type { FileStore, Mailer, SmsGateway } from '../ports'

/** A mailer that keeps what it was asked to send, for the mock and tests. */
export interface MemoryMailer extends Mailer {
  readonly sent: Array<{ to: string[]; subject: string; text: string }>
}

export function createMemoryMailer(): MemoryMailer {
  const sent: MemoryMailer['sent'] = []
  return {
    sent,
    async send(mail) {
      sent.push(structuredClone(mail))
    },
  }
}

/** An SMS gateway that accepts every text and remembers it; `fail` makes the next sends fail. */
export interface MemoryGateway extends SmsGateway {
  readonly sent: Array<{ from: string; to: string; body: string; mediaUrls: string[]; providerMessageId: string }>
  /** Makes the next `count` sends throw a provider error with this code. */
  failNext(code: string, message: string, count?: number): void
}

/**
 * A gateway that keeps what it sends. Its provider ids are `${prefix}00000001`, `…02`, and so on:
 * give two gateways on one database (two instances, in a test) different prefixes, or their
 * texts get one provider id, which the storage refuses (a provider never gives one twice).
 */
export function createMemoryGateway({ prefix = 'SM' }: { prefix?: string } = {}): MemoryGateway {
  const sent: MemoryGateway['sent'] = []
  let failure: { code: string; message: string; count: number } | null = null
  return {
    sent,
    failNext(code, message, count = 1) {
      failure = { code, message, count }
    },
    async send(sms) {
      if (failure && failure.count > 0) {
        failure.count -= 1
        throw Object.assign(new Error(failure.message), { code: failure.code })
      }
      const providerMessageId = `${prefix}${String(sent.length + 1).padStart(8, '0')}`
      sent.push({ ...sms, providerMessageId })
      return { providerMessageId }
    },
  }
}

/** A file kept in memory, with the clinic it belongs to. */
export interface MemoryFile {
  clinicId: string
  name: string
  contentType: string
  data: Uint8Array
}

/** Files kept in memory and served from `${baseUrl}/:id` (default `/files/:id`). */
export interface MemoryFileStore extends FileStore {
  get(id: string): MemoryFile | undefined
  /** How many files are kept. */
  size(): number
}

export function createMemoryFileStore(baseUrl = '/files'): MemoryFileStore {
  const files = new Map<string, MemoryFile>()
  return {
    async put({ id, clinicId, name, contentType, data }) {
      files.set(id, { clinicId, name, contentType, data })
      const url = `${baseUrl}/${encodeURIComponent(id)}`
      return contentType.startsWith('image/') ? { url, thumbnailUrl: url } : { url }
    },
    async delete(id) {
      files.delete(id)
    },
    get: (id) => files.get(id),
    size: () => files.size,
  }
}

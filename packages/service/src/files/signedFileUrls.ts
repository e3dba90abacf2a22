import { hmac } from '@noble/hashes/hmac'
import { sha256 } from '@noble/hashes/sha2'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils'
import type { FileUrlSigner } from '../ports'

/** Options of {@link createSignedFileUrls}. */
export interface SignedFileUrlOptions {
  /** The server's secret; at least 32 characters. */
  secret: string
  /** How long a URL works. Default 12 hours (a shift); links are refreshed with every read. */
  ttlMs?: number
}

/** The query parameters a signed file URL carries, as read back by the file route. */
export interface FileUrlProof {
  clinicId: string
  fileId: string
  /** Unix seconds after which the URL no longer works. */
  expires: string | number
  signature: string
}

/** A {@link FileUrlSigner} that can also check what it signed. */
export interface SignedFileUrls extends FileUrlSigner {
  /** Why a file request may not be served, or null when it may. */
  verify(proof: Partial<FileUrlProof>, now: Date): 'missing' | 'expired' | 'invalid' | null
  /** The proof carried by a signed URL's query and the file id of its path (for the file route). */
  proofOf(url: URL, fileId: string): Partial<FileUrlProof>
}

const HOUR = 3_600_000

/** Compares two strings in time that does not depend on where they differ. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}

/**
 * Signed, expiring file URLs scoped to a clinic: `…/files/att_1?c=cln_maple&exp=1764547200&sig=…`,
 * an HMAC-SHA256 of clinic, file and expiry. The expiry is rounded up to the hour so that a file
 * keeps one URL for an hour (browsers cache it). The file route checks the proof and that the
 * file belongs to that clinic.
 *
 * @example
 * const fileUrls = createSignedFileUrls({ secret: process.env.FILE_URL_SECRET })
 * const service = createInboxService({ storage, fileUrls })
 */
export function createSignedFileUrls(options: SignedFileUrlOptions): SignedFileUrls {
  if (options.secret.length < 32) throw new Error('The file URL secret must be at least 32 characters.')
  const key = utf8ToBytes(options.secret)
  const ttl = options.ttlMs ?? 12 * HOUR
  const mac = (clinicId: string, fileId: string, expires: string) =>
    bytesToHex(hmac(sha256, key, utf8ToBytes(`${clinicId}\n${fileId}\n${expires}`)))

  return {
    sign(url, { clinicId, fileId }, now) {
      const expires = String(Math.ceil((now.getTime() + ttl) / HOUR) * (HOUR / 1000))
      const query = new URLSearchParams({ c: clinicId, exp: expires, sig: mac(clinicId, fileId, expires) })
      return `${url}${url.includes('?') ? '&' : '?'}${query}`
    },
    verify(proof, now) {
      const { clinicId, fileId, expires, signature } = proof
      if (!clinicId || !fileId || expires === undefined || !signature) return 'missing'
      const exp = String(expires)
      if (!/^\d{1,12}$/.test(exp)) return 'invalid'
      if (!sameText(mac(clinicId, fileId, exp), signature)) return 'invalid'
      if (Number(exp) * 1000 <= now.getTime()) return 'expired'
      return null
    },
    proofOf(url, fileId) {
      const get = (name: string) => url.searchParams.get(name) ?? undefined
      const proof: Partial<FileUrlProof> = { fileId }
      const clinicId = get('c')
      const expires = get('exp')
      const signature = get('sig')
      if (clinicId) proof.clinicId = clinicId
      if (expires) proof.expires = expires
      if (signature) proof.signature = signature
      return proof
    },
  }
}

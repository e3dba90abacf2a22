import type { SignedFileUrls } from '../files/signedFileUrls'
import type { Storage } from '../ports'
import { placeholderFile } from '../seed/placeholderFile'

const REFUSALS = {
  missing: 'This file link is not signed; open the conversation to get a working link.',
  invalid: 'This file link is not valid.',
  expired: 'This file link has expired; open the conversation again to get a new one.',
} as const

/** What serving a file needs: the URL signer, the clock, the storage that says whose a file is, and the bytes. */
export interface FileServing {
  signer: SignedFileUrls
  clock: () => Date
  storage: Storage
  /** The stored bytes of a file, or null when the store has none (seed files: a placeholder stands in). */
  read(id: string): Promise<Uint8Array | null>
}

/** A file answer: bytes with the headers that keep a browser from running them, or a refusal. */
export type FileAnswer =
  | { ok: true; data: Uint8Array; headers: Record<string, string> }
  | { ok: false; code: 'forbidden' | 'not_found'; message: string }

/**
 * Serves a stored file at `…/files/:id` to a signed, unexpired link (`forbidden` otherwise)
 * while the clinic named in the link still has the file (`not_found` once deleted), with
 * `nosniff`, a sandboxing CSP, and an attachment disposition for anything that is not an image
 * (the service types files by their bytes and never keeps SVG or HTML). The mock and the server
 * both answer with it.
 */
export async function serveFile(serving: FileServing, id: string, url: URL): Promise<FileAnswer> {
  const proof = serving.signer.proofOf(url, id)
  const refusal = serving.signer.verify(proof, serving.clock())
  if (refusal || !proof.clinicId) return { ok: false, code: 'forbidden', message: REFUSALS[refusal ?? 'missing'] }
  const clinicId = proof.clinicId
  const record = await serving.storage.transaction(clinicId, (tx) => tx.getAttachment(id)).catch(() => null)
  if (!record) return { ok: false, code: 'not_found', message: 'This file was deleted.' }
  const stored = await serving.read(id)
  const file = stored ? { contentType: record.contentType, data: stored } : placeholderFile(record.contentType)
  const inline = file.contentType.startsWith('image/') && file.contentType !== 'image/svg+xml'
  return {
    ok: true,
    data: file.data,
    headers: {
      'content-type': file.contentType,
      'content-length': String(file.data.byteLength),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, max-age=3600',
      'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(record.name)}`,
    },
  }
}

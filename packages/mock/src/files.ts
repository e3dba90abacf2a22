import type { MemoryFileStore, SignedFileUrls, Storage } from '@switchboard/service'
import { HttpResponse, http } from 'msw'
import { errorOf } from './http/respond'
import { placeholderFile } from './placeholders'

const REFUSALS = {
  missing: 'This file link is not signed; open the conversation to get a working link.',
  invalid: 'This file link is not valid.',
  expired: 'This file link has expired; open the conversation again to get a new one.',
} as const

/** What the file route needs: the files, the URL signer, the clock, and the storage that says whose a file is. */
export interface FileRouteOptions {
  baseUrl: string
  files: MemoryFileStore
  signer: SignedFileUrls
  clock: () => Date
  storage: Storage
}

/**
 * Serves stored files at `${baseUrl}/files/:id` to signed, unexpired links (403 `forbidden`
 * otherwise) while the clinic named in the link still has the file (404 once deleted), with
 * headers that keep a browser from running them (`nosniff`, a sandboxing CSP, attachment
 * disposition for anything not an image).
 */
export function fileRoute({ baseUrl, files, signer, clock, storage }: FileRouteOptions) {
  return http.get(`${baseUrl}/files/:id`, async ({ request, params }) => {
    const id = String(params.id)
    const proof = signer.proofOf(new URL(request.url), id)
    const refusal = signer.verify(proof, clock())
    if (refusal || !proof.clinicId) return errorOf('forbidden', REFUSALS[refusal ?? 'missing'])
    const record = await storage.transaction(proof.clinicId, (tx) => tx.getAttachment(id)).catch(() => null)
    if (!record) return errorOf('not_found', 'This file was deleted.')
    // Seed files have no bytes of their own: a placeholder of their kind stands in.
    const file = files.get(id) ?? { name: record.name, ...placeholderFile(record.contentType) }
    const inline = file.contentType.startsWith('image/')
    return new HttpResponse(file.data, {
      headers: {
        'Content-Type': file.contentType,
        'Content-Length': String(file.data.byteLength),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, max-age=3600',
        'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(record.name)}`,
      },
    })
  })
}

import type { MemoryFileStore, SignedFileUrls, Storage } from '@switchboard/service'
import { serveFile } from '@switchboard/service/http'
import { HttpResponse, http } from 'msw'
import { errorOf } from './http/respond'

/** What the file route needs: the files, the URL signer, the clock, and the storage that says whose a file is. */
export interface FileRouteOptions {
  baseUrl: string
  files: MemoryFileStore
  signer: SignedFileUrls
  clock: () => Date
  storage: Storage
}

/** Serves stored files at `${baseUrl}/files/:id` by the service's one rule (`serveFile`). */
export function fileRoute({ baseUrl, files, signer, clock, storage }: FileRouteOptions) {
  const read = async (id: string) => files.get(id)?.data ?? null
  return http.get(`${baseUrl}/files/:id`, async ({ request, params }) => {
    const answer = await serveFile({ signer, clock, storage, read }, String(params.id), new URL(request.url))
    if (!answer.ok) return errorOf(answer.code, answer.message)
    return new HttpResponse(answer.data, { headers: answer.headers })
  })
}

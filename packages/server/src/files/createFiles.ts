import type { Storage } from '@switchboard/service'
import { createSignedFileUrls, type FileUrlSigner } from '@switchboard/service'
import type { FileServing } from '@switchboard/service/http'
import { createDiskFileStore, type DiskFileStore } from './createDiskFileStore'

/** Options of {@link createFiles}. */
export interface FilesOptions {
  /** Where uploaded files are kept. */
  dir: string
  /** Signs file links (at least 32 characters). */
  secret: string
  storage: Storage
  /** Where the API is reached from outside, e.g. `https://pms.example/api/sms` (behind a proxy, the public one). */
  publicApiUrl: () => string
  clock?: () => Date
}

/** The files of the server: what the service stores them with and signs them by, and what the file route serves. */
export interface ServerFiles {
  store: DiskFileStore
  /** Signs links as absolute URLs under the public API URL (stored URLs are `/files/<id>`, as in the seed). */
  fileUrls: FileUrlSigner
  serving: FileServing
}

/**
 * Files on disk, served at `{api}/files/:id` to signed, expiring links scoped to the clinic.
 * Stored URLs stay relative (`/files/<id>`), so a server moved behind another address keeps
 * working links: each link is made absolute when it is handed out.
 */
export function createFiles(options: FilesOptions): ServerFiles {
  const signer = createSignedFileUrls({ secret: options.secret })
  const store = createDiskFileStore({ dir: options.dir, baseUrl: '/files' })
  const clock = options.clock ?? (() => new Date())
  return {
    store,
    fileUrls: {
      sign: (url, file, now) =>
        signer.sign(url.startsWith('/files/') ? `${options.publicApiUrl()}${url}` : url, file, now),
    },
    serving: { signer, clock, storage: options.storage, read: (id) => store.read(id) },
  }
}

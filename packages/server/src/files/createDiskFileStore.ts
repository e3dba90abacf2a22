import { createHash } from 'node:crypto'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FileStore } from '@switchboard/service'

/** A {@link FileStore} on disk, that can also read a file back for the file route. */
export interface DiskFileStore extends FileStore {
  read(id: string): Promise<Uint8Array | null>
}

/**
 * Keeps uploaded files on disk under opaque names (a hash of the file's id: nothing a stranger
 * chose, no extension, no name, ever reaches the file system) in `dir`, two levels of folders
 * deep. Files are served only by the server's file route, to signed links; `baseUrl` is where
 * that route lives (e.g. `/api/sms/files`).
 */
export function createDiskFileStore(options: { dir: string; baseUrl: string }): DiskFileStore {
  const pathOf = (id: string) => {
    const hash = createHash('sha256').update(id).digest('hex')
    return { dir: join(options.dir, hash.slice(0, 2)), file: join(options.dir, hash.slice(0, 2), hash) }
  }
  return {
    async put({ id, contentType, data }) {
      const { dir, file } = pathOf(id)
      await mkdir(dir, { recursive: true })
      await writeFile(file, data, { mode: 0o600 })
      const url = `${options.baseUrl}/${encodeURIComponent(id)}`
      return contentType.startsWith('image/') ? { url, thumbnailUrl: url } : { url }
    },
    async delete(id) {
      await rm(pathOf(id).file, { force: true })
    },
    async read(id) {
      try {
        return new Uint8Array(await readFile(pathOf(id).file))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
    },
  }
}

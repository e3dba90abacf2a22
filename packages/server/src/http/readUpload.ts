import { SwitchboardError } from '@switchboard/protocol'
import type { Upload } from '@switchboard/service'
import type { FastifyRequest } from 'fastify'

const missing = () =>
  new SwitchboardError('validation_failed', 'Upload a file as multipart/form-data in the field "file".')

/**
 * The file of a multipart upload (field `file`, optional `library=true`). Too large a file is
 * refused while it streams in (`attachment_too_large`), before the service sniffs its bytes.
 */
export async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw missing()
  let file: { name: string; contentType: string; data: Uint8Array } | null = null
  let library = false
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file) {
          await part.toBuffer()
          continue
        }
        const data = await part.toBuffer()
        if (part.file.truncated)
          throw new SwitchboardError('attachment_too_large', 'The file is larger than the server accepts.')
        file = { name: part.filename || 'attachment', contentType: part.mimetype, data: new Uint8Array(data) }
      } else if (part.fieldname === 'library') {
        library = part.value === 'true'
      }
    }
  } catch (error) {
    if (error instanceof SwitchboardError) throw error
    const status = (error as { statusCode?: number }).statusCode
    if (status === 413)
      throw new SwitchboardError('attachment_too_large', 'The file is larger than the server accepts.')
    throw missing()
  }
  if (!file) throw missing()
  return { ...file, library }
}

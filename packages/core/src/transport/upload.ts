import { type Attachment, attachmentSchema } from '@switchboard/protocol'
import { InboxError, toInboxError } from '../errors'
import { buildUrl, errorFromResponse, type HttpConfig } from './httpRequest'
import { validate } from './readers'
import type { UploadOptions } from './Transport'

function formOf(file: Blob & { name?: string }, library: boolean): FormData {
  const form = new FormData()
  form.set('file', file, file.name ?? 'attachment')
  if (library) form.set('library', 'true')
  return form
}

/** Uploads with XMLHttpRequest where there is one (upload progress), else with fetch. */
export async function upload(
  config: HttpConfig,
  file: Blob & { name?: string },
  options: UploadOptions,
): Promise<Attachment> {
  if (options.signal?.aborted) throw new InboxError('aborted', 'The upload was cancelled.')
  const url = buildUrl(config.baseUrl, '/attachments')
  const attempt = async (forceRefresh: boolean): Promise<{ status: number; body: unknown; response?: Response }> => {
    const token = await config.getToken({ forceRefresh })
    if (typeof XMLHttpRequest === 'undefined') {
      try {
        const response = await config.fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
          body: formOf(file, options.library ?? false),
          ...(options.signal ? { signal: options.signal } : {}),
        })
        options.onProgress?.(file.size, file.size)
        if (!response.ok) return { status: response.status, body: null, response }
        return { status: response.status, body: await response.json() }
      } catch (error) {
        throw toInboxError(error)
      }
    }
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest()
      xhr.open('POST', url)
      xhr.setRequestHeader('authorization', `Bearer ${token}`)
      xhr.responseType = 'text'
      xhr.timeout = Math.max(config.timeoutMs, 120_000)
      xhr.upload.onprogress = (e) => options.onProgress?.(e.loaded, e.lengthComputable ? e.total : file.size)
      xhr.onload = () => {
        let body: unknown = null
        try {
          body = xhr.responseText ? JSON.parse(xhr.responseText) : null
        } catch {
          // handled below as malformed or as an error status
        }
        resolve({ status: xhr.status, body })
      }
      xhr.onerror = () => reject(new InboxError('network_error', 'The upload failed: the connection dropped.'))
      xhr.ontimeout = () => reject(new InboxError('timeout', 'The upload took too long.'))
      xhr.onabort = () => reject(new InboxError('aborted', 'The upload was cancelled.'))
      options.signal?.addEventListener('abort', () => xhr.abort(), { once: true })
      xhr.send(formOf(file, options.library ?? false))
    })
  }
  let result = await attempt(false)
  if (result.status === 401) result = await attempt(true)
  if (result.status < 200 || result.status >= 300) {
    if (result.response) throw await errorFromResponse(result.response)
    throw await errorFromResponse(new Response(JSON.stringify(result.body), { status: result.status }))
  }
  return validate(attachmentSchema, result.body, 'upload reply')
}

import type { Limits } from './entities'

/** Why a file cannot go with a text, as an error code and a message for staff. */
export interface AttachmentRefusal {
  code: 'attachment_too_large' | 'attachment_type_not_allowed' | 'validation_failed'
  message: string
}

const megabytes = (bytes: number) => (bytes / 1_000_000).toFixed(1).replace(/\.0$/, '')

/**
 * Whether a file may be texted under the clinic's limits: not empty, an allowed type (never
 * SVG), no larger than the per-file limit, and within the per-message total with the `already`
 * attached bytes. The one rule: the composer checks the declared type before uploading, the
 * service the type proven by the file's bytes.
 *
 * @example
 * attachmentRefusal({ name: 'x.svg', size: 120, type: 'image/svg+xml' }, limits)?.code // 'attachment_type_not_allowed'
 */
export function attachmentRefusal(
  file: { name: string; size: number; type: string },
  limits: Pick<Limits, 'allowedContentTypes' | 'maxAttachmentBytes' | 'maxMessageBytes'>,
  already = 0,
): AttachmentRefusal | null {
  if (file.size === 0) return { code: 'validation_failed', message: `"${file.name}" is empty.` }
  if (file.type === 'image/svg+xml' || !limits.allowedContentTypes.includes(file.type)) {
    return {
      code: 'attachment_type_not_allowed',
      message: `"${file.name}" is not a file type that can be texted (photos and PDFs can).`,
    }
  }
  if (file.size > limits.maxAttachmentBytes) {
    return {
      code: 'attachment_too_large',
      message: `"${file.name}" is larger than ${megabytes(limits.maxAttachmentBytes)} MB.`,
    }
  }
  return mediaTotalRefusal(already + file.size, limits)
}

/** Whether the files of one message add up to more than the per-message limit. */
export function mediaTotalRefusal(
  totalBytes: number,
  limits: Pick<Limits, 'maxMessageBytes'>,
): AttachmentRefusal | null {
  if (totalBytes <= limits.maxMessageBytes) return null
  return {
    code: 'attachment_too_large',
    message: `Attachments may add up to ${megabytes(limits.maxMessageBytes)} MB per message.`,
  }
}

import type { Attachment } from '@switchboard/protocol'
import { SwitchboardError } from '@switchboard/protocol'
import { sniffContentType } from '../rules/sniffContentType'
import { type Actor, requirePermission } from './actor'
import { inClinic, type ServiceContext } from './context'

/** A file as the HTTP layer received it. */
export interface Upload {
  name: string
  contentType: string
  data: Uint8Array
  /** Keep it in the clinic's document library for reuse. */
  library?: boolean
}

function cleanName(name: string): string {
  const base = [...name.replace(/^.*[\\/]/, '')]
    .filter((ch) => {
      const code = ch.charCodeAt(0)
      return code >= 0x20 && code !== 0x7f
    })
    .join('')
    .trim()
  return (base || 'attachment').slice(0, 120)
}

/**
 * Accepts an upload within the clinic's limits: an allowed type proven by the file's own bytes
 * (never SVG or HTML), no larger than the per-file limit.
 */
export async function uploadAttachment(ctx: ServiceContext, actor: Actor, upload: Upload): Promise<Attachment> {
  requirePermission(actor)
  const { limits } = await inClinic(ctx, actor.clinicId, async (w) => w.clinic)
  const name = cleanName(upload.name)
  if (upload.data.byteLength === 0) throw new SwitchboardError('validation_failed', `"${name}" is empty.`)
  if (upload.data.byteLength > limits.maxAttachmentBytes) {
    const mb = (limits.maxAttachmentBytes / 1_000_000).toFixed(1).replace(/\.0$/, '')
    throw new SwitchboardError('attachment_too_large', `"${name}" is larger than ${mb} MB.`, {
      size: upload.data.byteLength,
      limit: limits.maxAttachmentBytes,
    })
  }
  const sniffed = sniffContentType(upload.data)
  if (!sniffed || !limits.allowedContentTypes.includes(sniffed)) {
    throw new SwitchboardError(
      'attachment_type_not_allowed',
      `"${name}" is not an allowed file type. Allowed: ${limits.allowedContentTypes.join(', ')}.`,
      { declared: upload.contentType, detected: sniffed },
    )
  }
  const id = ctx.newId('att')
  const stored = await ctx.files.put({ id, name, contentType: sniffed, data: upload.data })
  const attachment: Attachment = { id, name, contentType: sniffed, size: upload.data.byteLength, ...stored }
  await inClinic(ctx, actor.clinicId, (w) =>
    w.tx.putAttachment({ ...attachment, library: upload.library ?? false, conversationId: null, createdAt: w.now }),
  )
  return attachment
}

/** The clinic's document library (forms, price lists, aftercare sheets). */
export async function listLibrary(ctx: ServiceContext, actor: Actor): Promise<Attachment[]> {
  requirePermission(actor)
  return inClinic(ctx, actor.clinicId, async (w) =>
    (await w.tx.listLibrary()).map(({ library: _l, conversationId: _c, createdAt: _t, ...a }) => a),
  )
}

import type { Attachment, InboundMedia, Limits } from '@switchboard/protocol'
import { attachmentRefusal, mediaTotalRefusal, SwitchboardError } from '@switchboard/protocol'
import { cleanFilename } from '../files/cleanFilename'
import type { AttachmentRecord } from '../ports'
import { sniffContentType } from '../rules/sniffContentType'
import { type Actor, requirePermission } from './actor'
import { inClinic, presentAttachment, type ServiceContext } from './context'

/** A file as the HTTP layer received it. */
export interface Upload {
  name: string
  contentType: string
  data: Uint8Array
  /** Keep it in the clinic's document library for reuse. */
  library?: boolean
}

/** Stored files that a refused or repeated request no longer needs: removed, failures reported. */
export function discardFiles(ctx: ServiceContext, files: readonly Pick<Attachment, 'id'>[]): void {
  for (const file of files) {
    ctx.files.delete(file.id).catch((error) => ctx.reportError(error, 'removing an unused file'))
  }
}

/**
 * Accepts an upload within the clinic's limits: an allowed type proven by the file's own bytes
 * (never SVG or HTML), no larger than the per-file limit. Nothing is kept when it is refused.
 * Adding to the document library (`library`) needs `messaging.settings`.
 */
export async function uploadAttachment(ctx: ServiceContext, actor: Actor, upload: Upload): Promise<Attachment> {
  // Anyone texting may attach a file; only settings managers add to the clinic's library.
  if (upload.library) requirePermission(actor, 'messaging.settings')
  else requirePermission(actor)
  const { limits } = await inClinic(ctx, actor.clinicId, async (w) => w.clinic)
  const name = cleanFilename(upload.name)
  const sniffed = sniffContentType(upload.data)
  const refusal = attachmentRefusal({ name, size: upload.data.byteLength, type: sniffed ?? '' }, limits)
  if (refusal) {
    throw new SwitchboardError(refusal.code, refusal.message, {
      size: upload.data.byteLength,
      limit: limits.maxAttachmentBytes,
      declared: upload.contentType,
      detected: sniffed,
    })
  }
  if (!sniffed)
    throw new SwitchboardError('attachment_type_not_allowed', `"${name}" is not a file type that can be texted.`)
  const id = ctx.newId('att')
  const stored = await ctx.files.put({ id, clinicId: actor.clinicId, name, contentType: sniffed, data: upload.data })
  const attachment: Attachment = { id, name, contentType: sniffed, size: upload.data.byteLength, ...stored }
  try {
    await inClinic(ctx, actor.clinicId, (w) =>
      w.tx.putAttachment({ ...attachment, library: upload.library ?? false, conversationId: null, createdAt: w.now }),
    )
  } catch (error) {
    discardFiles(ctx, [attachment])
    throw error
  }
  return presentAttachment(ctx, actor.clinicId, attachment)
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
}

/**
 * Keeps the media of an inbound MMS as the clinic's own files, before the text is recorded. Each
 * is typed by its bytes: a file whose bytes prove no allowed type (an SVG, a page, a contact card)
 * is kept as `application/octet-stream`, offered only as a download, never drawn. Media over the
 * per-message limit refuse the text whole; so does a store failure (with what was kept removed).
 */
export async function storeInboundMedia(
  ctx: ServiceContext,
  clinicId: string,
  media: readonly InboundMedia[],
): Promise<AttachmentRecord[]> {
  if (media.length === 0) return []
  const limits: Limits = await inClinic(ctx, clinicId, async (w) => w.clinic.limits)
  const total = media.reduce((sum, m) => sum + m.data.byteLength, 0)
  const refusal = mediaTotalRefusal(total, limits)
  if (refusal) throw new SwitchboardError(refusal.code, refusal.message, { size: total, limit: limits.maxMessageBytes })
  const stored: AttachmentRecord[] = []
  try {
    for (const [index, item] of media.entries()) {
      const sniffed = sniffContentType(item.data)
      const contentType = sniffed && limits.allowedContentTypes.includes(sniffed) ? sniffed : 'application/octet-stream'
      const fallback = `attachment-${index + 1}${EXTENSIONS[contentType] ? `.${EXTENSIONS[contentType]}` : ''}`
      const name = cleanFilename(item.name ?? '', fallback)
      const id = ctx.newId('att')
      const urls = await ctx.files.put({ id, clinicId, name, contentType, data: item.data })
      stored.push({
        id,
        name,
        contentType,
        size: item.data.byteLength,
        ...urls,
        library: false,
        conversationId: null,
        createdAt: ctx.clock().toISOString(),
      })
    }
  } catch (error) {
    discardFiles(ctx, stored)
    throw error
  }
  return stored
}

import {
  type Attachment,
  displayFilename,
  parseOrThrow,
  renameDocumentRequestSchema,
  SwitchboardError,
} from '@switchboard/protocol'
import { cleanFilename } from '../files/cleanFilename'
import type { AttachmentRecord } from '../ports'
import { type Actor, requirePermission } from './actor'
import { discardFiles } from './attachments'
import { inClinic, presentAttachment, type ServiceContext, type Work } from './context'

const present = (ctx: ServiceContext, clinicId: string, record: AttachmentRecord): Attachment => {
  const { library: _l, conversationId: _c, createdAt: _t, ...attachment } = record
  return presentAttachment(ctx, clinicId, attachment)
}

/** The clinic's document library (forms, price lists, aftercare sheets), by name. */
export async function listLibrary(ctx: ServiceContext, actor: Actor): Promise<Attachment[]> {
  requirePermission(actor)
  return inClinic(ctx, actor.clinicId, async (w) =>
    (await w.tx.listLibrary())
      .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1))
      .map((record) => present(ctx, actor.clinicId, record)),
  )
}

async function loadDocument(w: Work, id: string): Promise<AttachmentRecord> {
  const record = await w.tx.getAttachment(id)
  if (!record?.library) throw new SwitchboardError('not_found', 'This document is not in the library any more.')
  return record
}

/**
 * Renames a library document (`messaging.settings`). The name is cleaned like an upload's and
 * keeps the file's extension, so a PDF stays a `.pdf` for whoever receives it.
 */
export async function renameDocument(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: { name: string },
): Promise<Attachment> {
  requirePermission(actor, 'messaging.settings')
  const { name } = parseOrThrow(renameDocumentRequestSchema, input, 'document')
  return inClinic(ctx, actor.clinicId, async (w) => {
    const record = await loadDocument(w, id)
    const { extension } = displayFilename(record.name)
    const ext = extension ? `.${extension}` : ''
    let base = cleanFilename(name, '').trim()
    if (ext && base.toLowerCase().endsWith(ext)) base = base.slice(0, -ext.length).trimEnd()
    if (!base) throw new SwitchboardError('validation_failed', 'Give the document a name.')
    const renamed = { ...record, name: cleanFilename(`${base}${ext}`) }
    await w.tx.putAttachment(renamed)
    return present(ctx, actor.clinicId, renamed)
  })
}

/**
 * Takes a document out of the library (`messaging.settings`). Texts that carried it keep it;
 * the file is removed only when no message carries it.
 */
export async function removeDocument(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'messaging.settings')
  await inClinic(ctx, actor.clinicId, async (w) => {
    const record = await loadDocument(w, id)
    const inUse = await w.tx.attachmentsInUse([id], '')
    if (inUse.has(id)) {
      await w.tx.putAttachment({ ...record, library: false })
      return
    }
    await w.tx.deleteAttachment(id)
    w.afterCommit(async () => discardFiles(ctx, [record]))
  })
}

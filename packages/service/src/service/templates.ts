import {
  type PatchTemplateRequest,
  parseOrThrow,
  patchTemplateRequestSchema,
  SwitchboardError,
  type Template,
  type TemplateRequest,
  templateRequestSchema,
} from '@switchboard/protocol'
import { type Actor, requirePermission } from './actor'
import { inClinic, type ServiceContext, type Work } from './context'

/** The clinic's message templates, in the order staff keep them. */
export async function listTemplates(ctx: ServiceContext, actor: Actor): Promise<Template[]> {
  requirePermission(actor)
  return inClinic(ctx, actor.clinicId, (w) => w.tx.listTemplates())
}

async function checkNameFree(w: Work, name: string, exceptId: string | null): Promise<void> {
  const taken = (await w.tx.listTemplates()).some(
    (t) => t.id !== exceptId && t.name.toLowerCase() === name.trim().toLowerCase(),
  )
  if (taken) throw new SwitchboardError('conflict', `A template named "${name.trim()}" already exists.`)
}

/**
 * Adds a template (`messaging.settings`): a name unique in the clinic (ignoring case), a
 * category, and a body whose `{{variables}}` are all known (`TEMPLATE_VARIABLES`).
 */
export async function createTemplate(ctx: ServiceContext, actor: Actor, input: TemplateRequest): Promise<Template> {
  requirePermission(actor, 'messaging.settings')
  const request = parseOrThrow(templateRequestSchema, input, 'template')
  return inClinic(ctx, actor.clinicId, async (w) => {
    await checkNameFree(w, request.name, null)
    const template: Template = { id: ctx.newId('tpl'), ...request }
    await w.tx.putTemplate(template)
    return template
  })
}

async function loadTemplate(w: Work, id: string): Promise<Template> {
  const template = (await w.tx.listTemplates()).find((t) => t.id === id)
  if (!template) throw new SwitchboardError('not_found', 'This template does not exist any more.')
  return template
}

/** Edits a template's name, category or body (`messaging.settings`), checked as when created. */
export async function updateTemplate(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: PatchTemplateRequest,
): Promise<Template> {
  requirePermission(actor, 'messaging.settings')
  const patch = parseOrThrow(patchTemplateRequestSchema, input, 'template')
  return inClinic(ctx, actor.clinicId, async (w) => {
    const template = { ...(await loadTemplate(w, id)), ...patch }
    if (patch.name !== undefined) await checkNameFree(w, patch.name, id)
    await w.tx.putTemplate(template)
    return template
  })
}

/** Deletes a template (`messaging.settings`); texts already sent with it are unchanged. */
export async function deleteTemplate(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'messaging.settings')
  await inClinic(ctx, actor.clinicId, async (w) => {
    await loadTemplate(w, id)
    await w.tx.deleteTemplate(id)
  })
}

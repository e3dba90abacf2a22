import type {
  Attachment,
  Inbox,
  PatchInboxRequest,
  PatchTemplateRequest,
  Settings,
  Template,
  TemplateRequest,
} from '@switchboard/protocol'
import type { QueryKey } from '@tanstack/query-core'
import { inboxKeys } from '../cache/keys'
import type { UploadOptions } from '../transport/Transport'
import type { ActionContext } from './context'
import { optimistic } from './optimistic'

/** Uploads a file within the clinic's limits (the client's `upload` action). */
type Upload = (file: Blob & { name?: string }, options?: UploadOptions) => Promise<Attachment>

const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1)

/**
 * The clinic's settings actions (`messaging.settings`, `messaging.manageInboxes`): settings,
 * templates, the document library and inboxes. Each shows its change in the cached list at once
 * and puts it back, with a typed error, when the server refuses.
 */
export function settingsActions(ctx: ActionContext, upload: Upload) {
  /** Edits a cached list, if it is cached. */
  const editList = <T>(key: QueryKey, edit: (list: T[]) => T[]) => {
    const list = ctx.qc.getQueryData<T[]>(key)
    if (list) ctx.qc.setQueryData(key, edit(list))
  }
  const replaceIn = <T extends { id: string }>(key: QueryKey, item: T, sort?: (a: T, b: T) => number) =>
    editList<T>(key, (list) => {
      const next = list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list, item]
      return sort ? next.sort(sort) : next
    })
  const removeFrom = (key: QueryKey, id: string) =>
    editList<{ id: string }>(key, (list) => list.filter((x) => x.id !== id))
  const cached = <T extends { id: string }>(key: QueryKey, id: string) =>
    ctx.qc.getQueryData<T[]>(key)?.find((x) => x.id === id)

  return {
    /** Saves the settings; the cached copy changes at once. */
    updateSettings: (settings: Settings) =>
      optimistic(ctx, {
        show: () => ctx.qc.setQueryData(inboxKeys.settings(), settings),
        call: () => ctx.transport.updateSettings(settings),
        place: (saved: Settings) => ctx.qc.setQueryData(inboxKeys.settings(), saved),
      }),

    /** Creates an inbox; it joins the cached inbox list at once (under a temporary id until the reply). */
    createInbox: (name: string) => {
      const temporary = { id: `pending:${ctx.newId()}`, name: name.trim() }
      return optimistic(ctx, {
        show: () => editList<Inbox>(inboxKeys.inboxes(), (list) => [...list, temporary]),
        call: () => ctx.transport.createInbox(name),
        place: (inbox: Inbox) => {
          removeFrom(inboxKeys.inboxes(), temporary.id)
          replaceIn(inboxKeys.inboxes(), inbox)
        },
      })
    },
    /** Renames, archives (`{ archived: true }`) or restores an inbox; the cached list changes at once. */
    updateInbox: (id: string, patch: PatchInboxRequest) =>
      optimistic(ctx, {
        show: () => {
          const inbox = cached<Inbox>(inboxKeys.inboxes(), id)
          if (inbox) replaceIn(inboxKeys.inboxes(), { ...inbox, ...patch })
        },
        call: () => ctx.transport.updateInbox(id, patch),
        place: (inbox: Inbox) => replaceIn(inboxKeys.inboxes(), inbox),
      }),

    /** Adds a template; the composer's list has it at once. */
    createTemplate: (request: TemplateRequest) =>
      optimistic(ctx, {
        call: () => ctx.transport.createTemplate(request),
        place: (template: Template) => replaceIn(inboxKeys.templates(), template),
      }),
    updateTemplate: (id: string, patch: PatchTemplateRequest) =>
      optimistic(ctx, {
        show: () => {
          const template = cached<Template>(inboxKeys.templates(), id)
          if (template) replaceIn(inboxKeys.templates(), { ...template, ...patch })
        },
        call: () => ctx.transport.updateTemplate(id, patch),
        place: (template: Template) => replaceIn(inboxKeys.templates(), template),
      }),
    deleteTemplate: (id: string) =>
      optimistic(ctx, {
        show: () => removeFrom(inboxKeys.templates(), id),
        call: () => ctx.transport.deleteTemplate(id),
      }),

    /** Uploads a document to the library (`messaging.settings`), within the clinic's limits. */
    addDocument: async (file: Blob & { name?: string }, options: Omit<UploadOptions, 'library'> = {}) => {
      const document = await upload(file, { ...options, library: true })
      replaceIn(inboxKeys.library(), document, byName)
      return document
    },
    renameDocument: (id: string, name: string) =>
      optimistic(ctx, {
        show: () => {
          const document = cached<Attachment>(inboxKeys.library(), id)
          if (document) replaceIn(inboxKeys.library(), { ...document, name }, byName)
        },
        call: () => ctx.transport.renameDocument(id, name),
        place: (document: Attachment) => replaceIn(inboxKeys.library(), document, byName),
      }),
    removeDocument: (id: string) =>
      optimistic(ctx, {
        show: () => removeFrom(inboxKeys.library(), id),
        call: () => ctx.transport.removeDocument(id),
      }),
  }
}

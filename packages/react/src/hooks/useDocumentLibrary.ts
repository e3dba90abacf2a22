'use client'
import type { Attachment } from '@switchboard/protocol'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useInboxClient } from '../context'
import { type QueryValue, queryValue } from './queryState'
import { type RenamingState, useRenaming } from './useRenaming'
import { useMe, usePermission } from './useServerData'
import { useSettingsStrings } from './useSettingsStrings'
import { useSubmission } from './useSubmission'

/** What {@link useDocumentLibrary} hands out. */
export interface DocumentLibraryState extends QueryValue<Attachment[]> {
  canEdit: boolean
  /** The file types the clinic may text, for the file picker. */
  accept: string
  /** The upload on its way: its name and progress from 0 to 1. */
  uploading: { name: string; progress: number } | null
  /** Uploads a file into the library, within the clinic's limits; false with `error` set when refused. */
  upload(file: File): Promise<boolean>
  /** The document being renamed in place; its save keeps the extension, refusals in `actionError`. */
  rename: RenamingState & { save(): Promise<boolean> }
  remove(document: Attachment): Promise<boolean>
  /** Why the last upload, rename or removal was refused, as staff read it. */
  actionError: string | null
  /** A change is on its way. */
  busy: boolean
}

/**
 * The clinic's document library for a settings page (`messaging.settings`): documents listed by
 * name, uploaded within the clinic's limits (type proven by the file's bytes, size), renamed (the
 * extension is kept) and removed (texts that carried one keep it).
 */
export function useDocumentLibrary(): DocumentLibraryState {
  const t = useSettingsStrings()
  const client = useInboxClient()
  const canEdit = usePermission('messaging.settings')
  const { data: me } = useMe()
  const query = queryValue<Attachment[]>(useQuery(client.queries.library(), client.queryClient))
  const submission = useSubmission()
  const [uploading, setUploading] = useState<{ name: string; progress: number } | null>(null)
  const renaming = useRenaming()
  return {
    ...query,
    canEdit,
    accept: (me?.limits.allowedContentTypes ?? []).join(','),
    uploading,
    upload: async (file) => {
      setUploading({ name: file.name, progress: 0 })
      const done = await submission.run(() =>
        client.actions.addDocument(file, {
          onProgress: (loaded, total) => setUploading({ name: file.name, progress: total ? loaded / total : 0 }),
        }),
      )
      setUploading(null)
      return done !== null
    },
    rename: {
      ...renaming,
      start: (document) => {
        submission.clear()
        renaming.start(document)
      },
      save: () =>
        renaming.save((id, name) =>
          name.trim()
            ? submission.run(() => client.actions.renameDocument(id, name))
            : Promise.resolve(submission.fail(t.fieldRequired)),
        ),
    },
    remove: async (document) => (await submission.run(() => client.actions.removeDocument(document.id))) !== null,
    actionError: submission.error,
    busy: submission.pending,
  }
}

'use client'
import { createInboxRequestSchema, type Inbox } from '@switchboard/protocol'
import { useState } from 'react'
import { useInboxClient, useStrings } from '../context'
import { fieldErrors } from '../model/fieldErrors'
import type { QueryValue } from './queryState'
import { useInboxes, usePermission } from './useServerData'
import { useSubmission } from './useSubmission'

/** What {@link useInboxManager} hands out. */
export interface InboxManagerState extends QueryValue<Inbox[]> {
  /** Inboxes in use, then archived ones. */
  active: Inbox[]
  archived: Inbox[]
  /** The user holds `messaging.manageInboxes`. */
  canManage: boolean
  /** The new inbox's name as typed, and its problem once tried. */
  newName: string
  setNewName(name: string): void
  newNameError: string | null
  /** Creates the typed inbox; false when its name needs fixing or the server refused. */
  create(): Promise<boolean>
  /** The inbox being renamed and its name as typed. */
  renaming: { id: string; name: string } | null
  startRename(inbox: Inbox): void
  setRenameValue(name: string): void
  cancelRename(): void
  saveRename(): Promise<boolean>
  /** Archives an inbox (it keeps its conversations, takes no new ones) or restores it. */
  setArchived(inbox: Inbox, archived: boolean): Promise<boolean>
  /** The server's refusal, as staff read it. */
  actionError: string | null
  busy: boolean
}

/**
 * The clinic's inboxes for a settings page (`messaging.manageInboxes`): created, renamed (names
 * unique, ignoring case), archived and restored; every change shows in the inbox's filters and
 * menus at once.
 */
export function useInboxManager(): InboxManagerState {
  const t = useStrings()
  const client = useInboxClient()
  const canManage = usePermission('messaging.manageInboxes')
  const inboxes = useInboxes()
  const submission = useSubmission()
  const [newName, setNewNameValue] = useState('')
  const [newNameError, setNewNameError] = useState<string | null>(null)
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null)
  const problem = (name: string) => {
    const result = createInboxRequestSchema.safeParse({ name })
    return result.success ? null : (Object.values(fieldErrors(result.error.issues, t))[0] ?? t.fieldRequired)
  }
  const list = inboxes.data ?? []
  return {
    ...inboxes,
    active: list.filter((i) => !i.archived),
    archived: list.filter((i) => i.archived),
    canManage,
    newName,
    setNewName: (name) => {
      setNewNameValue(name)
      setNewNameError(null)
    },
    newNameError,
    create: async () => {
      const error = problem(newName)
      setNewNameError(error)
      if (error) return false
      const done = await submission.run(() => client.actions.createInbox(newName.trim()))
      if (done) setNewNameValue('')
      return done !== null
    },
    renaming,
    startRename: (inbox) => {
      submission.clear()
      setRenaming({ id: inbox.id, name: inbox.name })
    },
    setRenameValue: (name) => setRenaming((r) => (r ? { ...r, name } : r)),
    cancelRename: () => setRenaming(null),
    saveRename: async () => {
      if (!renaming) return false
      const error = problem(renaming.name)
      if (error) return submission.fail(error) ?? false
      const done = await submission.run(() => client.actions.updateInbox(renaming.id, { name: renaming.name.trim() }))
      if (done) setRenaming(null)
      return done !== null
    },
    setArchived: async (inbox, archived) =>
      (await submission.run(() => client.actions.updateInbox(inbox.id, { archived }))) !== null,
    actionError: submission.error,
    busy: submission.pending,
  }
}

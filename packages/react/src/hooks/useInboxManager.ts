'use client'
import { createInboxRequestSchema, type Inbox } from '@switchboard/protocol'
import { useState } from 'react'
import { useInboxClient } from '../context'
import { fieldErrors } from '../model/fieldErrors'
import type { QueryValue } from './queryState'
import { type RenamingState, useRenaming } from './useRenaming'
import { useInboxes, usePermission } from './useServerData'
import { useSettingsStrings } from './useSettingsStrings'
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
  /** The inbox being renamed in place; its name is checked, refusals in `actionError`. */
  rename: RenamingState & { save(): Promise<boolean> }
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
  const t = useSettingsStrings()
  const client = useInboxClient()
  const canManage = usePermission('messaging.manageInboxes')
  const inboxes = useInboxes()
  const submission = useSubmission()
  const [newName, setNewNameValue] = useState('')
  const [newNameError, setNewNameError] = useState<string | null>(null)
  const renaming = useRenaming()
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
    rename: {
      ...renaming,
      start: (inbox) => {
        submission.clear()
        renaming.start(inbox)
      },
      save: () =>
        renaming.save((id, name) => {
          const error = problem(name)
          return error
            ? Promise.resolve(submission.fail(error))
            : submission.run(() => client.actions.updateInbox(id, { name: name.trim() }))
        }),
    },
    setArchived: async (inbox, archived) =>
      (await submission.run(() => client.actions.updateInbox(inbox.id, { archived }))) !== null,
    actionError: submission.error,
    busy: submission.pending,
  }
}

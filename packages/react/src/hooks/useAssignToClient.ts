'use client'
import { formatPhone } from '@switchboard/core'
import { type Conversation, isPhoneQuery } from '@switchboard/protocol'
import { useState } from 'react'
import { useInboxClient, useStrings } from '../context'
import { type ClientFormState, useClientForm } from './useClientForm'
import { type ClientSearchState, useClientSearch } from './useClientSearch'
import { useMe, usePermission } from './useServerData'
import { useSubmission } from './useSubmission'

/** What {@link useAssignToClient} hands out. */
export interface AssignToClientState {
  /** Picking an existing client, or adding a new one. */
  mode: 'search' | 'create'
  setMode(mode: 'search' | 'create'): void
  /** The number being assigned, formatted for the clinic. */
  phone: string
  search: ClientSearchState
  form: ClientFormState
  /** Whether this user may add a client (`clients.edit`). */
  canCreate: boolean
  saving: boolean
  /** Why the last save did not happen (nothing picked, or the server's refusal). */
  error: string | null
  /** Assigns the number to the picked client, or to a new one from the form. True when done. */
  save(): Promise<boolean>
}

/**
 * Assigning a lead's number to a client, for `AssignToClientDialog` or a host's own markup:
 * search the clinic's clients and pick one, or (with `clients.edit`) add a new client with a
 * checked form; save assigns, and the conversation, its list row and the client panel show the
 * client at once. A refusal stays in `error` and nothing is lost from the form.
 */
export function useAssignToClient(
  conversation: Conversation,
  options: { onAssigned?: (conversation: Conversation) => void } = {},
): AssignToClientState {
  const t = useStrings()
  const inbox = useInboxClient()
  const { data: me } = useMe()
  const canCreate = usePermission('clients.edit')
  const search = useClientSearch()
  const form = useClientForm()
  const [mode, setMode] = useState<'search' | 'create'>('search')
  const submission = useSubmission()
  const save = async () => {
    const request =
      mode === 'search'
        ? search.selected
          ? { clientId: search.selected.id }
          : null
        : (() => {
            const newClient = form.submit()
            return newClient ? { newClient } : null
          })()
    if (!request) {
      if (mode === 'search') submission.fail(t.pickClient)
      else submission.clear()
      return false
    }
    const assigned = await submission.run(() => inbox.actions.assignToClient(conversation.id, request))
    if (assigned) options.onAssigned?.(assigned)
    return assigned !== null
  }
  return {
    mode,
    setMode: (next) => {
      submission.clear()
      if (next === 'create' && !canCreate) return
      // "Ana Silva" searched and not found: the form starts with what was typed.
      const words = search.query.trim().split(/\s+/)
      if (next === 'create' && !form.values.firstName && !form.values.lastName && !isPhoneQuery(search.query)) {
        form.setValue('firstName', words[0] ?? '')
        form.setValue('lastName', words.slice(1).join(' '))
      }
      setMode(next)
    },
    phone: formatPhone(conversation.contact.phone, me?.clinic.country),
    search,
    form,
    canCreate,
    saving: submission.pending,
    error: submission.error,
    save,
  }
}

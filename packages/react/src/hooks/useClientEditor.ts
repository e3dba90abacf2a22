'use client'
import { formatPhone } from '@switchboard/core'
import { type Client, parsePhone } from '@switchboard/protocol'
import { useState } from 'react'
import { useInboxClient, useStrings } from '../context'
import { phoneProblem } from '../model/phoneProblem'
import { type ClientFormState, useClientForm } from './useClientForm'
import { useMe } from './useServerData'
import { useSubmission } from './useSubmission'

/** One phone number being edited, with its problem once a save was tried. */
export interface EditedPhone {
  value: string
  problem: string | null
}

/** What {@link useClientEditor} hands out. */
export interface ClientEditorState {
  /** Name and e-mail, checked by the protocol's schema. */
  form: ClientFormState
  phones: EditedPhone[]
  setPhone(index: number, value: string): void
  addPhone(): void
  removePhone(index: number): void
  saving: boolean
  /** The server's refusal, as staff read it. */
  error: string | null
  /** Saves the changes; true when saved (or nothing changed). */
  save(): Promise<boolean>
}

/**
 * Editing a client record in place (`clients.edit`): first and last name, e-mail and phone
 * numbers, each checked by the protocol's rules with the problem under the field. Saving shows
 * the new name at once on the record and every conversation with the client, and puts it back
 * with the server's reason if refused. A number taken off the record stops being theirs: its
 * conversation is a lead again.
 */
export function useClientEditor(client: Client): ClientEditorState {
  const t = useStrings()
  const inbox = useInboxClient()
  const { data: me } = useMe()
  const country = me?.clinic.country ?? 'US'
  const form = useClientForm({ firstName: client.firstName, lastName: client.lastName, email: client.email ?? '' })
  const [phones, setPhones] = useState<string[]>(() => client.phones.map((p) => formatPhone(p, country)))
  const [checked, setChecked] = useState(false)
  const submission = useSubmission()
  const problemOf = (value: string) => phoneProblem(parsePhone(value, country), t)
  return {
    form,
    phones: phones.map((value) => ({ value, problem: checked ? problemOf(value) : null })),
    setPhone: (index, value) => setPhones((list) => list.map((p, i) => (i === index ? value : p))),
    addPhone: () => setPhones((list) => [...list, '']),
    removePhone: (index) => setPhones((list) => list.filter((_, i) => i !== index)),
    saving: submission.pending,
    error: submission.error,
    save: async () => {
      submission.clear()
      setChecked(true)
      const named = form.submit()
      const numbers = phones.map((p) => parsePhone(p, country))
      if (!named || numbers.some((n) => !n.ok)) return false
      const e164 = [...new Set(numbers.map((n) => (n.ok ? n.e164 : '')))]
      const saved = await submission.run(() =>
        inbox.actions.updateClient(client.id, {
          firstName: named.firstName,
          lastName: named.lastName,
          email: named.email ?? null,
          phones: e164,
        }),
      )
      return saved !== null
    },
  }
}

'use client'
import { formatPhone } from '@switchboard/core'
import { type Client, type Conversation, countSegments, type SegmentInfo } from '@switchboard/protocol'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useInboxClient, useStrings } from '../context'
import { type ClientSearchState, useClientSearch } from './useClientSearch'
import { type PhoneInputState, usePhoneInput } from './usePhoneInput'
import { useMe, usePermission } from './useServerData'
import { useSubmission } from './useSubmission'

/** Where the new conversation goes: a client's number, or any number typed. */
export type NewConversationTarget = 'client' | 'number'

/** How a conversation was started: the conversation, and whether it already existed (then it was opened). */
export interface StartedConversation {
  conversation: Conversation
  /** False when the number already had an open conversation: that one was opened. */
  created: boolean
}

/** Options of {@link useNewConversation}. */
export interface NewConversationOptions {
  /** Start with this client picked (the host's client profile: the seeds' "Send SMS"). */
  defaultClientId?: string
  /** After it started (or the open one was found). */
  onStarted?: (started: StartedConversation) => void
}

/** What {@link useNewConversation} hands out. */
export interface NewConversationState {
  target: NewConversationTarget
  setTarget(target: NewConversationTarget): void
  /** Finding the client (while none is picked). */
  search: ClientSearchState
  /** The client picked (or given by `defaultClientId`); null while none is. */
  client: Client | null
  /** Loading the `defaultClientId` client. */
  clientLoading: boolean
  /** Drop the picked client and search again (not for a `defaultClientId`). */
  changeClient: (() => void) | null
  /** The client's numbers to text, formatted for the clinic. */
  phones: Array<{ phone: string; label: string }>
  /** The chosen number of the client, or `new` to give them another one. */
  phoneChoice: string
  setPhoneChoice(choice: string): void
  /** May give the client a new number (`clients.edit`). */
  canAddPhone: boolean
  /** The number typed: a raw number, or the client's new one. */
  number: PhoneInputState
  body: string
  setBody(body: string): void
  segments: SegmentInfo
  starting: boolean
  /** Why the last start did not happen (nothing picked, a bad number, the server's refusal). */
  error: string | null
  /** Starts (or finds) the conversation, with the first message if one was written. */
  start(): Promise<StartedConversation | null>
}

/**
 * Starting a conversation, for `NewConversationDialog` or a host's own form: pick a client (by
 * search, or given) and one of their numbers (or give them a new one with `clients.edit`), or
 * type any number, checked and formatted as typed; an optional first message with its SMS
 * segment count. When the number already has an open conversation, that one is opened (and the
 * message goes there).
 */
export function useNewConversation(options: NewConversationOptions = {}): NewConversationState {
  const t = useStrings()
  const inbox = useInboxClient()
  const { data: me } = useMe()
  const canAddPhone = usePermission('clients.edit')
  const search = useClientSearch()
  const number = usePhoneInput()
  const [target, setTarget] = useState<NewConversationTarget>('client')
  const [choice, setChoice] = useState<string | null>(null)
  const [body, setBody] = useState('')
  const submission = useSubmission()
  const given = useQuery(
    { ...inbox.queries.client(options.defaultClientId ?? ''), enabled: Boolean(options.defaultClientId) },
    inbox.queryClient,
  )
  const client = options.defaultClientId ? (given.data ?? null) : search.selected
  const phones = (client?.phones ?? []).map((phone) => ({ phone, label: formatPhone(phone, me?.clinic.country) }))
  const phoneChoice = choice ?? phones[0]?.phone ?? 'new'
  const fail = submission.fail
  const start = async (): Promise<StartedConversation | null> => {
    submission.clear()
    let phone: string
    if (target === 'client') {
      if (!client) return fail(t.pickClient)
      if (phoneChoice !== 'new') phone = phoneChoice
      else if (!canAddPhone) return fail(t.clientHasNoPhoneNoPermission)
      else {
        number.touch()
        if (!number.parsed.ok) return null
        phone = number.parsed.e164
      }
    } else {
      number.touch()
      if (!number.parsed.ok) return null
      phone = number.parsed.e164
    }
    const started = await submission.run(async () => {
      if (client && target === 'client' && !client.phones.includes(phone)) {
        await inbox.actions.updateClient(client.id, { phones: [...client.phones, phone] })
      }
      const result = await inbox.actions.startConversation({ phone }, body.trim() || undefined)
      return { conversation: result.conversation, created: result.created }
    })
    if (started) options.onStarted?.(started)
    return started
  }
  return {
    target,
    setTarget: (next) => {
      submission.clear()
      setTarget(next)
    },
    search,
    client,
    clientLoading: Boolean(options.defaultClientId) && given.isPending,
    changeClient: options.defaultClientId
      ? null
      : () => {
          search.select(null)
          setChoice(null)
        },
    phones,
    phoneChoice,
    setPhoneChoice: setChoice,
    canAddPhone,
    number,
    body,
    setBody,
    segments: countSegments(body),
    starting: submission.pending,
    error: submission.error,
    start,
  }
}

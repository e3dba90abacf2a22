'use client'
import {
  checkQuietHours,
  countSegments,
  type InboxError,
  renderTemplate,
  templateContext,
  templateVariables,
  toInboxError,
} from '@switchboard/core'
import type { Client, Conversation, MeResponse, Template, TemplateContext } from '@switchboard/protocol'
import { hasPermission, textingRefusal } from '@switchboard/protocol'
import { useQuery } from '@tanstack/react-query'
import { type ChangeEvent, type FormEvent, type KeyboardEvent, useCallback, useMemo, useRef, useState } from 'react'
import { useInboxClient, useLocale } from '../context'
import { placeCaretAfter } from './placeCaretAfter'
import { useAttachments } from './useAttachments'
import { useConversation } from './useConversations'
import { useInboxState } from './useInboxState'
import { useMe } from './useServerData'

/** Why the composer cannot send, if it cannot. */
export type ComposerLock = 'optedOut' | 'blocked' | 'oneWay' | 'noPermission' | null

/** The first reason, in order of what the user can do about it, that sending is not possible. */
export function composerLock(conversation: Conversation | undefined, me: MeResponse | undefined): ComposerLock {
  if (me && !hasPermission(me.user, 'messaging')) return 'noPermission'
  if (me?.clinic.mode === 'one-way') return 'oneWay'
  const refusal = conversation ? textingRefusal(conversation.contact) : null
  if (refusal) return refusal.code === 'recipient_blocked' ? 'blocked' : 'optedOut'
  return null
}

/**
 * What the host adds to a template's variables besides the client record and the clinic: an
 * appointment, a payment link… Either fixed, or made for the conversation and its client.
 */
export type HostTemplateContext =
  | TemplateContext
  | ((conversation: Conversation, client: Client | null) => TemplateContext)

/** Options of {@link useComposer}. */
export interface ComposerOptions {
  /** Variables a template can use beyond `client.*`, `patient.*` and `clinic.*` (e.g. `appointment.date`). */
  templateContext?: HostTemplateContext
}

/**
 * Everything a composer needs: the draft (kept per conversation, across reloads), the SMS segment
 * count and encoding, the lock reason, a quiet-hours warning, and `send`.
 */
export function useComposer(conversationId: string, options: ComposerOptions = {}) {
  const inbox = useInboxClient()
  const locale = useLocale()
  const draft = useInboxState(useCallback((s) => s.drafts[conversationId] ?? '', [conversationId]))
  const { data: me } = useMe()
  const { data: conversation } = useConversation(conversationId)
  const [error, setError] = useState<InboxError | null>(null)
  const clientId = conversation?.client?.id
  const { data: client } = useQuery(
    { ...inbox.queries.client(clientId ?? ''), enabled: Boolean(clientId) },
    inbox.queryClient,
  )
  const attachments = useAttachments(me?.limits)
  const segments = useMemo(() => countSegments(draft), [draft])
  /** `{{variables}}` still in the text: they must be filled in before sending. */
  const unfilled = useMemo(() => templateVariables(draft), [draft])
  const lock = composerLock(conversation, me)
  // Read in the contact's own time zone where their number tells it, else the clinic's.
  const now = new Date()
  const quiet =
    conversation && me
      ? checkQuietHours({ at: now, phone: conversation.contact.phone, clinicTimeZone: me.clinic.timezone })
      : null
  // The contact's wall clock as the reader's language says it ("9:30 PM", "21:30").
  const quietAt = quiet?.quiet
    ? new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: quiet.timeZones[0] }).format(now)
    : null

  const setText = useCallback(
    (text: string) => {
      inbox.store.getState().setDraft(conversationId, text)
      inbox.actions.setTyping(conversationId, text.length > 0)
      setError(null)
    },
    [inbox, conversationId],
  )

  /** Inserts a template filled from the client record; what it cannot fill stays marked `{{…}}`. */
  const insertTemplate = useCallback(
    (template: Template) => {
      const record = (client as Client | undefined) ?? null
      const host = options.templateContext
      const extra = typeof host === 'function' ? (conversation ? host(conversation, record) : undefined) : host
      const context = templateContext({
        client: record,
        patient: conversation?.client?.patients[0] ?? null,
        ...(me ? { clinic: me.clinic } : {}),
        ...(extra ? { extra } : {}),
      })
      const { text } = renderTemplate(template.body, context)
      const current = inbox.store.getState().drafts[conversationId] ?? ''
      setText(current.trim() ? `${current.trimEnd()} ${text}` : text)
    },
    [client, conversation, me, inbox, conversationId, setText, options.templateContext],
  )

  const send = useCallback((): boolean => {
    try {
      inbox.actions.send(conversationId, {
        body: inbox.store.getState().drafts[conversationId] ?? '',
        attachments: attachments.ready,
      })
      inbox.actions.setTyping(conversationId, false)
      attachments.clear()
      setError(null)
      return true
    } catch (thrown) {
      setError(toInboxError(thrown))
      return false
    }
  }, [inbox, conversationId, attachments])

  /** The text box, for inserting at the cursor and keeping focus. */
  const inputRef = useRef<HTMLTextAreaElement>(null)
  /** Inserts text (an emoji, a link) at the cursor, replacing a selection, and puts the cursor after it. */
  const insertText = useCallback(
    (text: string) => {
      const el = inputRef.current
      const value = inbox.store.getState().drafts[conversationId] ?? ''
      const start = el?.selectionStart ?? value.length
      const end = el?.selectionEnd ?? value.length
      placeCaretAfter(el, () => {
        setText(value.slice(0, start) + text + value.slice(end))
        return start + text.length
      })
    },
    [inbox, conversationId, setText],
  )
  const canSend =
    conversation !== undefined &&
    lock === null &&
    unfilled.length === 0 &&
    !attachments.uploading &&
    (draft.trim().length > 0 || attachments.ready.length > 0)
  /** Sends when it can (a form's submit handler). */
  const submit = (event?: FormEvent) => {
    event?.preventDefault()
    if (canSend) send()
  }

  return {
    /** The conversation, once known. */
    conversation,
    /** The client's full record; null for a lead; undefined until known. */
    client: (conversation && !conversation.client ? null : (client as Client | undefined)) as Client | null | undefined,
    text: draft,
    setText,
    send,
    submit,
    inputRef,
    insertText,
    /**
     * Props for the text box: the draft, Enter to send, Shift+Enter for a new line (not while an
     * input method is composing), its direction from its text.
     */
    getInputProps: () => ({
      ref: inputRef,
      dir: 'auto' as const,
      value: draft,
      onChange: (event: ChangeEvent<HTMLTextAreaElement>) => setText(event.target.value),
      onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => {
        if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event)
      },
    }),
    segments,
    lock,
    /** The contact's local time when it is inside quiet hours (9 pm–8 am their time), else null. */
    quietAt,
    error,
    attachments,
    /** File types the server accepts, for a file input's `accept`. */
    accept: (me?.limits.allowedContentTypes ?? []).filter((type) => type !== 'image/svg+xml').join(','),
    insertTemplate,
    unfilled,
    /** The conversation and the user are known, so the lock (if any) is too. */
    ready: conversation !== undefined && me !== undefined,
    canSend,
  }
}

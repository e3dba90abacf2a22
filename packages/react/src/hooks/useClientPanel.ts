'use client'
import type { Client, ConsentRecord, Contact, Conversation } from '@switchboard/protocol'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useInboxClient } from '../context'
import { useConversation } from './useConversations'
import { useMe, usePermission } from './useServerData'

/** What {@link useClientPanel} hands out. */
export interface ClientPanelState {
  conversation: Conversation | undefined
  /** The client's record: undefined while loading, null for a lead. */
  client: Client | null | undefined
  contact: Contact | undefined
  /** The latest consent recorded for the number. */
  consent: ConsentRecord | undefined
  /** The clinic's country, for formatting numbers. */
  country: string | undefined
  /** May edit the record (`clients.edit`). */
  canEdit: boolean
  /** The record is being edited in place. */
  editing: boolean
  setEditing(editing: boolean): void
}

/**
 * Who a conversation is with, for `ClientPanel` or a host's own panel: the conversation, the
 * client's record (kept live: an edit shows at once), the contact's texting state and latest
 * consent, and whether this user may edit the record.
 */
export function useClientPanel(conversationId: string): ClientPanelState {
  const inbox = useInboxClient()
  const { data: me } = useMe()
  const canEdit = usePermission('clients.edit')
  const [editing, setEditing] = useState(false)
  const { data: conversation } = useConversation(conversationId)
  const clientId = conversation?.client?.id
  const { data: record } = useQuery(
    { ...inbox.queries.client(clientId ?? ''), enabled: Boolean(clientId) },
    inbox.queryClient,
  )
  const contact = conversation?.contact
  return {
    conversation,
    client: conversation ? (clientId ? record : null) : undefined,
    contact,
    consent: contact?.consent.at(-1),
    country: me?.clinic.country,
    canEdit,
    editing: editing && canEdit && Boolean(record),
    setEditing,
  }
}

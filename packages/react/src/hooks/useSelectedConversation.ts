'use client'
import { useMemo } from 'react'
import { useControllableState } from './useControllableState'
import { useInboxState } from './useInboxState'

const selectSelected = (s: { selectedConversationId: string | null }) => s.selectedConversationId
const selectSelect = (s: { select: (id: string | null) => void }) => s.select

/**
 * The open conversation, controlled by the host (`selectedId` with `onSelect`, e.g. from its
 * router) or kept in the client's store, where every part of the inbox reads it. The one home of
 * selection for `Inbox`, `ConversationList` and a host's own list.
 */
export function useSelectedConversation(
  selectedId?: string | null,
  onSelect?: (conversationId: string | null) => void,
): [string | null, (conversationId: string | null) => void] {
  const stored = useInboxState(selectSelected)
  const select = useInboxState(selectSelect)
  const store = useMemo(() => [stored, select] as const, [stored, select])
  return useControllableState({ prop: selectedId, defaultProp: null, onChange: onSelect, store })
}

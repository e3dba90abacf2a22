'use client'
import type { InboxState, InboxStateActions } from '@switchboard/core'
import { useStore } from 'zustand'
import { useInboxClient } from '../context'

/**
 * Reads the client's UI state (filter, selection, drafts, outbox, connection, presence) with a
 * selector; re-renders only when the selected value changes. Declare selectors at module scope.
 */
export function useInboxState<T>(selector: (state: InboxState & InboxStateActions) => T): T {
  return useStore(useInboxClient().store, selector)
}

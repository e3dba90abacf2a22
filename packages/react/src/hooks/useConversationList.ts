'use client'
import type { Conversation, ConversationFilter } from '@switchboard/protocol'
import { useVirtualizer } from '@tanstack/react-virtual'
import {
  type CSSProperties,
  type HTMLAttributes,
  type KeyboardEvent,
  type MouseEvent,
  type RefCallback,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react'
import { useStrings } from '../context'
import { displayName } from '../model/displayName'
import { navigationTarget, TYPEAHEAD_RESET_MS, typeaheadMatch } from '../model/listNavigation'
import { type ConversationsState, useConversations } from './useConversations'
import { useOverscan } from './useOverscan'
import { useRowSizes } from './useRowSizes'
import { useSelectedConversation } from './useSelectedConversation'
import { useMe } from './useServerData'

/** Options of {@link useConversationList}. */
export interface ConversationListOptions {
  /** A fixed filter; the store's filter (set by ConversationFilters) otherwise. */
  filter?: Partial<ConversationFilter>
  /** The selected conversation (controlled); the store's selection otherwise. */
  selectedId?: string | null
  onSelect?: (conversationId: string) => void
  /** A row's expected height (px) before it is measured. Default 72, the stylesheet's `--sb-row-height`. */
  estimateRowHeight?: number
  /**
   * Every row has the same height (the default row does: `--sb-row-height`). Once one row is
   * measured, rows drawn after it take its height without reading it from the page, which forces
   * a layout each time (a burst of texts moves new rows to the top several times a frame), and a
   * text that moves a conversation to the top does not make the virtualizer place all the rows
   * again (a loop over every row per text). The resize observer still corrects a row that turns
   * out to differ. Default false: each new row is measured as it is drawn.
   */
  evenRows?: boolean
  /**
   * Opens a row's menu: asked by a right click on the row, or the ContextMenu key / Shift+F10 on
   * the active row (a listbox option holds no control, so the keys are how keyboards reach it).
   */
  onRowMenu?: (conversationId: string) => void
}

/** One conversation in view, with what drawing it needs. */
export interface ConversationListRow {
  conversation: Conversation
  index: number
  /** Offset from the top of the list (px). */
  start: number
  selected: boolean
  /** The row the keyboard is on (`aria-activedescendant`). */
  active: boolean
}

/** What {@link useConversationList} hands out. */
export interface ConversationListView {
  /** The loaded conversations and the paging state (for loading and error states). */
  list: ConversationsState
  selectedId: string | null
  /** Opens a conversation (the store's selection, or `onSelect` when controlled). Stable. */
  select: (conversationId: string) => void
  /** Only the rows in view and a few around them. */
  rows: ConversationListRow[]
  /** The height of all rows (px): the inner element's block size. */
  totalSize: number
  /** The scrolling element's ref (also in {@link getListProps}), to compose with one's own. */
  listRef: RefCallback<HTMLElement>
  /** Props for the scrolling element: listbox role, label, keyboard model, scroll container. */
  getListProps(): HTMLAttributes<HTMLElement> & { ref: RefCallback<HTMLElement>; style: CSSProperties }
  /** Props for a row's element: option role, set size and position, selection, click, measuring. */
  getRowProps(row: ConversationListRow): HTMLAttributes<HTMLElement> & {
    ref: RefCallback<HTMLElement>
    style: CSSProperties
    'data-index': number
  }
}

const DEFAULT_ROW_HEIGHT = 72

/**
 * Everything a conversation list does, for the default `ConversationList` or a host's own markup:
 * virtualized rows (only those in view are drawn), the next page as the end nears, selection
 * (controlled or in the store), and the listbox keyboard model — ↑ ↓, PageUp PageDown, Home End,
 * typing a name's first letters, Enter or Space to open — with `aria-setsize` and
 * `aria-posinset` so a screen reader knows where it is in a list it cannot see whole.
 */
export function useConversationList(options: ConversationListOptions = {}): ConversationListView {
  const { filter, onSelect, onRowMenu, estimateRowHeight = DEFAULT_ROW_HEIGHT, evenRows = false } = options
  const t = useStrings()
  const list = useConversations(filter)
  const { data: me } = useMe()
  const [selectedId, setSelected] = useSelectedConversation(
    options.selectedId,
    onSelect as ((id: string | null) => void) | undefined,
  )
  const [activeId, setActiveId] = useState<string | null>(null)
  const scroller = useRef<HTMLElement | null>(null)
  const baseId = useId()
  const items = list.conversations
  const indexOf = (id: string | null) => (id ? items.findIndex((c) => c.id === id) : -1)
  const activeAt = indexOf(activeId)
  const activeIndex = Math.max(0, activeAt >= 0 ? activeAt : indexOf(selectedId))

  const { getItemKey, estimateSize, measure } = useRowSizes(items, estimateRowHeight, evenRows)
  const overscan = useOverscan(8, items.length > 0)
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize,
    measureElement: measure,
    getItemKey,
    overscan,
    initialRect: { width: 360, height: 720 },
  })
  const virtualItems = virtualizer.getVirtualItems()
  const lastVisible = virtualItems.at(-1)?.index ?? 0
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = list
  // Near the end, the next page; after it failed, only when asked again (the list's retry).
  useEffect(() => {
    if (lastVisible >= items.length - 5 && hasNextPage && !isFetchingNextPage && !isFetchNextPageError)
      void fetchNextPage()
  }, [lastVisible, items.length, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage])

  const select = useCallback(
    (conversationId: string) => {
      setActiveId(conversationId)
      setSelected(conversationId)
    },
    [setSelected],
  )

  const typed = useRef({ text: '', at: 0 })
  const country = me?.clinic.country ?? 'US'
  // Names for typeahead, made only when a key is typed and only up to the match (not per render).
  const labels = {
    length: items.length,
    at: (index: number) => {
      const conversation = items[index]
      return conversation ? displayName(conversation, country) : undefined
    },
  }
  const moveTo = (index: number) => {
    setActiveId(items[index]?.id ?? null)
    virtualizer.scrollToIndex(index)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (onRowMenu && (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10'))) {
      const id = items[activeIndex]?.id
      if (id) {
        event.preventDefault()
        onRowMenu(id)
      }
      return
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const now = event.timeStamp || Date.now()
    const typing = typed.current.text !== '' && now - typed.current.at < TYPEAHEAD_RESET_MS
    const rect = virtualizer.scrollRect?.height ?? 0
    const page = Math.max(1, Math.floor(rect / estimateRowHeight))
    const target = navigationTarget(event.key, activeIndex, items.length, page)
    if (target !== null) {
      event.preventDefault()
      typed.current.text = ''
      moveTo(target)
    } else if (event.key === 'Enter' || (event.key === ' ' && !typing)) {
      event.preventDefault()
      const conversation = items[activeIndex]
      if (conversation) select(conversation.id)
    } else if (event.key.length === 1 || (event.key.length === 2 && /\p{L}|\p{N}/u.test(event.key))) {
      // A printable character: find the next row whose name starts with what was typed.
      event.preventDefault()
      const text = (typing ? typed.current.text : '') + event.key
      typed.current = { text, at: now }
      const match = typeaheadMatch(labels, activeIndex, text)
      if (match !== null) moveTo(match)
    }
  }

  const setSize = hasNextPage ? -1 : items.length
  const rows: ConversationListRow[] = []
  for (const slot of virtualItems) {
    const conversation = items[slot.index]
    if (!conversation) continue
    rows.push({
      conversation,
      index: slot.index,
      start: slot.start,
      selected: conversation.id === selectedId,
      active: slot.index === activeIndex,
    })
  }
  // Only a row in the DOM can be the active descendant.
  const activeRow = rows.find((row) => row.active)
  const setScroller = useCallback((node: HTMLElement | null) => {
    scroller.current = node
  }, [])
  return {
    list,
    selectedId,
    select,
    listRef: setScroller,
    rows,
    totalSize: virtualizer.getTotalSize(),
    getListProps: () => ({
      ref: setScroller,
      role: 'listbox',
      'aria-label': t.conversations,
      tabIndex: 0,
      'aria-activedescendant': activeRow ? `${baseId}-${activeRow.conversation.id}` : undefined,
      'aria-busy': isFetchingNextPage || undefined,
      onKeyDown,
      style: { overflowY: 'auto' },
    }),
    getRowProps: (row) => ({
      ref: virtualizer.measureElement as RefCallback<HTMLElement>,
      id: `${baseId}-${row.conversation.id}`,
      role: 'option',
      tabIndex: -1,
      'aria-selected': row.selected,
      'aria-setsize': setSize,
      'aria-posinset': row.index + 1,
      'data-index': row.index,
      onClick: () => select(row.conversation.id),
      ...(onRowMenu
        ? {
            onContextMenu: (event: MouseEvent) => {
              event.preventDefault()
              onRowMenu(row.conversation.id)
            },
          }
        : {}),
      style: { position: 'absolute', insetBlockStart: 0, insetInline: 0, transform: `translateY(${row.start}px)` },
    }),
  }
}

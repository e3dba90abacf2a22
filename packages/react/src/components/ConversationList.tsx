'use client'
import type { Conversation, ConversationFilter } from '@switchboard/protocol'
import { useVirtualizer } from '@tanstack/react-virtual'
import { type KeyboardEvent, memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { useComponents, usePartClassName, useStrings } from '../context'
import { useConversations } from '../hooks/useConversations'
import { useInboxState } from '../hooks/useInboxState'
import { useMe, useTeam } from '../hooks/useServerData'
import { ConversationRow as DefaultRow } from './ConversationRow'
import { cx } from './cx'
import { QueryState } from './QueryState'
import { SCROLLER_STYLE, VirtualSlot } from './VirtualSlot'

/** Props of {@link ConversationList}. */
export interface ConversationListProps {
  /** A fixed filter; the store's filter (set by ConversationFilters) otherwise. */
  filter?: Partial<ConversationFilter>
  /** The selected conversation (controlled); the store's selection otherwise. */
  selectedId?: string | null
  onSelect?: (conversationId: string) => void
  className?: string
}

const ROW_HEIGHT = 76
const selectSelected = (s: { selectedConversationId: string | null }) => s.selectedConversationId
const selectViewing = (s: { viewing: Record<string, { name: string; at: number }[]> }) => s.viewing

/**
 * The conversation list: virtualized, newest activity first, more pages as you scroll, keyboard
 * navigation (↑ ↓ Home End, Enter to open).
 */
export function ConversationList({ filter, selectedId, onSelect, className }: ConversationListProps) {
  const partClass = usePartClassName('list', className)
  const t = useStrings()
  const { ConversationRow: RowOverride } = useComponents()
  // Rows are memoized and get stable props: a change re-renders only the rows it touches.
  const ConversationRow = useMemo(() => memo(RowOverride ?? DefaultRow), [RowOverride])
  const list = useConversations(filter)
  const { data: me } = useMe()
  const { data: team } = useTeam()
  const storeSelected = useInboxState(selectSelected)
  const select = useInboxState((s) => s.select)
  const viewing = useInboxState(selectViewing)
  const selected = selectedId === undefined ? storeSelected : selectedId
  const [activeId, setActiveId] = useState<string | null>(null)
  const scrollRef = useRef<HTMLDivElement>(null)
  const baseId = useId()
  const items = list.conversations
  const activeIndex = Math.max(0, activeId ? items.findIndex((c) => c.id === activeId) : 0)

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // Rows are measured: a host's own row (components.ConversationRow) or styles may be any height.
    getItemKey: (index) => items[index]?.id ?? index,
    overscan: 8,
    initialRect: { width: 360, height: 720 },
  })
  const virtualItems = virtualizer.getVirtualItems()
  const lastVisible = virtualItems.at(-1)?.index ?? 0

  useEffect(() => {
    if (lastVisible >= items.length - 5 && list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage()
  }, [lastVisible, items.length, list.hasNextPage, list.isFetchingNextPage, list.fetchNextPage])

  const choose = useCallback(
    (conversationId: string) => {
      setActiveId(conversationId)
      if (selectedId === undefined) select(conversationId)
      onSelect?.(conversationId)
    },
    [selectedId, select, onSelect],
  )

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const move = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity }[event.key]
    if (move !== undefined) {
      event.preventDefault()
      const next = Math.max(0, Math.min(items.length - 1, activeIndex + move))
      setActiveId(items[next]?.id ?? null)
      virtualizer.scrollToIndex(next)
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      const conversation = items[activeIndex]
      if (conversation) choose(conversation.id)
    }
  }

  if (list.isPending || list.isError) {
    return (
      <QueryState query={list} loading={t.loadingConversations} className={cx('sb-list sb-list--status', partClass)} />
    )
  }
  if (items.length === 0)
    return (
      <div className={cx('sb-list sb-list--status', partClass)} role="status">
        {t.noConversations}
      </div>
    )

  const activeItem = items[activeIndex]
  return (
    <div
      ref={scrollRef}
      className={cx('sb-list', partClass)}
      style={SCROLLER_STYLE}
      role="listbox"
      aria-label={t.conversations}
      tabIndex={0}
      aria-activedescendant={activeItem ? `${baseId}-${activeItem.id}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div className="sb-list__inner" style={{ position: 'relative', blockSize: virtualizer.getTotalSize() }}>
        {virtualItems.map((row) => {
          const conversation = items[row.index] as Conversation
          return (
            <VirtualSlot
              key={conversation.id}
              index={row.index}
              start={row.start}
              measure={virtualizer.measureElement}
              className="sb-list__slot"
            >
              <ConversationRow
                id={`${baseId}-${conversation.id}`}
                conversation={conversation}
                selected={conversation.id === selected}
                active={row.index === activeIndex}
                country={me?.clinic.country ?? 'US'}
                team={team}
                viewers={viewing[conversation.id]}
                onSelect={choose}
              />
            </VirtualSlot>
          )
        })}
      </div>
    </div>
  )
}

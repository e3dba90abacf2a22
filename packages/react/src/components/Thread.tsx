'use client'
import { useVirtualizer } from '@tanstack/react-virtual'
import { VisuallyHidden } from 'radix-ui'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useComponents, useInboxClient, useLocale, usePartClassName, useStrings } from '../context'
import { useConversation } from '../hooks/useConversations'
import { useMe } from '../hooks/useServerData'
import { useThread } from '../hooks/useThread'
import { format } from '../strings'
import { cx } from './cx'
import { displayName } from './displayName'
import { formatDay } from './formatTime'
import { MessageBubble as DefaultBubble } from './MessageBubble'
import { QueryState } from './QueryState'
import { failuresOf, firstUnreadKey, itemCreatedAt, newestInbound, threadRows } from './threadRows'
import { SCROLLER_STYLE, SLOT_STYLE, VirtualSlot } from './VirtualSlot'

const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect

/** Props of {@link Thread}. */
export interface ThreadProps {
  conversationId: string
  className?: string
}

/** Room above the first message: "Load older messages" or "Start of the conversation", and its day. */
const HEAD_SIZE = 84
/** How close to the newest message (px) still counts as reading it: new texts then scroll into view. */
const END_THRESHOLD = 80
/** How close to the top (px) loads the previous page. */
const LOAD_OLDER_THRESHOLD = 300

/**
 * A conversation's history, virtualized: only the messages in view (and a few around them) are in
 * the DOM, so a thread of thousands stays light. Day separators, the "New messages" divider, sender
 * labels, delivery status with the reason of a failure and retry where it makes sense. Older pages
 * load on scroll to the top without moving what you are reading; new texts scroll into view only
 * when you are at the end, otherwise "Jump to latest" appears. The history is a `role="log"`; new
 * inbound texts are announced through a polite live region (the log itself is not live, as
 * virtualization adds and removes rows while you scroll).
 */
export function Thread(props: ThreadProps) {
  // One view per conversation: scroll position, divider, "Jump to latest" and announcements start afresh.
  return <ThreadView key={props.conversationId} {...props} />
}

function ThreadView({ conversationId, className }: ThreadProps) {
  const partClass = usePartClassName('thread', className)
  const t = useStrings()
  const locale = useLocale()
  const client = useInboxClient()
  const { MessageBubble = DefaultBubble } = useComponents()
  const thread = useThread(conversationId)
  const { data: conversation } = useConversation(conversationId)
  const { data: me } = useMe()
  const scrollRef = useRef<HTMLDivElement>(null)
  const [below, setBelow] = useState(0)
  // How many texts were unread when the thread opened: the "New messages" divider goes before them.
  const [unreadAtOpen, setUnreadAtOpen] = useState<number | null>(null)
  if (conversation && unreadAtOpen === null) setUnreadAtOpen(conversation.unreadCount)
  const rows = useMemo(
    () => threadRows(thread.items, firstUnreadKey(thread.items, unreadAtOpen ?? 0)),
    [thread.items, unreadAtOpen],
  )
  const getItemKey = useCallback((index: number) => rows[index]?.key ?? index, [rows])
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 64,
    getItemKey,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: END_THRESHOLD,
    overscan: 6,
    // The head sits in the start padding, outside the items: at the very top, the anchor kept
    // through a prepend is then the first message, not the head.
    paddingStart: HEAD_SIZE,
    paddingEnd: 12,
    initialRect: { width: 600, height: 640 },
  })

  // What you are reading stays put when rows above it change size. Rows measured for the first
  // time inside the view, above rows already drawn, are older history just loaded above what you
  // were reading: their estimate→actual difference moves the scroll position too (the library only
  // does so for rows starting above the view).
  virtualizer.shouldAdjustScrollPositionOnItemSizeChange = (item, _delta, instance) => {
    const offset = instance.scrollOffset ?? 0
    if (instance.itemSizeCache.has(item.key)) return item.end <= offset
    if (item.start < offset) return true
    const bottom = offset + (instance.scrollRect?.height ?? 0)
    for (let i = item.index + 1; i < instance.measurementsCache.length; i++) {
      const next = instance.measurementsCache[i]
      if (!next || next.start > bottom) break
      if (instance.itemSizeCache.has(next.key)) return true
    }
    return false
  }

  // Open at the newest message.
  const ready = !thread.isPending && !thread.isError
  useIsomorphicLayoutEffect(() => {
    if (ready) virtualizer.scrollToEnd()
  }, [ready, conversationId, virtualizer])

  // A text arriving while you read older history waits below: count it for "Jump to latest".
  const lastKey = rows.at(-1)?.key
  const previousLastKey = useRef(lastKey)
  useEffect(() => {
    if (lastKey !== previousLastKey.current && previousLastKey.current !== undefined && !virtualizer.isAtEnd()) {
      setBelow((n) => n + 1)
    }
    previousLastKey.current = lastKey
  }, [lastKey, virtualizer])

  // The live region says each new inbound text once (not the history that was there at opening).
  const [announcement, setAnnouncement] = useState('')
  const newest = newestInbound(thread.items)
  const announced = useRef<string | null | undefined>(undefined)
  const name = conversation ? displayName(conversation, me?.clinic.country) : ''
  useEffect(() => {
    if (!ready) return
    const key = newest?.key ?? null
    if (announced.current !== undefined && key !== announced.current && newest) {
      setAnnouncement(format(t.newTextFrom, { name, body: newest.message.body || t.attachment }))
    }
    announced.current = key
  }, [ready, newest, name, t])

  // A send that fails while the thread is open is announced once; failures it opened with are not.
  const failures = useMemo(() => failuresOf(thread.items), [thread.items])
  const knownFailures = useRef<Set<string> | null>(null)
  useEffect(() => {
    if (!ready) return
    const known = knownFailures.current
    knownFailures.current = new Set(failures.keys())
    if (!known) return
    const fresh = [...failures].filter(([key]) => !known.has(key)).at(-1)
    if (fresh) setAnnouncement(format(t.sendFailedTo, { name, reason: fresh[1] || t.statusFailed }))
  }, [ready, failures, name, t])

  // The conversation on screen: others see it, and the client reads it (on opening, and each
  // text that arrives while the page is visible).
  useEffect(() => {
    client.actions.setViewing(conversationId)
    return () => client.actions.setViewing(null)
  }, [client, conversationId])

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = thread
  const loadOlder = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage()
  }, [hasNextPage, isFetchingNextPage, fetchNextPage])
  const onScroll = () => {
    if (virtualizer.isAtEnd()) setBelow(0)
    if ((virtualizer.scrollOffset ?? 0) < LOAD_OLDER_THRESHOLD && !thread.isFetchNextPageError) loadOlder()
  }
  const retryOf = (clientMessageId: string) => () => void client.actions.retry(clientMessageId)
  const discardOf = (clientMessageId: string) => () => void client.actions.discard(clientMessageId)
  const jumpToLatest = () => {
    virtualizer.scrollToEnd()
    setBelow(0)
  }

  const first = rows[0]
  if (!ready) {
    return (
      <QueryState query={thread} loading={t.loadingMessages} className={cx('sb-thread sb-thread--status', partClass)} />
    )
  }
  return (
    <div className={cx('sb-thread', partClass)}>
      <div
        ref={scrollRef}
        className="sb-thread__scroll"
        style={SCROLLER_STYLE}
        role="log"
        aria-live="off"
        aria-label={format(t.messagesWith, { name })}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable history must be reachable by keyboard (axe scrollable-region-focusable)
        tabIndex={0}
        onScroll={onScroll}
      >
        <div className="sb-thread__inner" style={{ position: 'relative', blockSize: virtualizer.getTotalSize() }}>
          <div className="sb-thread__head" style={{ ...SLOT_STYLE, blockSize: HEAD_SIZE }}>
            {hasNextPage ? (
              <button
                type="button"
                className="sb-button sb-button--ghost sb-thread__older"
                onClick={loadOlder}
                disabled={isFetchingNextPage}
              >
                {isFetchingNextPage ? t.loadingOlder : t.olderMessages}
              </button>
            ) : (
              <div className="sb-thread__start">{t.beginning}</div>
            )}
            {first && <div className="sb-thread__day">{formatDay(itemCreatedAt(first.item), locale)}</div>}
          </div>
          {virtualizer.getVirtualItems().map((slot) => {
            const row = rows[slot.index]
            if (!row) return null
            return (
              <VirtualSlot
                key={slot.key}
                index={slot.index}
                start={slot.start}
                measure={virtualizer.measureElement}
                className="sb-thread__slot"
              >
                {row.firstUnread && <div className="sb-thread__unread">{t.newMessages}</div>}
                {row.item.kind === 'message' ? (
                  <MessageBubble message={row.item.message} />
                ) : (
                  <MessageBubble
                    pending={row.item.entry}
                    onRetry={retryOf(row.item.entry.clientMessageId)}
                    onDiscard={discardOf(row.item.entry.clientMessageId)}
                  />
                )}
                {row.nextDayAt && <div className="sb-thread__day">{formatDay(row.nextDayAt, locale)}</div>}
              </VirtualSlot>
            )
          })}
        </div>
      </div>
      {below > 0 && (
        <button type="button" className="sb-button sb-button--primary sb-thread__jump" onClick={jumpToLatest}>
          {t.jumpToLatest}
        </button>
      )}
      <VisuallyHidden.Root aria-live="polite" aria-atomic="true">
        {announcement}
      </VisuallyHidden.Root>
    </div>
  )
}

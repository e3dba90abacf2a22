'use client'
import { toInboxError } from '@switchboard/core'
import { type Conversation, canSendAgain, type Message } from '@switchboard/protocol'
import { useVirtualizer } from '@tanstack/react-virtual'
import {
  type CSSProperties,
  type HTMLAttributes,
  type RefCallback,
  type UIEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { useInboxClient, useStrings } from '../context'
import { displayName } from '../model/displayName'
import {
  failuresOf,
  firstUnreadKey,
  itemCreatedAt,
  newestInbound,
  type ThreadRow,
  type ThreadRows,
  threadRows,
} from '../model/threadRows'
import { format } from '../strings'
import { useConversation } from './useConversations'
import { useOverscan } from './useOverscan'
import { useMe } from './useServerData'
import { type ThreadState, useThread } from './useThread'

const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect

/** Room above the first message (px): "Load older messages" or "Start of the conversation", and its day. */
export const THREAD_HEAD_SIZE = 84
/** How close to the newest message (px) still counts as reading it: new texts then scroll into view. */
const END_THRESHOLD = 80
/** How close to the top (px) loads the previous page. */
const LOAD_OLDER_THRESHOLD = 300

/** One message row in view, placed. */
export interface ThreadViewRow extends ThreadRow {
  index: number
  /** Offset from the top of the inner element (px). */
  start: number
}

/** What {@link useThreadView} hands out. */
export interface ThreadView {
  /** The thread's data and paging state (for loading and error states). */
  thread: ThreadState
  conversation: Conversation | undefined
  /** The name staff know the conversation by. */
  name: string
  /** Whether the history is loaded and can be drawn. */
  ready: boolean
  /** Only the rows in view and a few around them. */
  rows: ThreadViewRow[]
  /** The inner element's block size (px), head included. */
  totalSize: number
  /** The head's block size (px): the rows start below it. */
  headSize: number
  /** When the first loaded message was written, for the day shown in the head. */
  firstAt: string | null
  hasOlder: boolean
  loadingOlder: boolean
  /**
   * Why the older history did not load, or null: what is loaded stays, and older history is not
   * asked for again on scroll until `loadOlder` is called (the head's button).
   */
  olderError: string | null
  loadOlder(): void
  /** Texts that arrived while reading older history: show "Jump to latest" while above zero. */
  newBelow: number
  jumpToLatest(): void
  /** What the polite live region says: each new inbound text, and a send that fails, once. */
  announcement: string
  /** Sends a failed text again from the outbox (the same function from render to render, as are `discard`, `resend` and `getRowProps`). */
  retry(clientMessageId: string): void
  discard(clientMessageId: string): void
  /** Whether a failed text may be sent again (a carrier failure where that can help; `canSendAgain`). */
  canResend(message: Message): boolean
  /** Sends a failed text again; a refusal shows in `resendError`. */
  resend(messageId: string): void
  /** Why the last "send again" was refused, as staff read it. */
  resendError: string | null
  /** Props for the scrolling history: `role="log"` (not live), its label, keyboard reach, scroll handling. */
  getScrollerProps(): HTMLAttributes<HTMLElement> & { ref: RefCallback<HTMLElement>; style: CSSProperties }
  /** Props for a row's element: measured and placed. */
  getRowProps(row: ThreadViewRow): { ref: RefCallback<HTMLElement>; 'data-index': number; style: CSSProperties }
}

/**
 * Everything a thread does, for the default `Thread` or a host's own markup: the merged history
 * (server pages and this user's sends), virtualized; opening at the newest message; older pages
 * loading near the top without moving what you read; the "New messages" divider where unread
 * texts began; "Jump to latest" when texts arrive below; groups by sender and minute; the live
 * region's announcements; retry and discard; and the conversation marked as viewed (so it is
 * read, on opening and as texts arrive while the page is visible). Remount per conversation
 * (`key={conversationId}`) so scroll position and divider start afresh.
 */
export function useThreadView(conversationId: string): ThreadView {
  const t = useStrings()
  const client = useInboxClient()
  const thread = useThread(conversationId)
  const { data: conversation, error: conversationError } = useConversation(conversationId)
  const { data: me } = useMe()
  const scroller = useRef<HTMLElement | null>(null)
  const [newBelow, setNewBelow] = useState(0)
  // How the thread stood when it opened, kept from the first render that committed it: how many texts
  // were unread (the "New messages" divider goes before them) and the newest item then (those texts
  // are counted back from it, so texts arriving while it is open, read at once, do not move the
  // divider). Read in render, kept in a layout effect: no state set during render, so the first
  // render with the history is not thrown away and done again (at 10,000 messages that was the
  // rows and the virtualizer's measurements twice per opening).
  const atOpen = useRef<{ unread: number | null; newest: string | null | undefined }>({
    unread: null,
    newest: undefined,
  })
  const unreadAtOpen = atOpen.current.unread ?? conversation?.unreadCount ?? null
  const newestAtOpen =
    atOpen.current.newest !== undefined || unreadAtOpen === null || thread.isPending
      ? atOpen.current.newest
      : (thread.items.at(-1)?.key ?? null)
  useIsomorphicLayoutEffect(() => {
    atOpen.current = { unread: unreadAtOpen, newest: newestAtOpen }
  }, [unreadAtOpen, newestAtOpen])
  const selfId = me?.user.id
  // The rows of the last derivation: those a change leaves as they were are handed on (see threadRows).
  const derived = useRef<ThreadRows | undefined>(undefined)
  const rows = useMemo(() => {
    const unreadKey = firstUnreadKey(thread.items, unreadAtOpen ?? 0, newestAtOpen)
    const next = threadRows(thread.items, unreadKey, selfId, derived.current)
    derived.current = next
    return next
  }, [thread.items, unreadAtOpen, newestAtOpen, selfId])
  const getItemKey = useCallback((index: number) => rows.keyAt(index) ?? index, [rows])
  const estimateSize = useCallback(() => 56, [])
  const overscan = useOverscan(6, rows.length > 0)
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize,
    getItemKey,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: END_THRESHOLD,
    overscan,
    // The head sits in the start padding, outside the items: at the very top, the anchor kept
    // through a prepend is then the first message, not the head.
    paddingStart: THREAD_HEAD_SIZE,
    paddingEnd: 12,
    initialRect: { width: 600, height: 640 },
    // Opened at the newest message: the first rows drawn are the last ones, not the first page's top.
    initialOffset: () => Number.MAX_SAFE_INTEGER,
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

  // Open at the newest message, once the history and where its unread texts start are known.
  const ready = !thread.isPending && !thread.isError && (unreadAtOpen !== null || !!conversationError)
  useIsomorphicLayoutEffect(() => {
    if (ready) virtualizer.scrollToEnd()
  }, [ready, conversationId, virtualizer])

  // A text arriving while you read older history waits below: count it for "Jump to latest".
  const lastKey = rows.keyAt(rows.length - 1)
  const previousLastKey = useRef(lastKey)
  useEffect(() => {
    if (lastKey !== previousLastKey.current && previousLastKey.current !== undefined && !virtualizer.isAtEnd()) {
      setNewBelow((n) => n + 1)
    }
    previousLastKey.current = lastKey
  }, [lastKey, virtualizer])

  // The live region says each new inbound text once (not the history that was there at opening).
  const [announcement, setAnnouncement] = useState('')
  const [resendError, setResendError] = useState<string | null>(null)
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

  // The conversation on screen: others see it, and the client reads it — once the unread count
  // at opening is known, so that marking it read cannot take the "New messages" divider away.
  const known = unreadAtOpen !== null
  useEffect(() => {
    if (!known) return
    client.actions.setViewing(conversationId)
    return () => client.actions.setViewing(null)
  }, [client, conversationId, known])

  const { hasNextPage, isFetchingNextPage, fetchNextPage, isFetchNextPageError } = thread
  // Older history that failed to load is said once (the head's button says it too, and retries).
  const olderFailed = isFetchNextPageError && !isFetchingNextPage
  useEffect(() => {
    if (olderFailed) setAnnouncement(t.olderFailed)
  }, [olderFailed, t])
  const loadOlder = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage()
  }, [hasNextPage, isFetchingNextPage, fetchNextPage])
  // Where the scroller is now, from the element: the virtualizer learns of this scroll in its own
  // listener, which may run after this one (its offset read here could still be the opening's 0,
  // and ask for older history nobody scrolled to).
  const onScroll = (event: UIEvent<HTMLElement>) => {
    const { scrollTop, scrollHeight, clientHeight } = event.currentTarget
    if (scrollHeight - clientHeight - scrollTop <= END_THRESHOLD) setNewBelow(0)
    if (scrollTop < LOAD_OLDER_THRESHOLD && !isFetchNextPageError) loadOlder()
  }
  const setScroller = useCallback((node: HTMLElement | null) => {
    scroller.current = node
  }, [])

  // Stable from render to render, so a row that did not change is not drawn again (see Thread).
  const retry = useCallback((clientMessageId: string) => void client.actions.retry(clientMessageId), [client])
  const discard = useCallback((clientMessageId: string) => void client.actions.discard(clientMessageId), [client])
  const resend = useCallback(
    (messageId: string) => {
      setResendError(null)
      client.actions.resend(conversationId, messageId).catch((e) => setResendError(toInboxError(e).message))
    },
    [client, conversationId],
  )
  const getRowProps = useCallback(
    (row: ThreadViewRow) => ({
      ref: virtualizer.measureElement as RefCallback<HTMLElement>,
      'data-index': row.index,
      style: {
        position: 'absolute',
        insetBlockStart: 0,
        insetInline: 0,
        transform: `translateY(${row.start}px)`,
      } satisfies CSSProperties,
    }),
    [virtualizer],
  )

  const placed: ThreadViewRow[] = []
  for (const slot of virtualizer.getVirtualItems()) {
    const row = rows.at(slot.index)
    if (row) placed.push({ ...row, index: slot.index, start: slot.start })
  }
  const first = thread.items[0]
  return {
    thread,
    conversation,
    name,
    ready,
    rows: placed,
    totalSize: virtualizer.getTotalSize(),
    headSize: THREAD_HEAD_SIZE,
    firstAt: first ? itemCreatedAt(first) : null,
    hasOlder: hasNextPage,
    loadingOlder: isFetchingNextPage,
    olderError: olderFailed ? (thread.error?.message ?? '') : null,
    loadOlder,
    newBelow,
    jumpToLatest: () => {
      virtualizer.scrollToEnd()
      setNewBelow(0)
    },
    announcement,
    retry,
    canResend: (message) => (conversation ? canSendAgain(message, conversation.contact) : false),
    resend,
    resendError,
    discard,
    getScrollerProps: () => ({
      ref: setScroller,
      role: 'log',
      'aria-live': 'off',
      'aria-label': format(t.messagesWith, { name }),
      // A scrollable history must be reachable by keyboard (axe scrollable-region-focusable).
      tabIndex: 0,
      onScroll,
      style: { overflowY: 'auto' },
    }),
    getRowProps,
  }
}

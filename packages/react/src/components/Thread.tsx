'use client'
import type { ThreadItem } from '@switchboard/core'
import { Fragment, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useComponents, useInboxClient, useLocale, useStrings } from '../context'
import { useConversation } from '../hooks/useConversations'
import { useMe } from '../hooks/useServerData'
import { useThread } from '../hooks/useThread'
import { format } from '../strings'
import { displayName } from './ConversationRow'
import { cx } from './cx'
import { dayKey, formatDay } from './formatTime'
import { MessageBubble as DefaultBubble } from './MessageBubble'
import { QueryState } from './QueryState'

const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect

const createdAt = (item: ThreadItem) => (item.kind === 'message' ? item.message.createdAt : item.entry.createdAt)

/**
 * A conversation's history: day separators, sender labels, delivery status with the reason of a
 * failure and retry where it makes sense. `role="log"` announces new messages politely. Older
 * pages load on scroll to the top without moving what you are reading.
 */
export function Thread({ conversationId, className }: { conversationId: string; className?: string }) {
  const t = useStrings()
  const locale = useLocale()
  const client = useInboxClient()
  const { MessageBubble = DefaultBubble } = useComponents()
  const thread = useThread(conversationId)
  const { data: conversation } = useConversation(conversationId)
  const { data: me } = useMe()
  const scrollRef = useRef<HTMLDivElement>(null)
  const stick = useRef(true)
  const [below, setBelow] = useState(0)
  // How many texts were unread when the thread opened: the "New messages" divider goes before them.
  const [unreadAtOpen, setUnreadAtOpen] = useState<{ id: string; count: number } | null>(null)
  if (conversation && unreadAtOpen?.id !== conversationId) {
    setUnreadAtOpen({ id: conversationId, count: conversation.unreadCount })
  }
  const previousHeight = useRef(0)
  const loadingOlder = useRef(false)

  // Keep the view pinned to the newest message, or in place when older ones load above.
  useIsomorphicLayoutEffect(() => {
    const el = scrollRef.current
    if (!el) return
    if (loadingOlder.current) {
      el.scrollTop += el.scrollHeight - previousHeight.current
      loadingOlder.current = false
    } else if (stick.current) el.scrollTop = el.scrollHeight
    else setBelow((n) => n + 1)
    previousHeight.current = el.scrollHeight
  }, [thread.items.length])

  useEffect(() => {
    client.actions.setViewing(conversationId)
    return () => client.actions.setViewing(null)
  }, [client, conversationId])

  // Opening a conversation reads it, and so does a new text arriving while it is open. Marking
  // it unread while open is left alone (the user asked for it).
  const readFor = useRef<string | null>(null)
  const unreadCount = conversation?.unreadCount ?? 0
  const markedUnread = conversation?.markedUnread ?? false
  // biome-ignore lint/correctness/useExhaustiveDependencies: markedUnread is read only when opening, on purpose
  useEffect(() => {
    if (!conversation) return
    const opening = readFor.current !== conversationId
    readFor.current = conversationId
    if (unreadCount > 0 || (opening && markedUnread))
      void client.actions.markRead(conversationId).catch(() => undefined)
  }, [client, conversationId, unreadCount, conversation !== undefined])

  const onScroll = () => {
    const el = scrollRef.current
    if (!el) return
    stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40
    if (stick.current) setBelow(0)
    if (el.scrollTop < 80 && thread.hasNextPage && !thread.isFetchingNextPage) {
      loadingOlder.current = true
      previousHeight.current = el.scrollHeight
      void thread.fetchNextPage()
    }
  }

  const name = conversation ? displayName(conversation, me?.clinic.country) : ''
  const jumpToLatest = () => {
    const el = scrollRef.current
    if (el) el.scrollTop = el.scrollHeight
    stick.current = true
    setBelow(0)
  }
  // The divider stands before the first of the texts that were unread at opening.
  let dividerKey: string | null = null
  if (unreadAtOpen && unreadAtOpen.count > 0) {
    let remaining = unreadAtOpen.count
    for (let i = thread.items.length - 1; i >= 0; i--) {
      const item = thread.items[i]
      if (item?.kind === 'message' && item.message.direction === 'inbound') {
        remaining -= 1
        if (remaining === 0) {
          dividerKey = item.key
          break
        }
      }
    }
  }
  if (thread.isPending || thread.isError) {
    return (
      <QueryState query={thread} loading={t.loadingMessages} className={cx('sb-thread sb-thread--status', className)} />
    )
  }
  return (
    <div
      ref={scrollRef}
      className={cx('sb-thread', className)}
      role="log"
      aria-live="polite"
      aria-label={format(t.messagesWith, { name })}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable history must be reachable by keyboard (axe scrollable-region-focusable)
      tabIndex={0}
      onScroll={onScroll}
    >
      {thread.hasNextPage ? (
        <button
          type="button"
          className="sb-button sb-button--ghost sb-thread__older"
          onClick={() => void thread.fetchNextPage()}
        >
          {t.olderMessages}
        </button>
      ) : (
        <div className="sb-thread__start">{t.beginning}</div>
      )}
      {thread.items.map((item, index) => {
        const previous = thread.items[index - 1]
        const newDay = !previous || dayKey(createdAt(previous)) !== dayKey(createdAt(item))
        return (
          <Fragment key={item.key}>
            {newDay && <div className="sb-thread__day">{formatDay(createdAt(item), locale)}</div>}
            {item.key === dividerKey && <div className="sb-thread__unread">{t.newMessages}</div>}
            {item.kind === 'message' ? (
              <MessageBubble message={item.message} />
            ) : (
              <MessageBubble
                pending={item.entry}
                onRetry={() => client.actions.retry(item.entry.clientMessageId)}
                onDiscard={() => client.actions.discard(item.entry.clientMessageId)}
              />
            )}
          </Fragment>
        )
      })}
      {below > 0 && (
        <button type="button" className="sb-button sb-button--primary sb-thread__jump" onClick={jumpToLatest}>
          {t.jumpToLatest}
        </button>
      )}
    </div>
  )
}

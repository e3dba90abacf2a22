// The baseline: a bare @tanstack/react-virtual list of the same rows, fed by the same replies and
// events, with the least markup that shows them. What the inbox is measured against.
import type { Conversation, Message, ServerEvent } from '@switchboard/protocol'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'

/** The list's rows when it was last drawn: a warm mount starts from them, as a cached list would. */
let lastRows: Conversation[] = []
/** A cold mount comes next: the last rows go, as our client's cache does (or the heap held counts them before it). */
export function forgetBareRows() {
  lastRows = []
}

interface BareProps {
  /** GETs a path of the API and parses the JSON reply. */
  get: (path: string) => Promise<unknown>
  onEvent: (listener: (event: ServerEvent) => void) => () => void
}

/** The conversation list: newest activity first; an updated conversation moves to the top. */
export function BareList({ get, onEvent, warm = false }: BareProps & { warm?: boolean }) {
  const [rows, setRows] = useState<Conversation[]>(warm ? lastRows : [])
  lastRows = rows
  useEffect(() => {
    void get('/conversations?status=all').then((page) => setRows((page as { items: Conversation[] }).items))
    return onEvent((event) => {
      if (event.type !== 'conversation.updated') return
      const updated = event.conversation
      setRows((rows) => [updated, ...rows.filter((row) => row.id !== updated.id)])
    })
  }, [get, onEvent])
  const scroller = useRef<HTMLDivElement>(null)
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows])
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 76,
    getItemKey,
    overscan: 5,
  })
  return (
    <div ref={scroller} className="bare-scroll">
      <div style={{ position: 'relative', height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index] as Conversation
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              className="bare-row"
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
            >
              <strong>{row.client ? `${row.client.firstName} ${row.client.lastName}` : row.contact.phone}</strong>
              <span>{row.lastMessage?.body}</span>
              <time>{row.lastActivityAt}</time>
            </div>
          )
        })}
      </div>
    </div>
  )
}

/** A thread: oldest first, opened at the newest; a new message is appended and scrolled to. */
export function BareThread({ get, onEvent, conversationId }: BareProps & { conversationId: string }) {
  const [rows, setRows] = useState<Message[]>([])
  useEffect(() => {
    void get(`/conversations/${conversationId}/messages`).then((page) => setRows((page as { items: Message[] }).items))
    return onEvent((event) => {
      if (event.type === 'message.created' && event.message.conversationId === conversationId)
        setRows((rows) => [...rows, event.message])
    })
  }, [get, onEvent, conversationId])
  const scroller = useRef<HTMLDivElement>(null)
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows])
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 56,
    getItemKey,
    overscan: 6,
  })
  useLayoutEffect(() => {
    if (rows.length) virtualizer.scrollToIndex(rows.length - 1, { align: 'end' })
  }, [rows.length, virtualizer])
  return (
    <div ref={scroller} className="bare-scroll">
      <div style={{ position: 'relative', height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index] as Message
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              className={`bare-row bare-row--${row.direction}`}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
            >
              <p>{row.body}</p>
              <time>{row.createdAt}</time>
            </div>
          )
        })}
      </div>
    </div>
  )
}

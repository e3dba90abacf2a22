'use client'
import { type ComponentPropsWithoutRef, createContext, forwardRef, type ReactNode } from 'react'
import { usePartClassName, useStrings } from '../context'
import { type MessageBubbleOptions, type MessageBubbleState, useMessageBubble } from '../hooks/useMessageBubble'
import { cx } from './cx'
import { Icon } from './Icon'
import { usePartContext } from './partContext'
import { SafeText } from './SafeText'

/**
 * Props of a message bubble: a server message or a pending/failed send, and any attribute for its
 * element. With `children`, the parts (`MessageBubble.Sender`, `.Content`, `.Meta`, `.Failure`)
 * are drawn as the host arranges them; without, in the default order.
 */
export interface MessageBubbleProps extends MessageBubbleOptions, Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  children?: ReactNode
}

const BubbleContext = createContext<MessageBubbleState | null>(null)
const useBubble = (part: string) => usePartContext(BubbleContext, 'MessageBubble', part)

const Root = forwardRef<HTMLDivElement, MessageBubbleProps>(function MessageBubble(
  { message, pending, group, onRetry, onDiscard, className, children, ...rest },
  ref,
) {
  const partClass = usePartClassName('message', className)
  const bubble = useMessageBubble({ message, pending, group, onRetry, onDiscard })
  return (
    <div
      ref={ref}
      {...rest}
      className={cx('sb-message', `sb-message--${bubble.direction}`, partClass)}
      data-state={bubble.state}
      data-origin={bubble.origin}
      data-group={bubble.group}
    >
      <BubbleContext.Provider value={bubble}>
        {children ?? (
          <>
            <Content />
            <Meta />
            <Failure />
          </>
        )}
      </BubbleContext.Provider>
    </div>
  )
})

/** Who wrote it (a staff member, a campaign, the auto-reply), under a group's last message. */
function Sender() {
  const { sender, showSender } = useBubble('Sender')
  if (!sender || !showSender) return null
  return <bdi className="sb-message__sender">{sender}</bdi>
}

/** The bubble: attachments, then the text (never HTML; links only http(s), tel and mailto). */
function Content() {
  const { body } = useBubble('Content')
  return (
    <div className="sb-message__bubble">
      <Attachments />
      {body && (
        <p className="sb-message__body" dir="auto">
          <SafeText text={body} />
        </p>
      )}
    </div>
  )
}

/**
 * The attachments, shown safely: a picture only for a type the server proved, a download named by
 * its real type otherwise, and no link at all when it is not from the backend's own origins.
 */
function Attachments() {
  const { attachments } = useBubble('Attachments')
  const t = useStrings()
  return attachments.map((a) => {
    if (a.kind === 'unavailable') {
      return (
        <span key={a.id} className="sb-attachment sb-attachment--unavailable" data-state="unavailable">
          <Icon name="warning" /> <bdi className="sb-attachment__name">{a.name}</bdi>{' '}
          <span className="sb-attachment__type">{t.attachmentUnavailable}</span>
        </span>
      )
    }
    if (a.kind === 'image') {
      return (
        <a
          key={a.id}
          className="sb-attachment sb-attachment--image"
          href={a.href}
          target="_blank"
          rel="noopener noreferrer"
        >
          <img src={a.src} alt={a.name} loading="lazy" />
        </a>
      )
    }
    return (
      <a
        key={a.id}
        className="sb-attachment sb-attachment--file"
        href={a.href}
        target="_blank"
        rel="noopener noreferrer"
        download={a.name}
      >
        <Icon name="file" /> <bdi className="sb-attachment__name">{a.name}</bdi>{' '}
        <span className="sb-attachment__type">{a.type}</span>
      </a>
    )
  })
}

/**
 * Who wrote it, the time and the delivery status, under a group's last message (and always under
 * a pending or failed one).
 */
function Meta() {
  const { createdAt, time, status, showMeta } = useBubble('Meta')
  if (!showMeta) return null
  return (
    <div className="sb-message__meta">
      <Sender />
      {createdAt && <time dateTime={createdAt}>{time}</time>}
      {status && <span className="sb-message__status">{status}</span>}
    </div>
  )
}

/**
 * Why it was not delivered, with Retry (when trying again can help) and Discard. Not an alert:
 * the thread announces a failure once, when it happens (an alert here spoke again on every mount,
 * and a virtualized thread mounts rows as it scrolls).
 */
function Failure() {
  const { failure, canRetry, canDiscard, retry, discard } = useBubble('Failure')
  const t = useStrings()
  if (!failure) return null
  return (
    <div className="sb-message__error">
      {failure}
      {(canRetry || canDiscard) && (
        <span className="sb-message__actions">
          {canRetry && (
            <button type="button" className="sb-button sb-button--small" onClick={retry}>
              {t.retrySend}
            </button>
          )}
          {canDiscard && (
            <button type="button" className="sb-button sb-button--small sb-button--ghost" onClick={discard}>
              {t.discard}
            </button>
          )}
        </span>
      )}
    </div>
  )
}

/**
 * One message: markup over {@link useMessageBubble}. Rearrange its parts by giving children:
 *
 * @example
 * <MessageBubble message={m}>
 *   <MessageBubble.Meta />
 *   <MessageBubble.Content />
 * </MessageBubble>
 */
export const MessageBubble = Object.assign(Root, { Sender, Content, Attachments, Meta, Failure })

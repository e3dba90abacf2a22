'use client'
import * as VisuallyHidden from '@radix-ui/react-visually-hidden'
import { type ComponentPropsWithoutRef, type ComponentType, forwardRef, memo } from 'react'
import { useComponents, useLocale, usePartClassName, useStrings } from '../context'
import { type ThreadViewRow, type ThreadView as ThreadViewState, useThreadView } from '../hooks/useThreadView'
import { formatDay } from '../model/formatTime'
import { itemSource } from '../model/threadRows'
import { cx } from './cx'
import { MessageBubble as DefaultBubble, type MessageBubbleProps } from './MessageBubble'
import { QueryState } from './QueryState'

/** Props of {@link Thread}. */
export interface ThreadProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  conversationId: string
}

/**
 * A conversation's history: markup over {@link useThreadView}. Virtualized (only the messages in
 * view are in the DOM); day separators, the "New messages" divider, messages grouped by sender and
 * minute, delivery status with the reason of a failure and retry where it makes sense; older
 * pages load on scroll to the top without moving what you are reading; "Jump to latest" when
 * texts arrive below. The history is a `role="log"`; new inbound texts and failed sends are
 * announced once through a polite live region.
 */
export const Thread = forwardRef<HTMLDivElement, ThreadProps>(function Thread(props, ref) {
  // One view per conversation: scroll position, divider, "Jump to latest" and announcements start afresh.
  return <ThreadView key={props.conversationId} ref={ref} {...props} />
})

const ThreadView = forwardRef<HTMLDivElement, ThreadProps>(function ThreadView(
  { conversationId, className, ...rest },
  ref,
) {
  const partClass = usePartClassName('thread', className)
  const t = useStrings()
  const locale = useLocale()
  const { MessageBubble = DefaultBubble } = useComponents()
  const view = useThreadView(conversationId)
  const scrollerProps = view.getScrollerProps()

  if (!view.ready) {
    return (
      <QueryState
        ref={ref}
        {...rest}
        // Loading until the history and where its unread texts start are both known.
        query={view.thread.isError ? view.thread : { ...view.thread, isPending: true }}
        loading={t.loadingMessages}
        className={cx('sb-thread sb-thread--status', partClass)}
      />
    )
  }
  return (
    <div ref={ref} {...rest} className={cx('sb-thread', partClass)}>
      <div {...scrollerProps} className="sb-thread__scroll">
        <div className="sb-thread__inner" style={{ position: 'relative', blockSize: view.totalSize }}>
          <div
            className="sb-thread__head"
            style={{ position: 'absolute', insetBlockStart: 0, insetInline: 0, blockSize: view.headSize }}
          >
            {view.hasOlder ? (
              <button
                type="button"
                className="sb-button sb-button--ghost sb-thread__older"
                onClick={view.loadOlder}
                disabled={view.loadingOlder}
                // Failed: the button says so and tries again; the reason on hover.
                title={view.olderError || undefined}
                data-failed={view.olderError !== null ? '' : undefined}
              >
                {view.loadingOlder ? t.loadingOlder : view.olderError !== null ? t.olderFailed : t.olderMessages}
              </button>
            ) : (
              <div className="sb-thread__start">{t.beginning}</div>
            )}
            {view.firstAt && <div className="sb-thread__day">{formatDay(view.firstAt, locale)}</div>}
          </div>
          {view.rows.map((row) => (
            <ThreadSlot
              key={row.key}
              row={row}
              canResend={row.item.kind === 'message' && view.canResend(row.item.message)}
              view={view}
              Bubble={MessageBubble}
            />
          ))}
        </div>
      </div>
      {view.newBelow > 0 && (
        <button type="button" className="sb-button sb-button--primary sb-thread__jump" onClick={view.jumpToLatest}>
          {t.jumpToLatest}
        </button>
      )}
      {view.resendError && (
        <p className="sb-thread__error" role="alert">
          {view.resendError}
        </p>
      )}
      <VisuallyHidden.Root aria-live="polite" aria-atomic="true">
        {view.announcement}
      </VisuallyHidden.Root>
    </div>
  )
})

interface ThreadSlotProps {
  row: ThreadViewRow
  canResend: boolean
  view: Pick<ThreadViewState, 'getRowProps' | 'resend' | 'retry' | 'discard'>
  Bubble: ComponentType<MessageBubbleProps>
}

/**
 * One row of the history, drawn again only when what it shows changed: a text arriving re-derives
 * the rows, and drawing every row in view again for it took most of the frame.
 */
const ThreadSlot = memo(
  function ThreadSlot({ row, canResend, view, Bubble }: ThreadSlotProps) {
    const t = useStrings()
    const locale = useLocale()
    const { item } = row
    return (
      <div {...view.getRowProps(row)} className="sb-thread__slot" data-group={row.group}>
        {row.firstUnread && <div className="sb-thread__unread">{t.newMessages}</div>}
        {item.kind === 'message' ? (
          <Bubble
            message={item.message}
            group={row.group}
            onRetry={canResend ? () => view.resend(item.message.id) : undefined}
          />
        ) : (
          <Bubble
            pending={item.entry}
            group={row.group}
            onRetry={() => view.retry(row.key)}
            onDiscard={() => view.discard(row.key)}
          />
        )}
        {row.nextDayAt && <div className="sb-thread__day">{formatDay(row.nextDayAt, locale)}</div>}
      </div>
    )
  },
  (a, b) =>
    a.row.key === b.row.key &&
    a.row.start === b.row.start &&
    a.row.index === b.row.index &&
    a.row.group === b.row.group &&
    a.row.nextDayAt === b.row.nextDayAt &&
    a.row.firstUnread === b.row.firstUnread &&
    itemSource(a.row.item) === itemSource(b.row.item) &&
    a.canResend === b.canResend &&
    a.Bubble === b.Bubble &&
    a.view.getRowProps === b.view.getRowProps &&
    a.view.resend === b.view.resend &&
    a.view.retry === b.view.retry &&
    a.view.discard === b.view.discard,
)

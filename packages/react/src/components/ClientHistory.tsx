'use client'
import { type ComponentPropsWithoutRef, forwardRef } from 'react'
import { usePartClassName, useStrings } from '../context'
import { useClientHistory } from '../hooks/useClientHistory'
import { format } from '../strings'
import { cx } from './cx'
import { MessageBubble } from './MessageBubble'

/** Props of {@link ClientHistory}. */
export interface ClientHistoryProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  clientId: string
}

/**
 * A client's communication history for the host's client profile: every text with the client
 * across their numbers and conversations, closed ones included, newest first under day headings,
 * virtualized, older pages loaded as the reader scrolls (or with the button at the end). Markup
 * over {@link useClientHistory}.
 */
export const ClientHistory = forwardRef<HTMLDivElement, ClientHistoryProps>(function ClientHistory(
  { clientId, className, ...rest },
  ref,
) {
  const partClass = usePartClassName('clientHistory', className)
  const t = useStrings()
  const history = useClientHistory(clientId)
  const { virtualizer, rows } = history
  return (
    <div ref={ref} {...rest} className={cx('sb-history', partClass)}>
      {history.isPending ? (
        <p className="sb-history__status" role="status">
          {t.loadingMessages}
        </p>
      ) : history.isError ? (
        <p className="sb-history__status" role="alert">
          {format(t.loadFailed, { message: history.error?.message ?? '' })}{' '}
          <button type="button" className="sb-button sb-button--small" onClick={() => void history.refetch()}>
            {t.retry}
          </button>
        </p>
      ) : rows.length === 0 ? (
        <p className="sb-history__status">{t.noHistory}</p>
      ) : (
        <section
          ref={history.scrollRef}
          className="sb-history__scroll"
          aria-label={t.clientHistory}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so a keyboard can scroll it
          tabIndex={0}
        >
          <ul className="sb-history__list" style={{ blockSize: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]
              if (!row) return null
              return (
                <li
                  key={item.key}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  className={row.kind === 'day' ? 'sb-history__day' : 'sb-history__item'}
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {row.kind === 'day' ? <span>{row.label}</span> : <MessageBubble message={row.message} />}
                </li>
              )
            })}
          </ul>
          <div className="sb-history__end" role="status">
            {history.isFetchingNextPage ? (
              t.loadingOlder
            ) : history.hasNextPage || history.isFetchNextPageError ? (
              <button type="button" className="sb-button sb-button--small" onClick={() => void history.fetchNextPage()}>
                {t.olderMessages}
              </button>
            ) : (
              t.historyStart
            )}
          </div>
        </section>
      )}
    </div>
  )
})

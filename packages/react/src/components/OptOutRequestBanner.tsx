'use client'
import { type ComponentPropsWithoutRef, forwardRef, useId } from 'react'
import { usePartClassName, useStrings } from '../context'
import { useOptOutRequest } from '../hooks/useOptOutRequest'
import { format } from '../strings'
import { cx } from './cx'

/** Props of {@link OptOutRequestBanner}. */
export interface OptOutRequestBannerProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  conversationId: string
}

/**
 * Asks staff about a text that reads as a request to stop texting in words other than STOP
 * ("please stop texting me"): record it as the contact's opt-out, or say it is not one. Shows
 * nothing when there is no such text.
 */
export const OptOutRequestBanner = forwardRef<HTMLElement, OptOutRequestBannerProps>(function OptOutRequestBanner(
  { conversationId, className, ...rest },
  ref,
) {
  const partClass = usePartClassName('banner', className)
  const t = useStrings()
  const id = useId()
  const { request, record, dismiss, busy, error } = useOptOutRequest(conversationId)
  if (!request) return null
  return (
    <section
      ref={ref}
      aria-labelledby={`${id}-title`}
      {...rest}
      className={cx('sb-optout', partClass)}
      data-state={busy ? 'busy' : 'idle'}
    >
      <h4 className="sb-optout__title" id={`${id}-title`}>
        {t.optOutRequestTitle}
      </h4>
      <p className="sb-optout__body" dir="auto">
        {format(t.optOutRequestBody, { text: request.excerpt })}
      </p>
      <div className="sb-optout__actions">
        <button type="button" className="sb-button sb-button--primary" onClick={record} disabled={busy}>
          {t.recordOptOut}
        </button>
        <button type="button" className="sb-button sb-button--ghost" onClick={dismiss} disabled={busy}>
          {t.dismissOptOut}
        </button>
      </div>
      {error && (
        <p className="sb-message__error" role="alert">
          {error.message}
        </p>
      )}
    </section>
  )
})

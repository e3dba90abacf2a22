'use client'
import { type ComponentPropsWithoutRef, forwardRef } from 'react'
import { usePartClassName } from '../context'
import { useConnectionNotice } from '../hooks/useConnectionNotice'
import { cx } from './cx'

/** Props of {@link ConnectionBanner}. */
export type ConnectionBannerProps = Omit<ComponentPropsWithoutRef<'div'>, 'children'>

/** Says so when the live connection is down or reconnecting, or the session expired: markup over {@link useConnectionNotice}. */
export const ConnectionBanner = forwardRef<HTMLDivElement, ConnectionBannerProps>(function ConnectionBanner(
  { className, ...rest },
  ref,
) {
  const partClass = usePartClassName('banner', className)
  const { status, message } = useConnectionNotice()
  if (!message) return null
  return (
    <div ref={ref} {...rest} className={cx('sb-banner', partClass)} role="status" data-state={status}>
      {message}
    </div>
  )
})

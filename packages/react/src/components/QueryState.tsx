'use client'
import { type ComponentPropsWithoutRef, forwardRef } from 'react'
import { useStrings } from '../context'
import { format } from '../strings'

/** Props of {@link QueryState}: the query, the loading text, and any attribute for its element. */
export interface QueryStateProps extends ComponentPropsWithoutRef<'div'> {
  query: { isPending: boolean; isError: boolean; error: Error | null; refetch: () => unknown }
  loading: string
}

/**
 * What a part shows instead of its data: a polite loading status, or the error with a retry.
 * Returns null once there is data to show.
 */
export const QueryState = forwardRef<HTMLDivElement, QueryStateProps>(function QueryState(
  { query, loading, ...rest },
  ref,
) {
  const t = useStrings()
  if (query.isError) {
    return (
      <div ref={ref} {...rest} role="alert">
        {format(t.loadFailed, { message: query.error?.message ?? '' })}{' '}
        <button type="button" className="sb-button" onClick={() => void query.refetch()}>
          {t.retry}
        </button>
      </div>
    )
  }
  if (query.isPending) {
    return (
      <div ref={ref} {...rest} role="status">
        {loading}
      </div>
    )
  }
  return null
})

'use client'
import { useStrings } from '../context'
import { format } from '../strings'

/**
 * What a part shows instead of its data: a polite loading status, or the error with a retry.
 * Returns null once there is data to show.
 */
export function QueryState({
  query,
  loading,
  className,
}: {
  query: { isPending: boolean; isError: boolean; error: Error | null; refetch: () => unknown }
  loading: string
  className: string
}) {
  const t = useStrings()
  if (query.isError) {
    return (
      <div className={className} role="alert">
        {format(t.loadFailed, { message: query.error?.message ?? '' })}{' '}
        <button type="button" className="sb-button" onClick={() => void query.refetch()}>
          {t.retry}
        </button>
      </div>
    )
  }
  if (query.isPending) {
    return (
      <div className={className} role="status">
        {loading}
      </div>
    )
  }
  return null
}

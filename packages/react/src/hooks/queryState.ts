import { type InboxError, toInboxError } from '@switchboard/core'

/** One value read from the server, as the hooks hand it out. */
export interface QueryValue<T> {
  /** The value, once loaded (kept live by realtime events). */
  data: T | undefined
  /** Nothing loaded yet. */
  isPending: boolean
  /**
   * The read failed with nothing loaded to show; `error` says why. A later failure (a refetch after
   * a reconnect, say) keeps what was loaded on screen: `error` is set, `isError` is not.
   */
  isError: boolean
  error: InboxError | null
  /** Reads it again. */
  refetch(): Promise<unknown>
}

/** A paged read (a list, a thread), as the hooks hand it out. */
export interface PagedQueryState {
  isPending: boolean
  /**
   * The first page failed: nothing loaded to show. A later failure (the next page, a refetch)
   * keeps the pages loaded on screen: `error` is set, `isError` is not.
   */
  isError: boolean
  error: InboxError | null
  hasNextPage: boolean
  isFetchingNextPage: boolean
  /** Loading the next page failed (what is loaded stays). */
  isFetchNextPageError: boolean
  /** Loads the next page (older history for a thread); a call while it is on its way joins it. */
  fetchNextPage(): Promise<unknown>
  refetch(): Promise<unknown>
}

type QueryLike<T> = {
  data: T | undefined
  isPending: boolean
  isError: boolean
  error: Error | null
  refetch(): Promise<unknown>
}
type PagedLike = QueryLike<unknown> & {
  hasNextPage: boolean
  isFetchingNextPage: boolean
  isFetchNextPageError: boolean
  fetchNextPage(options?: { cancelRefetch?: boolean }): Promise<unknown>
}

/** A read failed and nothing of it is loaded: what replaces a view by its error state. */
const failedEmpty = (query: QueryLike<unknown>) => query.isError && query.data === undefined

/** The declared part of a TanStack query result (only these fields are read, so only they re-render). */
export function queryValue<T>(query: QueryLike<T>): QueryValue<T> {
  return {
    data: query.data,
    isPending: query.isPending,
    isError: failedEmpty(query),
    error: query.error ? toInboxError(query.error) : null,
    refetch: query.refetch,
  }
}

/**
 * A query's `fetchNextPage` that joins a page already on its way. TanStack Query cancels it and
 * asks again by default: a scroll and a click in one frame asked twice, and the first answer (a
 * failure, say) was dropped. The same function for the same query (effects depend on it).
 */
const joining = new WeakMap<PagedLike['fetchNextPage'], () => Promise<unknown>>()
function joiningNextPage(fetchNextPage: PagedLike['fetchNextPage']): () => Promise<unknown> {
  let join = joining.get(fetchNextPage)
  if (!join) {
    join = () => fetchNextPage({ cancelRefetch: false })
    joining.set(fetchNextPage, join)
  }
  return join
}

/** The declared part of a TanStack infinite query result. */
export function pagedState(query: PagedLike): PagedQueryState {
  return {
    isPending: query.isPending,
    isError: failedEmpty(query),
    error: query.error ? toInboxError(query.error) : null,
    hasNextPage: query.hasNextPage,
    isFetchingNextPage: query.isFetchingNextPage,
    isFetchNextPageError: query.isFetchNextPageError,
    fetchNextPage: joiningNextPage(query.fetchNextPage),
    refetch: query.refetch,
  }
}

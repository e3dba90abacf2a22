import { type ConversationSortKey, SwitchboardError } from '@switchboard/protocol'

/** Two strings as an opaque, URL-safe cursor. */
function encodePair(first: string, second: string): string {
  return btoa(JSON.stringify([first, second]))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}

/** The two strings of a cursor made by {@link encodePair}; a damaged one is a `validation_failed` error. */
function decodePair(cursor: string, what: string): [string, string] {
  try {
    const value: unknown = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')))
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return [value[0] as string, value[1] as string]
    }
  } catch {
    // fall through to the error below
  }
  throw new SwitchboardError('validation_failed', `The ${what} cursor is not valid; start again from the first page.`)
}

/** Encodes a list position as an opaque, URL-safe cursor. */
export function encodeCursor(key: ConversationSortKey): string {
  return encodePair(key.lastActivityAt, key.id)
}

/** A position in a client's history: a message's time, then its id. */
export interface HistoryKey {
  createdAt: string
  id: string
}

/** Encodes a position in a client's history as an opaque cursor. */
export function encodeHistoryCursor(key: HistoryKey): string {
  return encodePair(key.createdAt, key.id)
}

/** Reads a cursor made by {@link encodeHistoryCursor}. */
export function decodeHistoryCursor(cursor: string): HistoryKey {
  const [createdAt, id] = decodePair(cursor, 'history')
  return { createdAt, id }
}

/** Reads a cursor made by {@link encodeCursor}; a damaged one is a `validation_failed` error. */
export function decodeCursor(cursor: string): ConversationSortKey {
  const [lastActivityAt, id] = decodePair(cursor, 'list')
  return { lastActivityAt, id }
}

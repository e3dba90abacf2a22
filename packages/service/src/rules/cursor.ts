import { type ConversationSortKey, SwitchboardError } from '@switchboard/protocol'

/** Encodes a list position as an opaque, URL-safe cursor. */
export function encodeCursor(key: ConversationSortKey): string {
  return btoa(JSON.stringify([key.lastActivityAt, key.id]))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}

/** Reads a cursor made by {@link encodeCursor}; a damaged one is a `validation_failed` error. */
export function decodeCursor(cursor: string): ConversationSortKey {
  try {
    const value: unknown = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')))
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return { lastActivityAt: value[0] as string, id: value[1] as string }
    }
  } catch {
    // fall through to the error below
  }
  throw new SwitchboardError('validation_failed', 'The list cursor is not valid; start again from the first page.')
}

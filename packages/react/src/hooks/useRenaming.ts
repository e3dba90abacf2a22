'use client'
import { useState } from 'react'

/** What {@link useRenaming} hands out: the item being renamed in place and its name as typed. */
export interface RenamingState {
  /** The item being renamed and its new name as typed; null when none. */
  renaming: { id: string; name: string } | null
  start(item: { id: string; name: string }): void
  setValue(name: string): void
  cancel(): void
  /** Saves with `rename`; the field closes when it succeeds (resolves non-null). */
  save(rename: (id: string, name: string) => Promise<unknown | null>): Promise<boolean>
}

/** One item of a list renamed in place at a time (a document, an inbox). */
export function useRenaming(): RenamingState {
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null)
  return {
    renaming,
    start: (item) => setRenaming({ id: item.id, name: item.name }),
    setValue: (name) => setRenaming((r) => (r ? { ...r, name } : r)),
    cancel: () => setRenaming(null),
    save: async (rename) => {
      if (!renaming) return false
      const done = (await rename(renaming.id, renaming.name)) !== null
      if (done) setRenaming(null)
      return done
    },
  }
}

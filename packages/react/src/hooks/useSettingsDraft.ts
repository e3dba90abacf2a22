'use client'
import type { InboxError } from '@switchboard/core'
import { type Settings, updateSettingsRequestSchema } from '@switchboard/protocol'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useInboxClient } from '../context'
import { settingsErrors } from '../model/settingsErrors'
import { usePermission } from './useServerData'
import { useSettingsStrings } from './useSettingsStrings'
import { useSubmission } from './useSubmission'

/** What {@link useSettingsDraft} hands out: one part of the settings, edited apart from the rest. */
export interface SettingsDraft<K extends keyof Settings> {
  /** The part being edited: the saved values until changed. Undefined while loading. */
  draft: Pick<Settings, K> | undefined
  /** The settings as saved (every part). */
  saved: Settings | undefined
  isPending: boolean
  loadError: InboxError | null
  refetch(): Promise<unknown>
  /** The user holds `messaging.settings`. */
  canEdit: boolean
  /** Changes the draft. */
  update(change: (draft: Pick<Settings, K>) => Pick<Settings, K>): void
  /** The draft differs from what is saved. */
  dirty: boolean
  /** Each field's problem in staff's words, by path (`autoReply.text`, `businessHours.weekly.1.0.close`), once a save was tried. */
  errors: Record<string, string>
  saving: boolean
  /** The server's refusal, as staff read it. */
  error: string | null
  /** The last save went through and nothing changed since. */
  justSaved: boolean
  /** Saves this part (the other parts as saved); false when a field needs fixing or the server refused. */
  save(): Promise<boolean>
  /** Drops the changes. */
  reset(): void
}

/**
 * One part of the clinic's settings (`keys`) edited as a form: a draft over the saved values,
 * checked by the protocol's own schema on save (problems under each field), saved with the other
 * parts as they are, the server's refusal kept in staff's words. Parts of a settings page each
 * hold their own draft, so saving one never saves another's half-typed changes.
 *
 * @example
 * const alerts = useSettingsDraft(['afterHoursAlert'])
 */
export function useSettingsDraft<K extends keyof Settings>(keys: readonly K[]): SettingsDraft<K> {
  const t = useSettingsStrings()
  const client = useInboxClient()
  const canEdit = usePermission('messaging.settings')
  const query = useQuery(client.queries.settings(), client.queryClient)
  const [changed, setChanged] = useState<Pick<Settings, K> | null>(null)
  const [tried, setTried] = useState(false)
  const [justSaved, setJustSaved] = useState(false)
  const submission = useSubmission()
  const saved = query.data
  const pick = (settings: Settings) => Object.fromEntries(keys.map((k) => [k, settings[k]])) as Pick<Settings, K>
  const draft = changed ?? (saved ? pick(saved) : undefined)
  const whole = saved && draft ? { ...saved, ...draft } : undefined
  const result = whole ? updateSettingsRequestSchema.safeParse(whole) : undefined
  const errors = tried && whole && result && !result.success ? settingsErrors(result.error.issues, whole, t) : {}
  return {
    draft,
    saved,
    isPending: query.isPending,
    loadError: (query.error as InboxError | null) ?? null,
    refetch: () => query.refetch(),
    canEdit,
    update: (change) => {
      if (!draft) return
      setJustSaved(false)
      setChanged(change(draft))
    },
    dirty: changed !== null && saved !== undefined && JSON.stringify(pick(saved)) !== JSON.stringify(changed),
    errors,
    saving: submission.pending,
    error: submission.error,
    justSaved,
    save: async () => {
      setTried(true)
      setJustSaved(false)
      if (!whole || !result?.success) return false
      const done = await submission.run(() => client.actions.updateSettings(whole))
      if (!done) return false
      setChanged(null)
      setTried(false)
      setJustSaved(true)
      return true
    },
    reset: () => {
      setChanged(null)
      setTried(false)
      submission.clear()
    },
  }
}

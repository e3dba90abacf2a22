'use client'
import { useMemo } from 'react'
import { useStrings } from '../context'
import { settingsStrings } from '../settingsStrings'
import type { Strings } from '../strings'

/**
 * The strings of the settings and metrics components: their English defaults (which ship with
 * them, not with the inbox) under the inbox's strings and whatever the host gave `InboxProvider`.
 */
export function useSettingsStrings(): Strings {
  const t = useStrings()
  return useMemo(() => ({ ...settingsStrings, ...t }), [t])
}

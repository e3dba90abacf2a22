'use client'
import { emailAddressSchema, type Settings, TEXT_LIMITS } from '@switchboard/protocol'
import { useState } from 'react'
import { format } from '../strings'
import { type SettingsDraft, useSettingsDraft } from './useSettingsDraft'
import { useSettingsStrings } from './useSettingsStrings'

/** What {@link useAlertSettings} hands out. */
export interface AlertSettingsState extends Omit<SettingsDraft<'afterHoursAlert'>, 'update'> {
  setEnabled(enabled: boolean): void
  /** The address being typed, before it joins the list. */
  adding: string
  setAdding(value: string): void
  /** Why the typed address cannot be added (once tried), in staff's words. */
  addingError: string | null
  /** Adds the typed address (trimmed, checked, once); false when refused. */
  add(): boolean
  remove(address: string): void
}

/**
 * The after-hours alert e-mail as a form (`messaging.settings`): on or off, and its recipients,
 * each address checked as typed and listed once, at most ten.
 */
export function useAlertSettings(): AlertSettingsState {
  const settings = useSettingsDraft(['afterHoursAlert'])
  const { update, draft } = settings
  const [adding, setAddingValue] = useState('')
  const [addingError, setAddingError] = useState<string | null>(null)
  const t = useSettingsStrings()
  const alert = (change: Partial<Settings['afterHoursAlert']>) =>
    update((d) => ({ afterHoursAlert: { ...d.afterHoursAlert, ...change } }))
  return {
    ...settings,
    setEnabled: (enabled) => alert({ enabled }),
    adding,
    setAdding: (value) => {
      setAddingValue(value)
      setAddingError(null)
    },
    addingError,
    add: () => {
      const address = adding.trim()
      const list = draft?.afterHoursAlert.recipients ?? []
      const problem = !address
        ? t.fieldRequired
        : !emailAddressSchema.safeParse(address).success
          ? t.fieldEmail
          : list.some((r) => r.toLowerCase() === address.toLowerCase())
            ? t.recipientTwice
            : list.length >= TEXT_LIMITS.alertRecipients
              ? format(t.recipientsMax, { max: TEXT_LIMITS.alertRecipients })
              : null
      setAddingError(problem)
      if (problem) return false
      alert({ recipients: [...list, address] })
      setAddingValue('')
      return true
    },
    remove: (address) => alert({ recipients: (draft?.afterHoursAlert.recipients ?? []).filter((r) => r !== address) }),
  }
}

'use client'
import type { ConsentRecord, ConsentRequest } from '@switchboard/protocol'
import { useState } from 'react'
import { useInboxClient } from '../context'
import { useSubmission } from './useSubmission'

/** The ways staff record consent by hand (the SMS ones are recorded by the service itself). */
export const STAFF_CONSENT_METHODS = ['verbal', 'written', 'online-form'] as const
export type StaffConsentMethod = (typeof STAFF_CONSENT_METHODS)[number]

/** The values of a consent form. */
export interface ConsentFormValues {
  status: ConsentRecord['status']
  scope: ConsentRecord['scope']
  method: StaffConsentMethod
  /** The day it was given or withdrawn, `YYYY-MM-DD` in the clinic's calendar. */
  date: string
  note: string
}

/** What {@link useConsentForm} hands out. */
export interface ConsentFormState {
  values: ConsentFormValues
  setValue<K extends keyof ConsentFormValues>(key: K, value: ConsentFormValues[K]): void
  /** Today, the latest day that may be chosen. */
  today: string
  saving: boolean
  error: string | null
  /** Records it; true when recorded. */
  save(): Promise<boolean>
}

/** Today as `YYYY-MM-DD` in the browser's calendar. */
function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/**
 * Recording consent given or withdrawn outside SMS (a signed form, a call at the desk): granted
 * or withdrawn, for transactional or marketing texts, how, on which day (not after today), and a
 * note. Shown on the contact at once; withdrawing transactional consent stops texts to the
 * number at once.
 */
export function useConsentForm(phone: string): ConsentFormState {
  const inbox = useInboxClient()
  const today = localToday()
  const [values, setValues] = useState<ConsentFormValues>({
    status: 'granted',
    scope: 'transactional',
    method: 'written',
    date: today,
    note: '',
  })
  const submission = useSubmission()
  return {
    values,
    setValue: (key, value) => setValues((v) => ({ ...v, [key]: value })),
    today,
    saving: submission.pending,
    error: submission.error,
    save: async () => {
      // Noon of the chosen day, local time: the same calendar day in every time zone of the clinic's country.
      const at = values.date === today ? undefined : new Date(`${values.date}T12:00:00`).toISOString()
      const request: ConsentRequest = {
        status: values.status,
        scope: values.scope,
        method: values.method,
        ...(values.note.trim() ? { note: values.note.trim() } : {}),
        ...(at ? { at } : {}),
      }
      return (await submission.run(() => inbox.actions.recordConsent(phone, request))) !== null
    },
  }
}

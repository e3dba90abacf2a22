'use client'
import { type PhoneParseResult, parsePhone } from '@switchboard/protocol'
import { type ChangeEvent, useState } from 'react'
import { useStrings } from '../context'
import { phoneProblem } from '../model/phoneProblem'
import { useMe } from './useServerData'

/** What {@link usePhoneInput} hands out. */
export interface PhoneInputState {
  value: string
  setValue(value: string): void
  /** The typed number read in the clinic's country (national numbers) or any (with +). */
  parsed: PhoneParseResult
  /** The number as it will be texted, formatted for the clinic, once it is a valid number. */
  formatted: string | null
  /** Why the number cannot be texted, in staff's words, once the field was left or a submit was tried. */
  problem: string | null
  /** Shows the problem now (a submit was tried). */
  touch(): void
  getInputProps(): {
    value: string
    type: 'tel'
    inputMode: 'tel'
    autoComplete: 'off'
    dir: 'ltr'
    onChange(event: ChangeEvent<HTMLInputElement>): void
    onBlur(): void
  }
}

/**
 * A phone number field: read as typed by the protocol's one phone rule (the clinic's country for
 * national numbers), shown formatted as soon as it is valid, formatted in place when the field is
 * left, and with its problem (empty, too short, too long, not a number) said once it was left.
 */
export function usePhoneInput(initial = ''): PhoneInputState {
  const t = useStrings()
  const { data: me } = useMe()
  const country = me?.clinic.country ?? 'US'
  const [value, setValue] = useState(initial)
  const [touched, setTouched] = useState(false)
  const parsed = parsePhone(value, country)
  const formatted = parsed.ok ? (parsed.country === country ? parsed.national : parsed.international) : null
  const problem = touched ? phoneProblem(parsed, t) : null
  return {
    value,
    setValue,
    parsed,
    formatted,
    problem,
    touch: () => setTouched(true),
    getInputProps: () => ({
      value,
      type: 'tel',
      inputMode: 'tel',
      autoComplete: 'off',
      dir: 'ltr',
      onChange: (event) => setValue(event.target.value),
      onBlur: () => {
        setTouched(true)
        if (formatted) setValue(formatted)
      },
    }),
  }
}

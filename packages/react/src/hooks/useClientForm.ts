'use client'
import { type NewClient, newClientSchema } from '@switchboard/protocol'
import { type ChangeEvent, useId, useRef, useState } from 'react'
import { useStrings } from '../context'
import { fieldErrors } from '../model/fieldErrors'

/** The fields of a client form. */
export type ClientFormField = 'firstName' | 'lastName' | 'email' | 'patientName' | 'species'
export type ClientFormValues = Record<ClientFormField, string>

/** What a schema path is called in the form. */
const FIELD_OF_PATH: Record<string, ClientFormField> = {
  firstName: 'firstName',
  lastName: 'lastName',
  email: 'email',
  'patients.0.name': 'patientName',
  'patients.0.species': 'species',
}

/** The props of one field's input: value, change, and its error wired for assistive technology. */
export interface ClientFieldProps {
  id: string
  name: ClientFormField
  value: string
  onChange(event: ChangeEvent<HTMLInputElement>): void
  onBlur(): void
  'aria-invalid': boolean | undefined
  'aria-describedby': string | undefined
  ref(element: HTMLInputElement | null): void
}

/** What {@link useClientForm} hands out. */
export interface ClientFormState {
  values: ClientFormValues
  setValue(field: ClientFormField, value: string): void
  /** The error shown for a field (after it was left or a submit was tried), with its element id. */
  error(field: ClientFormField): { id: string; message: string } | null
  getFieldProps(field: ClientFormField): ClientFieldProps
  /**
   * Checks every field by the protocol's own schema: the request when valid; otherwise null,
   * every error shown and the first invalid field focused.
   */
  submit(): NewClient | null
}

const EMPTY: ClientFormValues = { firstName: '', lastName: '', email: '', patientName: '', species: '' }

/** The request a form's values make: the e-mail and a first patient only when given. */
function toRequest(values: ClientFormValues): NewClient {
  return {
    firstName: values.firstName,
    lastName: values.lastName,
    ...(values.email.trim() ? { email: values.email.trim() } : {}),
    ...(values.patientName.trim() || values.species.trim()
      ? { patients: [{ name: values.patientName, species: values.species }] }
      : {}),
  }
}

/**
 * A client form (first and last name, e-mail, an optional first patient) checked by the same
 * schema the server uses, with each field's error in staff's words, shown once the field was
 * left or a submit was tried, and the first invalid field focused on submit.
 */
export function useClientForm(initial: Partial<ClientFormValues> = {}): ClientFormState {
  const t = useStrings()
  const id = useId()
  const [values, setValues] = useState<ClientFormValues>({ ...EMPTY, ...initial })
  const [touched, setTouched] = useState<Partial<Record<ClientFormField, boolean>>>({})
  const inputs = useRef(new Map<ClientFormField, HTMLInputElement>())
  const check = (v: ClientFormValues) => {
    const parsed = newClientSchema.safeParse(toRequest(v))
    const byPath = parsed.success ? {} : fieldErrors(parsed.error.issues, t)
    const errors: Partial<Record<ClientFormField, string>> = {}
    for (const [path, message] of Object.entries(byPath)) {
      const field = FIELD_OF_PATH[path] ?? (path === 'patients.0' ? 'patientName' : undefined)
      if (field && !errors[field]) errors[field] = message
    }
    // A species alone is not a patient: the name is what is missing.
    if (!v.patientName.trim() && v.species.trim()) errors.patientName = t.fieldRequired
    return { errors, request: parsed.success && !errors.patientName ? parsed.data : null }
  }
  const { errors } = check(values)
  const error = (field: ClientFormField) => {
    const message = touched[field] ? errors[field] : undefined
    return message ? { id: `${id}-${field}-error`, message } : null
  }
  return {
    values,
    setValue: (field, value) => setValues((v) => ({ ...v, [field]: value })),
    error,
    getFieldProps: (field) => {
      const shown = error(field)
      return {
        id: `${id}-${field}`,
        name: field,
        value: values[field],
        onChange: (event) => {
          const value = event.target.value
          setValues((v) => ({ ...v, [field]: value }))
        },
        onBlur: () => setTouched((t) => (t[field] ? t : { ...t, [field]: true })),
        'aria-invalid': shown ? true : undefined,
        'aria-describedby': shown?.id,
        ref: (element) => {
          if (element) inputs.current.set(field, element)
          else inputs.current.delete(field)
        },
      }
    },
    submit: () => {
      const { errors: now, request } = check(values)
      setTouched({ firstName: true, lastName: true, email: true, patientName: true, species: true })
      if (request) return request
      const first = (Object.keys(EMPTY) as ClientFormField[]).find((field) => now[field])
      if (first) inputs.current.get(first)?.focus()
      return null
    },
  }
}

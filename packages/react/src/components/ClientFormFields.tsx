'use client'
import { useId } from 'react'
import { useStrings } from '../context'
import type { ClientFormState } from '../hooks/useClientForm'
import { Field } from './Field'

/**
 * The fields of a new client: first and last name, the phone being assigned (shown, not
 * editable), e-mail, and an optional first patient; each error under its field.
 */
export function ClientFormFields({ form, phone }: { form: ClientFormState; phone?: string }) {
  const t = useStrings()
  const id = useId()
  const field = (name: Parameters<ClientFormState['getFieldProps']>[0]) => ({
    ...form.getFieldProps(name),
    error: form.error(name),
  })
  return (
    <div className="sb-form">
      <div className="sb-form__row">
        <Field {...field('firstName')} label={t.firstName} autoComplete="off" required autoFocus />
        <Field {...field('lastName')} label={t.lastName} autoComplete="off" required />
      </div>
      {phone !== undefined && (
        <Field
          id={`${id}-phone`}
          label={t.phone}
          value={phone}
          readOnly
          dir="ltr"
          className="sb-input sb-input--readonly"
        />
      )}
      <Field {...field('email')} label={t.email} type="email" optional autoComplete="off" />
      <fieldset className="sb-form__group">
        <legend className="sb-field__label">
          {t.firstPatient} <span className="sb-field__optional">{t.optional}</span>
        </legend>
        <div className="sb-form__row">
          <Field {...field('patientName')} label={t.patientName} autoComplete="off" />
          <Field {...field('species')} label={t.species} autoComplete="off" list={`${id}-species`} />
        </div>
        <datalist id={`${id}-species`}>
          {t.speciesSuggestions.split(',').map((s) => (
            <option key={s} value={s.trim()} />
          ))}
        </datalist>
      </fieldset>
    </div>
  )
}

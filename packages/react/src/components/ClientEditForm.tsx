'use client'
import type { Client } from '@switchboard/protocol'
import { useId } from 'react'
import { useStrings } from '../context'
import { useClientEditor } from '../hooks/useClientEditor'
import { format } from '../strings'
import { Field } from './Field'
import { IconButton } from './IconButton'

/**
 * A client record edited in place: names, e-mail and phone numbers, each problem under its
 * field; "Save changes" shows the change at once everywhere, a refusal stays in an alert.
 */
export function ClientEditForm({ client, onDone }: { client: Client; onDone(): void }) {
  const t = useStrings()
  const id = useId()
  const editor = useClientEditor(client)
  const field = (name: 'firstName' | 'lastName' | 'email') => ({
    ...editor.form.getFieldProps(name),
    error: editor.form.error(name),
  })
  return (
    <form
      className="sb-form sb-client__edit"
      aria-label={format(t.editClientTitle, { name: `${client.firstName} ${client.lastName}` })}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void editor.save().then((saved) => saved && onDone())
      }}
    >
      <Field {...field('firstName')} label={t.firstName} autoComplete="off" required />
      <Field {...field('lastName')} label={t.lastName} autoComplete="off" required />
      <Field {...field('email')} label={t.email} type="email" optional autoComplete="off" />
      {editor.phones.map((phone, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the numbers are edited in place, by position
        <div key={index} className="sb-client__phone">
          <Field
            id={`${id}-phone-${index}`}
            label={format(t.phoneN, { n: index + 1 })}
            type="tel"
            dir="ltr"
            value={phone.value}
            onChange={(event) => editor.setPhone(index, event.target.value)}
            error={phone.problem ? { id: `${id}-phone-${index}-error`, message: phone.problem } : null}
          />
          <IconButton
            icon="remove"
            label={format(t.removePhone, { phone: phone.value || format(t.phoneN, { n: index + 1 }) })}
            onClick={() => editor.removePhone(index)}
          />
        </div>
      ))}
      <button type="button" className="sb-button sb-button--ghost sb-button--small" onClick={editor.addPhone}>
        {t.addPhone}
      </button>
      {editor.error && (
        <p className="sb-dialog__error" role="alert">
          {editor.error}
        </p>
      )}
      <div className="sb-dialog__actions">
        <button type="button" className="sb-button" onClick={onDone}>
          {t.cancel}
        </button>
        <button type="submit" className="sb-button sb-button--primary" aria-disabled={editor.saving || undefined}>
          {editor.saving ? t.saving : t.saveChanges}
        </button>
      </div>
    </form>
  )
}

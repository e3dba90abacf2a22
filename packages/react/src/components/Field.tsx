'use client'
import { forwardRef, type InputHTMLAttributes, type ReactNode } from 'react'
import { useStrings } from '../context'

/** Props of {@link Field}. */
export interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  id: string
  label: ReactNode
  /** Marks the label "(optional)". */
  optional?: boolean
  /** A hint under the input, tied to it with `aria-describedby`. */
  hint?: ReactNode
  /** The field's error, shown under it and tied to it (its id is the input's `aria-describedby`). */
  error?: { id: string; message: string } | null
}

/** A labelled form input with its hint and its error in place. */
export const Field = forwardRef<HTMLInputElement, FieldProps>(function Field(
  { id, label, optional, hint, error, className, ...input },
  ref,
) {
  const t = useStrings()
  const hintId = hint ? `${id}-hint` : undefined
  const describedBy =
    [...new Set([error?.id, hintId, input['aria-describedby']])].filter(Boolean).join(' ') || undefined
  return (
    <div className="sb-field" data-invalid={error ? '' : undefined}>
      <label className="sb-field__label" htmlFor={id}>
        {label}
        {optional && <span className="sb-field__optional"> {t.optional}</span>}
      </label>
      <input
        {...input}
        ref={ref}
        id={id}
        className={className ?? 'sb-input'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {hint && (
        <p id={hintId} className="sb-field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={error.id} className="sb-field__error">
          {error.message}
        </p>
      )}
    </div>
  )
})

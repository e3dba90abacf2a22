'use client'
import { type ComponentPropsWithoutRef, forwardRef, useId } from 'react'
import { useAlertSettings } from '../hooks/useAlertSettings'
import { useSettingsStrings } from '../hooks/useSettingsStrings'
import { format } from '../strings'
import { SettingsForm } from './SettingsSection'

/**
 * Who is e-mailed when a text arrives after hours (`messaging.settings`): on or off, and a list of
 * addresses, each checked as it is added. Markup over {@link useAlertSettings}.
 */
export const AlertSettings = forwardRef<HTMLElement, Omit<ComponentPropsWithoutRef<'section'>, 'title'>>(
  function AlertSettings(props, ref) {
    const t = useSettingsStrings()
    const id = useId()
    const form = useAlertSettings()
    const alert = form.draft?.afterHoursAlert
    const listError = form.errors['afterHoursAlert.recipients']
    return (
      <SettingsForm ref={ref} {...props} form={form} title={t.alertTitle} description={t.alertBody}>
        {alert && (
          <>
            <label className="sb-switch">
              <input
                type="checkbox"
                role="switch"
                aria-checked={alert.enabled}
                checked={alert.enabled}
                onChange={(e) => form.setEnabled(e.target.checked)}
              />
              {t.alertOn}
            </label>
            <ul className="sb-recipients" aria-label={t.alertRecipients}>
              {alert.recipients.map((address) => (
                <li key={address} className="sb-recipient">
                  <span className="sb-recipient__text">{address}</span>
                  <button
                    type="button"
                    className="sb-recipient__remove"
                    onClick={() => form.remove(address)}
                    aria-label={format(t.removeRecipient, { address })}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
            {alert.recipients.length === 0 && <p className="sb-settings__empty">{t.noRecipients}</p>}
            {listError && (
              <p className="sb-field__error" role="alert">
                {listError}
              </p>
            )}
            <div className="sb-field sb-inline-add" data-invalid={form.addingError ? '' : undefined}>
              <label className="sb-field__label" htmlFor={`${id}-add`}>
                {t.addRecipient}
              </label>
              <div className="sb-inline-add__row">
                <input
                  id={`${id}-add`}
                  type="email"
                  className="sb-input"
                  placeholder="name@example.com"
                  value={form.adding}
                  onChange={(e) => form.setAdding(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault()
                      form.add()
                    }
                  }}
                  aria-invalid={form.addingError ? true : undefined}
                  aria-describedby={form.addingError ? `${id}-add-error` : undefined}
                />
                <button type="button" className="sb-button" onClick={() => form.add()}>
                  {t.add}
                </button>
              </div>
              {form.addingError && (
                <p id={`${id}-add-error`} className="sb-field__error">
                  {form.addingError}
                </p>
              )}
            </div>
          </>
        )}
      </SettingsForm>
    )
  },
)

'use client'
import { formatPhone } from '@switchboard/core'
import { Dialog } from 'radix-ui'
import { useId } from 'react'
import { useStrings } from '../context'
import { useConsentForm } from '../hooks/useConsentForm'
import { useMe } from '../hooks/useServerData'
import { FormattedText } from './FormattedText'
import { DialogForm, FormDialog, type FormDialogOptions } from './FormDialog'
import { Segmented } from './Segmented'

/** The form, mounted while the dialog is open so each opening starts afresh. */
function ConsentForm({ phone, onDone }: { phone: string; onDone(): void }) {
  const t = useStrings()
  const id = useId()
  const consent = useConsentForm(phone)
  const v = consent.values
  const stops = v.status === 'revoked' && v.scope === 'transactional'
  return (
    <DialogForm
      submit={consent.save}
      onDone={onDone}
      error={consent.error}
      pending={consent.saving}
      submitLabel={t.recordConsent}
      pendingLabel={t.saving}
    >
      <fieldset className="sb-form__group">
        <legend className="sb-field__label">{t.consentStatus}</legend>
        <Segmented
          name={`${id}-status`}
          options={[
            { value: 'granted', label: t.consentGranted },
            { value: 'revoked', label: t.consentRevoked },
          ]}
          value={v.status}
          onChange={(status) => consent.setValue('status', status)}
        />
      </fieldset>
      <div className="sb-field">
        <label className="sb-field__label" htmlFor={`${id}-scope`}>
          {t.consentScope}
        </label>
        <select
          id={`${id}-scope`}
          className="sb-select"
          value={v.scope}
          onChange={(e) => consent.setValue('scope', e.target.value as typeof v.scope)}
        >
          <option value="transactional">{t.scopeTransactional}</option>
          <option value="marketing">{t.scopeMarketing}</option>
        </select>
      </div>
      <div className="sb-form__row">
        <div className="sb-field">
          <label className="sb-field__label" htmlFor={`${id}-method`}>
            {t.consentMethod}
          </label>
          <select
            id={`${id}-method`}
            className="sb-select"
            value={v.method}
            onChange={(e) => consent.setValue('method', e.target.value as typeof v.method)}
          >
            <option value="verbal">{t.methodOptionVerbal}</option>
            <option value="written">{t.methodOptionWritten}</option>
            <option value="online-form">{t.methodOptionOnline}</option>
          </select>
        </div>
        <div className="sb-field">
          <label className="sb-field__label" htmlFor={`${id}-date`}>
            {t.consentDate}
          </label>
          <input
            id={`${id}-date`}
            className="sb-input"
            type="date"
            max={consent.today}
            required
            value={v.date}
            onChange={(e) => consent.setValue('date', e.target.value || consent.today)}
          />
        </div>
      </div>
      <div className="sb-field">
        <label className="sb-field__label" htmlFor={`${id}-note`}>
          {t.consentNote} <span className="sb-field__optional">{t.optional}</span>
        </label>
        <textarea
          id={`${id}-note`}
          className="sb-input sb-dialog__message"
          rows={2}
          maxLength={500}
          value={v.note}
          onChange={(e) => consent.setValue('note', e.target.value)}
        />
      </div>
      {stops && <p className="sb-field__hint sb-field__hint--warning">{t.consentStopsTexts}</p>}
    </DialogForm>
  )
}

/** Props of {@link ConsentDialog}. */
export interface ConsentDialogProps extends FormDialogOptions {
  /** The number whose consent is recorded. */
  phone: string
}

/** "Record consent" for a number (Radix Dialog): markup over {@link useConsentForm}. */
export function ConsentDialog({ phone, ...dialog }: ConsentDialogProps) {
  const t = useStrings()
  const { data: me } = useMe()
  return (
    <FormDialog {...dialog}>
      {(close) => (
        <>
          <Dialog.Title className="sb-dialog__title">
            <FormattedText
              text={t.recordConsentTitle}
              values={{ phone: <bdi>{formatPhone(phone, me?.clinic.country)}</bdi> }}
            />
          </Dialog.Title>
          <Dialog.Description className="sb-dialog__body">{t.recordConsentBody}</Dialog.Description>
          <ConsentForm phone={phone} onDone={close} />
        </>
      )}
    </FormDialog>
  )
}

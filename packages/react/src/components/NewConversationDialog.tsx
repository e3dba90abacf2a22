'use client'
import { Dialog } from 'radix-ui'
import { type ComponentPropsWithoutRef, forwardRef, useId } from 'react'
import { useStrings } from '../context'
import { type NewConversationOptions, type NewConversationState, useNewConversation } from '../hooks/useNewConversation'
import type { PhoneInputState } from '../hooks/usePhoneInput'
import { format } from '../strings'
import { ClientSearchField } from './ClientSearchField'
import { Field } from './Field'
import { DialogForm, FormDialog, type FormDialogOptions } from './FormDialog'
import { SegmentCounter } from './SegmentCounter'
import { Segmented } from './Segmented'

/** Props of {@link NewConversationDialog}. */
export interface NewConversationDialogProps
  extends FormDialogOptions,
    NewConversationOptions,
    Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'defaultValue'> {}

/** A phone number field: formatted as typed once valid, its problem in place, landlines explained. */
function PhoneField({ phone, label, autoFocus }: { phone: PhoneInputState; label: string; autoFocus?: boolean }) {
  const t = useStrings()
  const id = useId()
  return (
    <Field
      {...phone.getInputProps()}
      id={id}
      label={label}
      autoFocus={autoFocus}
      hint={phone.formatted ? format(t.willText, { phone: phone.formatted }) : t.phoneMobileOnly}
      error={phone.problem ? { id: `${id}-error`, message: phone.problem } : null}
    />
  )
}

/** The picked client, their numbers as radio buttons, and "Another number" to give them one. */
function ClientNumbers({ state }: { state: NewConversationState }) {
  const t = useStrings()
  const client = state.client
  if (!client) return null
  const noPhone = state.phones.length === 0
  return (
    <div className="sb-form">
      <div className="sb-picked">
        <span className="sb-picked__name">
          <bdi>{`${client.firstName} ${client.lastName}`}</bdi>
        </span>
        {state.changeClient && (
          <button type="button" className="sb-button sb-button--small sb-button--ghost" onClick={state.changeClient}>
            {t.changeClient}
          </button>
        )}
      </div>
      {noPhone && (
        <p className="sb-field__hint">{state.canAddPhone ? t.clientHasNoPhone : t.clientHasNoPhoneNoPermission}</p>
      )}
      {(state.phones.length > 0 || state.canAddPhone) && (
        <fieldset className="sb-form__group">
          <legend className="sb-field__label">{t.clientNumber}</legend>
          <div className="sb-choices">
            {state.phones.map(({ phone, label }) => (
              <label key={phone} className="sb-choice">
                <input
                  type="radio"
                  name="sb-client-phone"
                  value={phone}
                  checked={state.phoneChoice === phone}
                  onChange={() => state.setPhoneChoice(phone)}
                  // biome-ignore lint/a11y/noAutofocus: the search that picked the client is gone; the choice is next
                  autoFocus={state.phoneChoice === phone}
                />
                <bdi>{label}</bdi>
              </label>
            ))}
            {state.canAddPhone && state.phones.length > 0 && (
              <label className="sb-choice">
                <input
                  type="radio"
                  name="sb-client-phone"
                  value="new"
                  checked={state.phoneChoice === 'new'}
                  onChange={() => state.setPhoneChoice('new')}
                />
                {t.anotherNumber}
              </label>
            )}
          </div>
        </fieldset>
      )}
      {state.phoneChoice === 'new' && state.canAddPhone && (
        <>
          <PhoneField phone={state.number} label={t.phoneNumber} autoFocus />
          <p className="sb-field__hint">{t.addNumberHint}</p>
        </>
      )}
    </div>
  )
}

/** The dialog's body: markup over {@link useNewConversation}, mounted while open so each opening starts afresh. */
function NewConversationForm(props: NewConversationOptions & { onDone(): void }) {
  const t = useStrings()
  const id = useId()
  const state = useNewConversation(props)
  const fixedClient = Boolean(props.defaultClientId)
  return (
    <DialogForm
      submit={state.start}
      onDone={props.onDone}
      error={state.error}
      pending={state.starting}
      submitLabel={t.startConversation}
      pendingLabel={t.starting}
    >
      {!fixedClient && (
        <fieldset className="sb-form__group">
          <legend className="sb-field__label">{t.sendTo}</legend>
          <Segmented
            name="sb-send-to"
            options={[
              { value: 'client', label: t.sendToClient },
              { value: 'number', label: t.sendToNumber },
            ]}
            value={state.target}
            onChange={state.setTarget}
          />
        </fieldset>
      )}
      {state.target === 'number' ? (
        <PhoneField phone={state.number} label={t.phoneNumber} autoFocus />
      ) : state.clientLoading ? (
        <p className="sb-field__hint" role="status">
          {t.loadingClient}
        </p>
      ) : state.client ? (
        <ClientNumbers state={state} />
      ) : (
        <ClientSearchField search={state.search} autoFocus />
      )}
      <div className="sb-field">
        <label className="sb-field__label" htmlFor={`${id}-body`}>
          {t.firstMessage} <span className="sb-field__optional">{t.optional}</span>
        </label>
        <textarea
          id={`${id}-body`}
          className="sb-input sb-dialog__message"
          rows={3}
          value={state.body}
          onChange={(event) => state.setBody(event.target.value)}
          aria-describedby={`${id}-count`}
        />
        <SegmentCounter segments={state.segments} id={`${id}-count`} />
      </div>
    </DialogForm>
  )
}

/**
 * Starts a conversation (Radix Dialog): with a client found by name, patient or phone and one
 * of their numbers (or a new one given to them), or with any mobile number typed; an optional
 * first message with its SMS count. When the number already has an open conversation, that one
 * is opened. Alone on a host's client profile with `defaultClientId` (the seeds' "Send SMS").
 */
export const NewConversationDialog = forwardRef<HTMLDivElement, NewConversationDialogProps>(
  function NewConversationDialog({ defaultClientId, onStarted, ...dialog }, ref) {
    const t = useStrings()
    return (
      <FormDialog ref={ref} {...dialog}>
        {(close) => (
          <>
            <Dialog.Title className="sb-dialog__title">{t.newConversation}</Dialog.Title>
            <Dialog.Description className="sb-dialog__body">{t.newConversationBody}</Dialog.Description>
            <NewConversationForm defaultClientId={defaultClientId} onStarted={onStarted} onDone={close} />
          </>
        )}
      </FormDialog>
    )
  },
)

'use client'
import type { Conversation } from '@switchboard/protocol'
import { Dialog } from 'radix-ui'
import { type ComponentPropsWithoutRef, forwardRef } from 'react'
import { useStrings } from '../context'
import { type AssignToClientState, useAssignToClient } from '../hooks/useAssignToClient'
import { ClientFormFields } from './ClientFormFields'
import { ClientSearchField } from './ClientSearchField'
import { FormattedText } from './FormattedText'
import { DialogForm, FormDialog, type FormDialogOptions } from './FormDialog'

/** Props of {@link AssignToClientDialog}. */
export interface AssignToClientDialogProps
  extends FormDialogOptions,
    Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'onSubmit' | 'defaultValue'> {
  /** The lead's conversation whose number is assigned. */
  conversation: Conversation
  /** After the number was assigned, with the conversation as it now is. */
  onAssigned?: (conversation: Conversation) => void
}

/** The dialog's body: markup over {@link useAssignToClient}, mounted while open so each opening starts afresh. */
function AssignToClientForm({ state, onDone }: { state: AssignToClientState; onDone(): void }) {
  const t = useStrings()
  return (
    <DialogForm
      submit={state.save}
      onDone={onDone}
      error={state.error}
      pending={state.saving}
      submitLabel={state.mode === 'create' ? t.addClient : t.save}
      pendingLabel={t.saving}
      extraAction={
        state.mode === 'create' && (
          <button
            type="button"
            className="sb-button sb-button--ghost sb-dialog__back"
            onClick={() => state.setMode('search')}
          >
            {t.backToSearch}
          </button>
        )
      }
    >
      {state.mode === 'search' ? (
        <>
          <ClientSearchField search={state.search} autoFocus />
          {state.canCreate && (
            <button
              type="button"
              className="sb-button sb-button--ghost sb-dialog__switch"
              onClick={() => state.setMode('create')}
            >
              {t.addClientInstead}
            </button>
          )}
        </>
      ) : (
        <ClientFormFields form={state.form} phone={state.phone} />
      )}
    </DialogForm>
  )
}

function AssignToClientBody(props: {
  conversation: Conversation
  onAssigned?: (c: Conversation) => void
  onDone(): void
}) {
  const t = useStrings()
  const state = useAssignToClient(props.conversation, { onAssigned: props.onAssigned })
  return (
    <>
      <Dialog.Title className="sb-dialog__title">
        <FormattedText text={t.assignToClientTitle} values={{ phone: <bdi>{state.phone}</bdi> }} />
      </Dialog.Title>
      <Dialog.Description className="sb-dialog__body">{t.assignToClientBody}</Dialog.Description>
      <AssignToClientForm state={state} onDone={props.onDone} />
    </>
  )
}

/**
 * Assigns a lead's number to a client (Radix Dialog): search by name, patient name or phone and
 * pick one, or add a new client with a checked form; "Save" assigns and the conversation, its
 * row and the client panel show the client at once. Errors stay in place; focus returns to
 * the trigger (or `returnFocusRef`) on close.
 */
export const AssignToClientDialog = forwardRef<HTMLDivElement, AssignToClientDialogProps>(function AssignToClientDialog(
  { conversation, onAssigned, ...dialog },
  ref,
) {
  return (
    <FormDialog ref={ref} {...dialog}>
      {(close) => <AssignToClientBody conversation={conversation} onAssigned={onAssigned} onDone={close} />}
    </FormDialog>
  )
})

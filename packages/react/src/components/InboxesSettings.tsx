'use client'
import type { Inbox } from '@switchboard/protocol'
import { type ComponentPropsWithoutRef, forwardRef, useId } from 'react'
import { type InboxManagerState, useInboxManager } from '../hooks/useInboxManager'
import { useSettingsStrings } from '../hooks/useSettingsStrings'
import { format } from '../strings'
import { InlineRename } from './InlineRename'
import { SettingsSection } from './SettingsSection'

function InboxRow({ inbox, manager }: { inbox: Inbox; manager: InboxManagerState }) {
  const t = useSettingsStrings()
  const renaming = manager.rename.renaming?.id === inbox.id ? manager.rename.renaming : null
  if (renaming) {
    return (
      <li className="sb-settings__item">
        <InlineRename
          label={format(t.renameInboxLabel, { name: inbox.name })}
          value={renaming.name}
          maxLength={60}
          busy={manager.busy}
          onChange={manager.rename.setValue}
          onSave={() => void manager.rename.save()}
          onCancel={manager.rename.cancel}
        />
      </li>
    )
  }
  return (
    <li className="sb-settings__item" data-archived={inbox.archived ? '' : undefined}>
      <div className="sb-settings__item-text">
        <p className="sb-settings__item-title">{inbox.name}</p>
        {inbox.archived && <p className="sb-settings__item-detail">{t.inboxArchivedExplained}</p>}
      </div>
      <div className="sb-settings__item-actions">
        <button
          type="button"
          className="sb-button sb-button--small"
          onClick={() => manager.rename.start(inbox)}
          aria-label={format(t.renameInboxLabel, { name: inbox.name })}
        >
          {t.rename}
        </button>
        <button
          type="button"
          className="sb-button sb-button--small"
          disabled={manager.busy}
          onClick={() => void manager.setArchived(inbox, !inbox.archived)}
          aria-label={format(inbox.archived ? t.restoreInboxLabel : t.archiveInboxLabel, { name: inbox.name })}
        >
          {inbox.archived ? t.restore : t.archive}
        </button>
      </div>
    </li>
  )
}

/**
 * The clinic's inboxes (`messaging.manageInboxes`): created, renamed, archived (kept for their
 * conversations, offered for no new ones) and restored. Markup over {@link useInboxManager}.
 */
export const InboxesSettings = forwardRef<HTMLElement, Omit<ComponentPropsWithoutRef<'section'>, 'title'>>(
  function InboxesSettings(props, ref) {
    const t = useSettingsStrings()
    const id = useId()
    const manager = useInboxManager()
    return (
      <SettingsSection
        ref={ref}
        {...props}
        title={t.inboxesTitle}
        description={t.inboxesBody}
        allowed={manager.canManage}
        denied={t.inboxesNoPermission}
        query={manager}
      >
        {manager.actionError && (
          <p className="sb-dialog__error" role="alert">
            {manager.actionError}
          </p>
        )}
        {manager.active.length === 0 && <p className="sb-settings__empty">{t.noInboxes}</p>}
        <ul className="sb-settings__list" aria-label={t.inboxesTitle}>
          {manager.active.map((inbox) => (
            <InboxRow key={inbox.id} inbox={inbox} manager={manager} />
          ))}
        </ul>
        {manager.archived.length > 0 && (
          <>
            <h3 className="sb-settings__subtitle">{t.archivedInboxes}</h3>
            <ul className="sb-settings__list" aria-label={t.archivedInboxes}>
              {manager.archived.map((inbox) => (
                <InboxRow key={inbox.id} inbox={inbox} manager={manager} />
              ))}
            </ul>
          </>
        )}
        <form
          className="sb-field sb-inline-add"
          noValidate
          data-invalid={manager.newNameError ? '' : undefined}
          onSubmit={(e) => {
            e.preventDefault()
            void manager.create()
          }}
        >
          <label className="sb-field__label" htmlFor={`${id}-new`}>
            {t.newInbox}
          </label>
          <div className="sb-inline-add__row">
            <input
              id={`${id}-new`}
              className="sb-input"
              placeholder={t.newInboxPlaceholder}
              value={manager.newName}
              maxLength={60}
              onChange={(e) => manager.setNewName(e.target.value)}
              aria-invalid={manager.newNameError ? true : undefined}
              aria-describedby={manager.newNameError ? `${id}-new-error` : undefined}
            />
            <button type="submit" className="sb-button" disabled={manager.busy}>
              {t.createInbox}
            </button>
          </div>
          {manager.newNameError && (
            <p id={`${id}-new-error`} className="sb-field__error">
              {manager.newNameError}
            </p>
          )}
        </form>
      </SettingsSection>
    )
  },
)

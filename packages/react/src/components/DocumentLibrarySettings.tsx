'use client'
import { displayFilename } from '@switchboard/protocol'
import { type ComponentPropsWithoutRef, forwardRef, useId, useRef } from 'react'
import { useLocale } from '../context'
import { useDocumentLibrary } from '../hooks/useDocumentLibrary'
import { useSettingsStrings } from '../hooks/useSettingsStrings'
import { formatBytes } from '../model/formatBytes'
import { format } from '../strings'
import { ConfirmDialog } from './ConfirmDialog'
import { InlineRename } from './InlineRename'
import { SettingsSection } from './SettingsSection'

/**
 * The clinic's document library (`messaging.settings`): forms, price lists and aftercare sheets
 * staff attach again and again; uploaded within the clinic's limits, renamed in place (the
 * extension is kept), removed after a confirmation. Names are shown as text. Markup over
 * {@link useDocumentLibrary}.
 */
export const DocumentLibrarySettings = forwardRef<HTMLElement, Omit<ComponentPropsWithoutRef<'section'>, 'title'>>(
  function DocumentLibrarySettings(props, ref) {
    const t = useSettingsStrings()
    const locale = useLocale()
    const id = useId()
    const library = useDocumentLibrary()
    const picker = useRef<HTMLInputElement>(null)
    return (
      <SettingsSection
        ref={ref}
        {...props}
        title={t.libraryTitle}
        description={t.libraryBody}
        allowed={library.canEdit}
        denied={t.settingsNoPermission}
        query={library}
      >
        <div className="sb-settings__toolbar">
          <input
            ref={picker}
            id={`${id}-file`}
            type="file"
            hidden
            accept={library.accept}
            tabIndex={-1}
            aria-hidden="true"
            onChange={(e) => {
              const file = e.target.files?.[0]
              e.target.value = ''
              if (file) void library.upload(file)
            }}
          />
          <button
            type="button"
            className="sb-button sb-button--primary"
            disabled={library.uploading !== null}
            onClick={() => picker.current?.click()}
          >
            {t.uploadDocument}
          </button>
          {library.uploading && (
            <progress
              className="sb-progress"
              max={1}
              value={library.uploading.progress}
              aria-label={format(t.uploading, { name: library.uploading.name })}
            />
          )}
        </div>
        {library.actionError && (
          <p className="sb-dialog__error" role="alert">
            {library.actionError}
          </p>
        )}
        {library.data?.length === 0 && <p className="sb-settings__empty">{t.libraryEmpty}</p>}
        <ul className="sb-settings__list" aria-label={t.libraryTitle}>
          {library.data?.map((document) => {
            const { extension } = displayFilename(document.name)
            const renaming = library.rename.renaming?.id === document.id ? library.rename.renaming : null
            return (
              <li key={document.id} className="sb-settings__item">
                {renaming ? (
                  <InlineRename
                    label={format(t.renameDocumentLabel, { name: document.name })}
                    value={renaming.name}
                    maxLength={120}
                    busy={library.busy}
                    onChange={library.rename.setValue}
                    onSave={() => void library.rename.save()}
                    onCancel={library.rename.cancel}
                  />
                ) : (
                  <>
                    <div className="sb-settings__item-text">
                      <p className="sb-settings__item-title">{document.name}</p>
                      <p className="sb-settings__item-detail">
                        {[extension.toUpperCase() || t.fileTypeUnknown, formatBytes(document.size, locale)].join(' · ')}
                      </p>
                    </div>
                    <div className="sb-settings__item-actions">
                      <button
                        type="button"
                        className="sb-button sb-button--small"
                        onClick={() => library.rename.start(document)}
                        aria-label={format(t.renameDocumentLabel, { name: document.name })}
                      >
                        {t.rename}
                      </button>
                      <ConfirmDialog
                        triggerText={t.remove}
                        triggerLabel={format(t.removeDocumentLabel, { name: document.name })}
                        title={format(t.removeDocumentTitle, { name: document.name })}
                        body={t.removeDocumentBody}
                        confirmLabel={t.remove}
                        onConfirm={() => void library.remove(document)}
                      />
                    </div>
                  </>
                )}
              </li>
            )
          })}
        </ul>
      </SettingsSection>
    )
  },
)

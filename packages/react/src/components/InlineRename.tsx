'use client'
import { useSettingsStrings } from '../hooks/useSettingsStrings'

/** Props of {@link InlineRename}. */
export interface InlineRenameProps {
  /** The field's name for assistive technology, e.g. "Rename Price list.pdf". */
  label: string
  value: string
  maxLength: number
  busy: boolean
  onChange(value: string): void
  onSave(): void
  onCancel(): void
}

/** A list item's name edited in place: the field (focused, Escape cancels), Save and Cancel. */
export function InlineRename({ label, value, maxLength, busy, onChange, onSave, onCancel }: InlineRenameProps) {
  const t = useSettingsStrings()
  return (
    <form
      className="sb-inline-add__row sb-settings__rename"
      onSubmit={(e) => {
        e.preventDefault()
        onSave()
      }}
    >
      <input
        className="sb-input"
        aria-label={label}
        value={value}
        maxLength={maxLength}
        // biome-ignore lint/a11y/noAutofocus: the field was just opened by the Rename button
        autoFocus
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      />
      <button type="submit" className="sb-button sb-button--small sb-button--primary" disabled={busy}>
        {t.save}
      </button>
      <button type="button" className="sb-button sb-button--small" onClick={onCancel}>
        {t.cancel}
      </button>
    </form>
  )
}

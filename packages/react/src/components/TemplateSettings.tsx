'use client'
import { TEMPLATE_VARIABLES, type Template } from '@switchboard/protocol'
import { Dialog } from 'radix-ui'
import { type ComponentPropsWithoutRef, forwardRef, useId, useRef } from 'react'
import { useLocale } from '../context'
import { placeCaretAfter } from '../hooks/placeCaretAfter'
import { useSettingsStrings } from '../hooks/useSettingsStrings'
import { useTemplateForm } from '../hooks/useTemplateForm'
import { useTemplateSettings } from '../hooks/useTemplateSettings'
import type { StringKey } from '../strings'
import { format } from '../strings'
import { ConfirmDialog } from './ConfirmDialog'
import { Field } from './Field'
import { DialogForm, FormDialog } from './FormDialog'
import { SegmentCounter } from './SegmentCounter'
import { SettingsSection } from './SettingsSection'

/** The form of a new or edited template, mounted while its dialog is open. */
function TemplateForm({ template, categories, onDone }: { template?: Template; categories: string[]; onDone(): void }) {
  const t = useSettingsStrings()
  const id = useId()
  const form = useTemplateForm(template)
  const body = useRef<HTMLTextAreaElement>(null)
  const error = (field: 'name' | 'category' | 'body') =>
    form.errors[field] ? { id: `${id}-${field}-error`, message: form.errors[field] as string } : null
  const bodyError = error('body')
  return (
    <DialogForm
      submit={form.save}
      onDone={onDone}
      error={form.error}
      pending={form.saving}
      submitLabel={template ? t.saveChanges : t.addTemplate}
      pendingLabel={t.saving}
    >
      <div className="sb-form__row">
        <Field
          id={`${id}-name`}
          label={t.templateName}
          value={form.values.name}
          onChange={(e) => form.setValue('name', e.target.value)}
          error={error('name')}
          autoComplete="off"
        />
        <Field
          id={`${id}-category`}
          label={t.templateCategory}
          value={form.values.category}
          onChange={(e) => form.setValue('category', e.target.value)}
          error={error('category')}
          list={`${id}-categories`}
          autoComplete="off"
        />
        <datalist id={`${id}-categories`}>
          {categories.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      </div>
      <div className="sb-field" data-invalid={bodyError ? '' : undefined}>
        <label className="sb-field__label" htmlFor={`${id}-body`}>
          {t.templateBody}
        </label>
        <textarea
          ref={body}
          id={`${id}-body`}
          className="sb-input sb-textarea"
          rows={4}
          value={form.values.body}
          onChange={(e) => form.setValue('body', e.target.value)}
          aria-invalid={bodyError ? true : undefined}
          aria-describedby={[`${id}-count`, bodyError?.id].filter(Boolean).join(' ')}
        />
        {bodyError && (
          <p id={bodyError.id} className="sb-field__error">
            {bodyError.message}
          </p>
        )}
      </div>
      <fieldset className="sb-form__group">
        <legend className="sb-field__label">{t.insertVariable}</legend>
        <div className="sb-variables">
          {TEMPLATE_VARIABLES.map(({ name }) => (
            <button
              key={name}
              type="button"
              className="sb-variable"
              onClick={() => {
                const area = body.current
                placeCaretAfter(area, () =>
                  form.insertVariable(name, area ? { start: area.selectionStart, end: area.selectionEnd } : undefined),
                )
              }}
            >
              {t[`var.${name}` as StringKey] as string}
            </button>
          ))}
        </div>
      </fieldset>
      <div className="sb-preview">
        <p className="sb-preview__label">{t.templatePreview}</p>
        <p className="sb-preview__bubble">{form.preview || '—'}</p>
        <SegmentCounter id={`${id}-count`} segments={form.segments} />
      </div>
    </DialogForm>
  )
}

function TemplateDialog({ template, categories }: { template?: Template; categories: string[] }) {
  const t = useSettingsStrings()
  return (
    <FormDialog
      aria-describedby={undefined}
      trigger={
        template ? (
          <button
            type="button"
            className="sb-button sb-button--small"
            aria-label={format(t.editTemplate, { name: template.name })}
          >
            {t.edit}
          </button>
        ) : (
          <button type="button" className="sb-button sb-button--primary">
            {t.newTemplate}
          </button>
        )
      }
    >
      {(close) => (
        <>
          <Dialog.Title className="sb-dialog__title">
            {template ? format(t.editTemplate, { name: template.name }) : t.newTemplate}
          </Dialog.Title>
          <TemplateForm template={template} categories={categories} onDone={close} />
        </>
      )}
    </FormDialog>
  )
}

/**
 * The clinic's message templates (`messaging.settings`): listed by category, added and edited in
 * a dialog with variables inserted from a list and checked as typed, deleted after a
 * confirmation. Markup over {@link useTemplateSettings} and `useTemplateForm`.
 */
export const TemplateSettings = forwardRef<HTMLElement, Omit<ComponentPropsWithoutRef<'section'>, 'title'>>(
  function TemplateSettings(props, ref) {
    const t = useSettingsStrings()
    const locale = useLocale()
    const templates = useTemplateSettings(locale)
    return (
      <SettingsSection
        ref={ref}
        {...props}
        title={t.templatesTitle}
        description={t.templatesBody}
        allowed={templates.canEdit}
        denied={t.settingsNoPermission}
        query={templates}
      >
        <div className="sb-settings__toolbar">
          <TemplateDialog categories={templates.categories} />
        </div>
        {templates.actionError && (
          <p className="sb-dialog__error" role="alert">
            {templates.actionError}
          </p>
        )}
        {templates.groups.length === 0 && <p className="sb-settings__empty">{t.templatesEmpty}</p>}
        {templates.groups.map((group) => (
          <section key={group.category} className="sb-settings__group" aria-label={group.category}>
            <h3 className="sb-settings__subtitle">{group.category}</h3>
            <ul className="sb-settings__list">
              {group.templates.map((template) => (
                <li key={template.id} className="sb-settings__item">
                  <div className="sb-settings__item-text">
                    <p className="sb-settings__item-title">{template.name}</p>
                    <p className="sb-settings__item-detail">{template.body}</p>
                  </div>
                  <div className="sb-settings__item-actions">
                    <TemplateDialog template={template} categories={templates.categories} />
                    <ConfirmDialog
                      triggerText={t.deleteAction}
                      triggerLabel={format(t.deleteTemplate, { name: template.name })}
                      title={format(t.deleteTemplateTitle, { name: template.name })}
                      body={t.deleteTemplateBody}
                      confirmLabel={t.deleteAction}
                      onConfirm={() => void templates.remove(template)}
                    />
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </SettingsSection>
    )
  },
)

'use client'
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode, useId } from 'react'
import { useMe } from '../hooks/useServerData'
import type { SettingsDraft } from '../hooks/useSettingsDraft'
import { useSettingsStrings } from '../hooks/useSettingsStrings'
import { cx } from './cx'
import { QueryState } from './QueryState'

/** Props of {@link SettingsSection}. */
export interface SettingsSectionProps extends Omit<ComponentPropsWithoutRef<'section'>, 'title'> {
  title: ReactNode
  description?: ReactNode
  /** The user may use this part; otherwise `denied` is said instead of its content. */
  allowed: boolean
  denied: ReactNode
  /** What the part reads, for its loading and error states. */
  query?: { isPending: boolean; isError: boolean; error: Error | null; refetch: () => unknown }
}

/**
 * The frame of one part of the settings: a titled region, its description, and instead of its
 * content, a loading or error state, or why the user cannot use it.
 */
export const SettingsSection = forwardRef<HTMLElement, SettingsSectionProps>(function SettingsSection(
  { title, description, allowed, denied, query, className, children, ...rest },
  ref,
) {
  const t = useSettingsStrings()
  const id = useId()
  const me = useMe()
  return (
    <section ref={ref} {...rest} className={cx('sb-settings__section', className)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="sb-settings__title">
        {title}
      </h2>
      {description && <p className="sb-settings__description">{description}</p>}
      {me.isPending || query?.isPending ? (
        <QueryState
          className="sb-settings__state"
          query={{ ...(query ?? me), isPending: true }}
          loading={t.loadingSettings}
        />
      ) : !allowed ? (
        // Said only once the user is known: no flash of "not allowed" while loading.
        <p className="sb-settings__denied">{denied}</p>
      ) : query?.isError ? (
        <QueryState className="sb-settings__state" query={query} loading={t.loadingSettings} />
      ) : (
        children
      )}
    </section>
  )
})

/** Props of {@link SettingsSaveBar}. */
export interface SettingsSaveBarProps {
  form: Pick<SettingsDraft<never>, 'dirty' | 'saving' | 'error' | 'justSaved' | 'reset'>
}

/** Save and Undo changes for a part of the settings, with "Saved" and the server's refusal said. */
export function SettingsSaveBar({ form }: SettingsSaveBarProps) {
  const t = useSettingsStrings()
  return (
    <div className="sb-settings__actions">
      {form.error && (
        <p className="sb-dialog__error" role="alert">
          {form.error}
        </p>
      )}
      <p className="sb-settings__saved" role="status">
        {form.justSaved ? t.settingsSaved : ''}
      </p>
      <button type="button" className="sb-button" disabled={!form.dirty || form.saving} onClick={form.reset}>
        {t.undoChanges}
      </button>
      <button type="submit" className="sb-button sb-button--primary" disabled={form.saving} aria-disabled={!form.dirty}>
        {form.saving ? t.saving : t.save}
      </button>
    </div>
  )
}

/** Props of {@link SettingsForm}. */
export interface SettingsFormProps extends Omit<SettingsSectionProps, 'allowed' | 'denied' | 'query' | 'children'> {
  /** The part's draft, from `useSettingsDraft` or a hook over it. */
  form: Pick<
    SettingsDraft<never>,
    'canEdit' | 'isPending' | 'loadError' | 'refetch' | 'save' | 'dirty' | 'saving' | 'error' | 'justSaved' | 'reset'
  > & { draft: unknown }
  /** The fields, once the draft is loaded. */
  children: ReactNode
}

/**
 * A part of the settings edited as a draft: its section (needing `messaging.settings`), a form
 * that saves on submit, the fields, and Save / Undo changes with "Saved" and the refusal said.
 */
export const SettingsForm = forwardRef<HTMLElement, SettingsFormProps>(function SettingsForm(
  { form, children, ...section },
  ref,
) {
  const t = useSettingsStrings()
  return (
    <SettingsSection
      ref={ref}
      {...section}
      allowed={form.canEdit}
      denied={t.settingsNoPermission}
      query={{
        isPending: form.isPending,
        isError: form.loadError !== null,
        error: form.loadError,
        refetch: form.refetch,
      }}
    >
      {form.draft !== undefined && (
        <form
          className="sb-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            void form.save()
          }}
        >
          {children}
          <SettingsSaveBar form={form} />
        </form>
      )}
    </SettingsSection>
  )
})

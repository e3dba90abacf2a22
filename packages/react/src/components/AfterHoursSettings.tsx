'use client'
import { countSegments } from '@switchboard/protocol'
import { type ComponentPropsWithoutRef, forwardRef, memo, useId } from 'react'
import { useLocale } from '../context'
import { type AfterHoursSettingsState, useAfterHoursSettings } from '../hooks/useAfterHoursSettings'
import { useSettingsStrings } from '../hooks/useSettingsStrings'
import { timeZones, WEEK_ORDER, weekdayName } from '../model/weekdays'
import { format } from '../strings'
import { SegmentCounter } from './SegmentCounter'
import { SettingsForm } from './SettingsSection'

/** Props of {@link AfterHoursSettings}. */
export interface AfterHoursSettingsProps extends Omit<ComponentPropsWithoutRef<'section'>, 'title'> {
  /** The clock the preview starts at; the real one by default. */
  now?: () => Date
}

/** The ~400 zones of the picker, rendered again only when the chosen one changes (not on each keystroke). */
const TimeZoneOptions = memo(function TimeZoneOptions({ current }: { current: string }) {
  return timeZones(current).map((zone) => (
    <option key={zone} value={zone}>
      {zone.replace(/_/g, ' ')}
    </option>
  ))
})

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} className="sb-field__error">
      {message}
    </p>
  ) : null
}

function WeekHours({ form, id }: { form: AfterHoursSettingsState; id: string }) {
  const t = useSettingsStrings()
  const locale = useLocale()
  const weekly = form.draft?.businessHours.weekly ?? []
  return (
    <fieldset className="sb-form__group sb-hours">
      <legend className="sb-field__label">{t.businessHours}</legend>
      {WEEK_ORDER.map((day) => {
        const name = weekdayName(day, locale)
        const ranges = weekly[day] ?? []
        return (
          <fieldset key={day} className="sb-hours__day">
            <legend className="sb-hours__name">{name}</legend>
            <label className="sb-hours__open">
              <input
                type="checkbox"
                checked={ranges.length > 0}
                onChange={(e) => form.setDayOpen(day, e.target.checked)}
              />
              {t.openOnDay}
            </label>
            <div className="sb-hours__ranges">
              {ranges.length === 0 && <span className="sb-hours__closed">{t.closedAllDay}</span>}
              {ranges.map((range, i) => {
                const base = `businessHours.weekly.${day}.${i}`
                const opens = form.errors[`${base}.open`]
                const closes = form.errors[`${base}.close`]
                const errorId = `${id}-${day}-${i}-error`
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: openings have no identity but their place in the day
                  <div key={i} className="sb-hours__range" data-invalid={opens || closes ? '' : undefined}>
                    <input
                      type="time"
                      className="sb-input sb-input--time"
                      aria-label={format(t.opensAt, { day: name, n: i + 1 })}
                      value={range.open}
                      onChange={(e) => form.setRange(day, i, { open: e.target.value })}
                      aria-invalid={opens ? true : undefined}
                      aria-describedby={opens || closes ? errorId : undefined}
                    />
                    <span aria-hidden="true">–</span>
                    <input
                      type="time"
                      className="sb-input sb-input--time"
                      aria-label={format(t.closesAt, { day: name, n: i + 1 })}
                      value={range.close === '24:00' ? '23:59' : range.close}
                      onChange={(e) =>
                        form.setRange(day, i, { close: e.target.value === '23:59' ? '24:00' : e.target.value })
                      }
                      aria-invalid={closes ? true : undefined}
                      aria-describedby={opens || closes ? errorId : undefined}
                    />
                    <button
                      type="button"
                      className="sb-button sb-button--small sb-button--quiet"
                      onClick={() => form.removeRange(day, i)}
                      aria-label={format(t.removeHours, { day: name, n: i + 1 })}
                    >
                      ×
                    </button>
                    <FieldError id={errorId} message={opens ?? closes} />
                  </div>
                )
              })}
              {ranges.length > 0 && ranges.length < 4 && (
                <button
                  type="button"
                  className="sb-button sb-button--small sb-button--quiet"
                  onClick={() => form.addRange(day)}
                  aria-label={format(t.addHoursFor, { day: name })}
                >
                  {t.addHours}
                </button>
              )}
            </div>
          </fieldset>
        )
      })}
    </fieldset>
  )
}

function Holidays({ form, id }: { form: AfterHoursSettingsState; id: string }) {
  const t = useSettingsStrings()
  const holidays = form.draft?.businessHours.holidays ?? []
  return (
    <fieldset className="sb-form__group sb-holidays">
      <legend className="sb-field__label">{t.holidays}</legend>
      <p className="sb-field__hint">{t.holidaysHint}</p>
      {holidays.length === 0 && <p className="sb-settings__empty">{t.noHolidays}</p>}
      <ul className="sb-holidays__list">
        {holidays.map((holiday, i) => {
          const error = form.errors[`businessHours.holidays.${i}.date`]
          const errorId = `${id}-holiday-${i}-error`
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a holiday being typed has no identity yet
            <li key={i} className="sb-holidays__item">
              <input
                type="date"
                className="sb-input sb-input--date"
                aria-label={format(t.holidayDate, { n: i + 1 })}
                value={holiday.date}
                onChange={(e) => form.setHoliday(i, { date: e.target.value })}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
              />
              <input
                className="sb-input"
                aria-label={format(t.holidayName, { n: i + 1 })}
                placeholder={t.holidayNamePlaceholder}
                value={holiday.name}
                maxLength={60}
                onChange={(e) => form.setHoliday(i, { name: e.target.value })}
              />
              <button
                type="button"
                className="sb-button sb-button--small sb-button--quiet"
                onClick={() => form.removeHoliday(i)}
                aria-label={format(t.removeHoliday, { name: holiday.name || holiday.date })}
              >
                ×
              </button>
              <FieldError id={errorId} message={error} />
            </li>
          )
        })}
      </ul>
      <button type="button" className="sb-button sb-button--small" onClick={form.addHoliday}>
        {t.addHoliday}
      </button>
    </fieldset>
  )
}

function Preview({ form, id }: { form: AfterHoursSettingsState; id: string }) {
  const t = useSettingsStrings()
  const locale = useLocale()
  const p = form.preview
  const timezone = form.draft?.businessHours.timezone
  const when = (at: Date) =>
    new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: timezone,
    }).format(at)
  return (
    <div className="sb-preview">
      <div className="sb-field">
        <label className="sb-field__label" htmlFor={`${id}-preview`}>
          {t.previewAt}
        </label>
        <input
          id={`${id}-preview`}
          type="datetime-local"
          className="sb-input"
          value={form.previewAt}
          onChange={(e) => form.setPreviewAt(e.target.value)}
          aria-describedby={`${id}-preview-hint`}
        />
        <p id={`${id}-preview-hint`} className="sb-field__hint">
          {format(t.previewHint, { timezone: timezone ?? '' })}
        </p>
      </div>
      <output className="sb-preview__result" htmlFor={`${id}-preview`} aria-live="polite">
        {!p ? null : p.open ? (
          <p>{t.previewOpen}</p>
        ) : (
          <>
            <p className="sb-preview__state">
              {p.holiday ? format(t.previewHoliday, { name: p.holiday.name || p.holiday.date }) : t.previewClosed}
              {p.opensAt ? ` ${format(t.previewOpensAt, { when: when(p.opensAt) })}` : ''}
            </p>
            {p.autoReply ? (
              <>
                <p className="sb-preview__label">{t.previewReceives}</p>
                <p className="sb-preview__bubble">{p.autoReply}</p>
              </>
            ) : (
              <p>{t.previewNoReply}</p>
            )}
            <p className="sb-preview__alert">
              {p.alertTo.length ? format(t.previewAlert, { to: p.alertTo.join(', ') }) : t.previewNoAlert}
            </p>
          </>
        )}
      </output>
    </div>
  )
}

/**
 * The after-hours auto-responder (`messaging.settings`): on or off, its text with the SMS
 * counter, business hours per weekday (several openings a day), holidays, the clinic's time zone,
 * and a preview of what a client texting at a chosen moment would receive. Markup over
 * {@link useAfterHoursSettings}.
 */
export const AfterHoursSettings = forwardRef<HTMLElement, AfterHoursSettingsProps>(function AfterHoursSettings(
  { now, ...rest },
  ref,
) {
  const t = useSettingsStrings()
  const id = useId()
  const form = useAfterHoursSettings(now ? { now } : {})
  const draft = form.draft
  const textError = form.errors['autoReply.text']
  const zoneError = form.errors['businessHours.timezone']
  return (
    <SettingsForm ref={ref} {...rest} form={form} title={t.afterHoursTitle} description={t.afterHoursBody}>
      {draft && (
        <>
          <label className="sb-switch">
            <input
              type="checkbox"
              role="switch"
              aria-checked={draft.autoReply.enabled}
              checked={draft.autoReply.enabled}
              onChange={(e) => form.setAutoReply({ enabled: e.target.checked })}
            />
            {t.autoReplyOn}
          </label>
          <div className="sb-field" data-invalid={textError ? '' : undefined}>
            <label className="sb-field__label" htmlFor={`${id}-text`}>
              {t.autoReplyText}
            </label>
            <textarea
              id={`${id}-text`}
              className="sb-input sb-textarea"
              rows={3}
              value={draft.autoReply.text}
              onChange={(e) => form.setAutoReply({ text: e.target.value })}
              aria-invalid={textError ? true : undefined}
              aria-describedby={`${id}-count${textError ? ` ${id}-text-error` : ''}`}
            />
            <SegmentCounter id={`${id}-count`} segments={countSegments(draft.autoReply.text)} />
            <FieldError id={`${id}-text-error`} message={textError} />
          </div>
          <div className="sb-field" data-invalid={zoneError ? '' : undefined}>
            <label className="sb-field__label" htmlFor={`${id}-zone`}>
              {t.timezone}
            </label>
            <select
              id={`${id}-zone`}
              className="sb-select"
              value={draft.businessHours.timezone}
              onChange={(e) => form.setTimezone(e.target.value)}
              aria-invalid={zoneError ? true : undefined}
              aria-describedby={zoneError ? `${id}-zone-error` : undefined}
            >
              <TimeZoneOptions current={draft.businessHours.timezone} />
            </select>
            <FieldError id={`${id}-zone-error`} message={zoneError} />
          </div>
          <WeekHours form={form} id={id} />
          <Holidays form={form} id={id} />
          <Preview form={form} id={id} />
        </>
      )}
    </SettingsForm>
  )
})

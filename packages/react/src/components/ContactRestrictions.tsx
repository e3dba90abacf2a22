'use client'
import { formatPhone } from '@switchboard/core'
import { type ComponentPropsWithoutRef, forwardRef, useId } from 'react'
import { useLocale } from '../context'
import { useContactRestrictions } from '../hooks/useContactRestrictions'
import { useMe } from '../hooks/useServerData'
import { useSettingsStrings } from '../hooks/useSettingsStrings'
import { format } from '../strings'
import { QueryState } from './QueryState'
import { SettingsSection } from './SettingsSection'

/**
 * Who the clinic may not text: opted-out numbers with when and how, and the only way back (the
 * contact texting START), and blocked numbers with Unblock for staff who may (`messaging.block`).
 * Markup over {@link useContactRestrictions}.
 */
export const ContactRestrictions = forwardRef<HTMLElement, Omit<ComponentPropsWithoutRef<'section'>, 'title'>>(
  function ContactRestrictions(props, ref) {
    const t = useSettingsStrings()
    const locale = useLocale()
    const lists = useContactRestrictions()
    const id = useId()
    const { data: me } = useMe()
    const country = me?.clinic.country ?? 'US'
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })
    return (
      <SettingsSection
        ref={ref}
        {...props}
        title={t.restrictionsTitle}
        description={t.restrictionsBody}
        allowed
        denied=""
      >
        {lists.error && (
          <p className="sb-dialog__error" role="alert">
            {lists.error}
          </p>
        )}
        <section className="sb-settings__group" aria-labelledby={`${id}-out`}>
          <h3 id={`${id}-out`} className="sb-settings__subtitle">
            {t.optedOutTitle}
          </h3>
          <QueryState className="sb-settings__state" query={lists.optedOut} loading={t.loadingSettings} />
          {lists.optedOut.data?.length === 0 && <p className="sb-settings__empty">{t.noOptedOut}</p>}
          <ul className="sb-settings__list">
            {lists.optedOut.data?.map((contact) => {
              const out = contact.optedOut
              if (!out) return null
              const how =
                out.via === 'keyword'
                  ? format(t.optedOutByKeyword, { keyword: out.keyword ?? 'STOP' })
                  : out.via === 'carrier'
                    ? t.optedOutByCarrier
                    : t.optedOutByStaff
              return (
                <li key={contact.phone} className="sb-settings__item">
                  <div className="sb-settings__item-text">
                    <p className="sb-settings__item-title">{formatPhone(contact.phone, country)}</p>
                    <p className="sb-settings__item-detail">
                      {format(t.optedOutWhenHow, { date: day.format(new Date(out.at)), how })}
                    </p>
                    <p className="sb-settings__item-detail">{t.optOutWayBack}</p>
                  </div>
                </li>
              )
            })}
          </ul>
        </section>
        <section className="sb-settings__group" aria-labelledby={`${id}-blocked`}>
          <h3 id={`${id}-blocked`} className="sb-settings__subtitle">
            {t.blockedTitle}
          </h3>
          <QueryState className="sb-settings__state" query={lists.blocked} loading={t.loadingSettings} />
          {lists.blocked.data?.length === 0 && <p className="sb-settings__empty">{t.noBlocked}</p>}
          <ul className="sb-settings__list">
            {lists.blocked.data?.map((contact) => {
              const phone = formatPhone(contact.phone, country)
              return (
                <li key={contact.phone} className="sb-settings__item">
                  <div className="sb-settings__item-text">
                    <p className="sb-settings__item-title">{phone}</p>
                    <p className="sb-settings__item-detail">{t.blockedExplained}</p>
                  </div>
                  {lists.canUnblock && (
                    <div className="sb-settings__item-actions">
                      <button
                        type="button"
                        className="sb-button sb-button--small"
                        onClick={() => void lists.unblock(contact.phone)}
                        aria-label={format(t.unblockNumber, { phone })}
                      >
                        {t.unblockShort}
                      </button>
                    </div>
                  )}
                </li>
              )
            })}
          </ul>
        </section>
      </SettingsSection>
    )
  },
)

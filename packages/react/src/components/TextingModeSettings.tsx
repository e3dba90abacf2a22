'use client'
import { formatPhone } from '@switchboard/core'
import { type ComponentPropsWithoutRef, forwardRef } from 'react'
import { useMe } from '../hooks/useServerData'
import { useSettingsStrings } from '../hooks/useSettingsStrings'
import { format } from '../strings'
import { SettingsSection } from './SettingsSection'

/**
 * The clinic's texting mode, shown with what it means for staff: two-way (clients reply and
 * staff answer here) or one-way (reminders go out; replies cannot be sent from the inbox). Set
 * up with the SMS provider, so read-only here. Visible to everyone with the messaging permission.
 */
export const TextingModeSettings = forwardRef<HTMLElement, Omit<ComponentPropsWithoutRef<'section'>, 'title'>>(
  function TextingModeSettings(props, ref) {
    const t = useSettingsStrings()
    const me = useMe()
    const clinic = me.data?.clinic
    return (
      <SettingsSection ref={ref} {...props} title={t.textingModeTitle} allowed denied="" query={me}>
        {clinic && (
          <dl className="sb-settings__facts">
            <dt>{t.textingNumber}</dt>
            <dd>{formatPhone(clinic.smsNumber, clinic.country)}</dd>
            <dt>{t.textingMode}</dt>
            <dd>
              <strong>{clinic.mode === 'two-way' ? t.modeTwoWay : t.modeOneWay}</strong>
              <p className="sb-settings__description">
                {clinic.mode === 'two-way' ? t.modeTwoWayBody : format(t.modeOneWayBody, {})}
              </p>
            </dd>
          </dl>
        )}
      </SettingsSection>
    )
  },
)

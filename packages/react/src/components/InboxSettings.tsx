'use client'
import { type ComponentPropsWithoutRef, forwardRef } from 'react'
import { usePartClassName } from '../context'
import { AfterHoursSettings } from './AfterHoursSettings'
import { AlertSettings } from './AlertSettings'
import { ContactRestrictions } from './ContactRestrictions'
import { cx } from './cx'
import { DocumentLibrarySettings } from './DocumentLibrarySettings'
import { InboxesSettings } from './InboxesSettings'
import { TemplateSettings } from './TemplateSettings'
import { TextingModeSettings } from './TextingModeSettings'

/** The parts of {@link InboxSettings}, each also a component of its own. */
export type InboxSettingsPart =
  | 'afterHours'
  | 'alerts'
  | 'textingMode'
  | 'templates'
  | 'library'
  | 'restrictions'
  | 'inboxes'

const ALL_PARTS: readonly InboxSettingsPart[] = [
  'textingMode',
  'afterHours',
  'alerts',
  'templates',
  'library',
  'restrictions',
  'inboxes',
]

/** Props of {@link InboxSettings}. */
export interface InboxSettingsProps extends ComponentPropsWithoutRef<'div'> {
  /** The parts to show, in this order; all by default. */
  parts?: readonly InboxSettingsPart[]
  /** The clock of the after-hours preview; the real one by default. */
  now?: () => Date
}

/**
 * The SMS add-on's settings page for a clinic manager: texting mode, after-hours auto-reply and
 * hours, the alert e-mail, templates, the document library, opted-out and blocked numbers, and
 * inboxes. Each part says so when the user lacks its permission (`messaging.settings`,
 * `messaging.manageInboxes`); each is also exported alone (`AfterHoursSettings`, …) for a host
 * that lays its settings out itself.
 */
export const InboxSettings = forwardRef<HTMLDivElement, InboxSettingsProps>(function InboxSettings(
  { parts = ALL_PARTS, now, className, ...rest },
  ref,
) {
  const partClass = usePartClassName('settings', className)
  return (
    <div ref={ref} {...rest} className={cx('sb-settings', partClass)}>
      {parts.map((part) => {
        switch (part) {
          case 'afterHours':
            return <AfterHoursSettings key={part} {...(now ? { now } : {})} />
          case 'alerts':
            return <AlertSettings key={part} />
          case 'textingMode':
            return <TextingModeSettings key={part} />
          case 'templates':
            return <TemplateSettings key={part} />
          case 'library':
            return <DocumentLibrarySettings key={part} />
          case 'restrictions':
            return <ContactRestrictions key={part} />
          case 'inboxes':
            return <InboxesSettings key={part} />
          default:
            return null
        }
      })}
    </div>
  )
})

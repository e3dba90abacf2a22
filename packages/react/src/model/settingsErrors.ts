import { businessHoursProblems, type Settings } from '@switchboard/protocol'
import type { Strings } from '../strings'
import { format } from '../strings'
import { fieldErrors } from './fieldErrors'

type Issue = Parameters<typeof fieldErrors>[0][number]

/**
 * The first problem of each settings field in staff's words, by path, from the protocol's schema
 * (the one home of valid settings): business hours by their problem's code, the auto-reply and
 * alert rules by their field, the rest as any form's.
 */
export function settingsErrors(issues: readonly Issue[], settings: Settings, t: Strings): Record<string, string> {
  const errors = fieldErrors(
    issues.filter((i) => i.code !== 'custom'),
    t,
  )
  for (const problem of businessHoursProblems(settings.businessHours)) {
    const key = `businessHours.${problem.path}`
    errors[key] ??= {
      'unknown-time-zone': t.timezoneUnknown,
      'closes-before-opening': t.hoursCloseBeforeOpen,
      'overlaps-previous': t.hoursOverlap,
      'not-a-date': t.holidayNotADate,
      'holiday-twice': t.holidayTwice,
    }[problem.code]
  }
  for (const issue of issues) {
    if (issue.code !== 'custom') continue
    const key = issue.path.map(String).join('.')
    if (key === 'autoReply.text') errors[key] ??= t.autoReplyRequired
    else if (key === 'afterHoursAlert.recipients')
      errors[key] ??= settings.afterHoursAlert.recipients.length ? t.recipientTwice : t.recipientsRequired
    else if (key === 'optOutFooter') errors[key] ??= t.footerNeedsStop
    else if (!key.startsWith('businessHours')) errors[key] ??= format(t.fieldInvalid, {})
  }
  return errors
}

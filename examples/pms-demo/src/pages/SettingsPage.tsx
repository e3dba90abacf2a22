import { InboxTheme } from '@switchboard/react'
import { InboxSettings } from '@switchboard/react/settings'

/** Settings → Text messaging: every part of the SMS add-on's settings, each behind its permission. */
export function SettingsPage() {
  return (
    <InboxTheme theme="hearth" className="pms-embedded">
      <InboxSettings />
    </InboxTheme>
  )
}

import { InboxTheme } from '@switchboard/react'
import { SmsMetrics } from '@switchboard/react/settings'

/** Reports → SMS: texts sent, delivered, failed and answered over a period, with a CSV export. */
export function Reports() {
  return (
    <InboxTheme theme="hearth" className="pms-embedded">
      <SmsMetrics />
    </InboxTheme>
  )
}

'use client'
import {
  type AfterHoursPreview,
  afterHoursPreview,
  type BusinessHours,
  type Holiday,
  localTime,
  minuteOfDay,
  type TimeRange,
  zonedInstant,
} from '@switchboard/protocol'
import { useState } from 'react'
import { type SettingsDraft, useSettingsDraft } from './useSettingsDraft'

type Part = 'autoReply' | 'businessHours'

/** What {@link useAfterHoursSettings} hands out. */
export interface AfterHoursSettingsState extends Omit<SettingsDraft<Part>, 'update'> {
  setAutoReply(change: { enabled?: boolean; text?: string }): void
  setTimezone(timezone: string): void
  /** Opens (with 9–5) or closes a weekday (0 is Sunday). */
  setDayOpen(day: number, open: boolean): void
  addRange(day: number): void
  removeRange(day: number, index: number): void
  setRange(day: number, index: number, change: Partial<TimeRange>): void
  addHoliday(): void
  removeHoliday(index: number): void
  setHoliday(index: number, change: Partial<Holiday>): void
  /** The moment previewed, as the clinic's wall clock: `YYYY-MM-DDTHH:MM`. */
  previewAt: string
  setPreviewAt(local: string): void
  /** What a client texting at `previewAt` receives with the settings as drafted (null while loading or for an unreadable time). */
  preview: AfterHoursPreview | null
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A moment as the wall clock of `timezone` reads it, for a `datetime-local` input. */
export function wallClock(at: Date, timezone: string): string {
  const l = localTime(at, timezone)
  return `${l.year}-${pad(l.month)}-${pad(l.day)}T${pad(Math.floor(l.minute / 60))}:${pad(l.minute % 60)}`
}

/** The instant a `YYYY-MM-DDTHH:MM` wall-clock reading means in `timezone` (null when unreadable). */
export function fromWallClock(local: string, timezone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(local)
  if (!match) return null
  const [, y, m, d, hhmm] = match
  return zonedInstant(timezone, Number(y), Number(m), Number(d), minuteOfDay(hhmm as string))
}

/**
 * The after-hours auto-responder as a form (`messaging.settings`): on or off, its text, business
 * hours per weekday (several openings a day, closed days), holidays and the clinic's time zone,
 * with a preview of what a client texting at a chosen moment would receive, by the service's own
 * rules, before anything is saved. The preview names the alert e-mail's recipients as saved
 * (edited by `useAlertSettings`).
 */
export function useAfterHoursSettings(options: { now?: () => Date } = {}): AfterHoursSettingsState {
  const settings = useSettingsDraft<Part>(['autoReply', 'businessHours'])
  const { update, draft } = settings
  const timezone = draft?.businessHours.timezone ?? 'UTC'
  const [previewAt, setPreviewAt] = useState<string | null>(null)
  const now = options.now ?? (() => new Date())
  const shownAt = previewAt ?? wallClock(now(), timezone)
  const hours = (change: (h: BusinessHours) => BusinessHours) =>
    update((d) => ({ ...d, businessHours: change(d.businessHours) }))
  const day = (index: number, change: (ranges: TimeRange[]) => TimeRange[]) =>
    hours((h) => ({ ...h, weekly: h.weekly.map((ranges, i) => (i === index ? change(ranges) : ranges)) }))
  const holidays = (change: (list: Holiday[]) => Holiday[]) => hours((h) => ({ ...h, holidays: change(h.holidays) }))
  const at = fromWallClock(shownAt, timezone)
  return {
    ...settings,
    setAutoReply: (change) => update((d) => ({ ...d, autoReply: { ...d.autoReply, ...change } })),
    setTimezone: (tz) => hours((h) => ({ ...h, timezone: tz })),
    setDayOpen: (index, open) => day(index, () => (open ? [{ open: '09:00', close: '17:00' }] : [])),
    addRange: (index) =>
      day(index, (ranges) => {
        const last = ranges.at(-1)
        const start = last ? Math.min(minuteOfDay(last.close) + 60, 23 * 60) : 9 * 60
        const end = Math.min(start + 4 * 60, 24 * 60)
        const hhmm = (m: number) => (m >= 1440 ? '24:00' : `${pad(Math.floor(m / 60))}:${pad(m % 60)}`)
        return [...ranges, { open: hhmm(start), close: hhmm(end) }]
      }),
    removeRange: (index, r) => day(index, (ranges) => ranges.filter((_, i) => i !== r)),
    setRange: (index, r, change) => day(index, (ranges) => ranges.map((x, i) => (i === r ? { ...x, ...change } : x))),
    addHoliday: () => {
      const today = wallClock(now(), timezone).slice(0, 10)
      holidays((list) => [...list, { date: today, name: '' }])
    },
    removeHoliday: (index) => holidays((list) => list.filter((_, i) => i !== index)),
    setHoliday: (index, change) => holidays((list) => list.map((x, i) => (i === index ? { ...x, ...change } : x))),
    previewAt: shownAt,
    setPreviewAt,
    preview:
      draft && settings.saved && at && !Number.isNaN(at.getTime())
        ? afterHoursPreview({ ...draft, afterHoursAlert: settings.saved.afterHoursAlert }, at)
        : null,
  }
}

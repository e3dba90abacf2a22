import { inboxStrings } from './inboxStrings'
import type { settingsStrings } from './settingsStrings'

/**
 * The inbox's strings in English (lists, threads, the composer, menus, dialogs). Override any
 * string through `InboxProvider`. The settings and metrics strings ship with those components, in
 * `@switchboard/react/settings` (`settingsStrings`), so the inbox does not carry them.
 */
export const defaultStrings = inboxStrings

/** The strings said with a count: a dictionary may give each a form per plural category. */
export type PluralKey = 'unreadTexts' | 'unreadConversations' | 'unreadCount' | 'charactersLeft' | 'chartTitle'

/**
 * Every string of the components, by key. Counted strings (`PluralKey`) may also have a form for
 * each CLDR plural category of the language, e.g. `unreadTexts_few` and `unreadTexts_many` in
 * Polish or Russian, `unreadTexts_two` in Arabic; the key without a suffix is the fallback.
 */
export type Strings = InboxStrings & typeof settingsStrings
export type StringKey = keyof Strings
/** The strings of the inbox's components (`Strings` without the settings and metrics ones). */
export type InboxStrings = typeof inboxStrings & PluralForms
type PluralForms = Partial<Record<`${PluralKey}_${Intl.LDMLPluralRule}`, string>>

/**
 * The string for a count in the locale's plural form: `key_<category>` for the category
 * `Intl.PluralRules` gives (zero, one, two, few, many, other) when the dictionary has it, else
 * `key`; `{count}` filled with the count formatted for the locale.
 *
 * @example
 * plural(t, 'unreadTexts', 1, 'en') // '1 unread text'
 * plural({ ...t, unreadTexts: '{count} nieprzeczytanych', unreadTexts_few: '{count} nieprzeczytane' }, 'unreadTexts', 3, 'pl')
 * // '3 nieprzeczytane'
 */
export function plural(
  t: PluralForms & Partial<Record<PluralKey, string>>,
  key: PluralKey,
  count: number,
  locale?: string,
): string {
  const { rules, numbers } = intlFor(locale)
  const form = t[`${key}_${rules.select(count)}`] ?? t[key] ?? key
  return format(form, { count: numbers.format(count) })
}

/** Plural rules and number format per locale, made once (every row's count asks for them). */
const intl = new Map<string | undefined, { rules: Intl.PluralRules; numbers: Intl.NumberFormat }>()
function intlFor(locale: string | undefined) {
  let found = intl.get(locale)
  if (!found) {
    found = { rules: new Intl.PluralRules(locale), numbers: new Intl.NumberFormat(locale) }
    intl.set(locale, found)
  }
  return found
}

/** Fills `{placeholders}` of a string. */
export function format(text: string, values: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole))
}

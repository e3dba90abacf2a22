import type { Client, Clinic, Money, Patient } from './entities'

/** Values for `{{variables}}`, nested by dots: `{ client: { firstName: 'Ana' } }` fills `{{client.firstName}}`. */
export type TemplateContext = { [key: string]: string | number | null | undefined | TemplateContext }

/** The text with variables filled, and what could not be filled. */
export interface RenderedTemplate {
  text: string
  /** Variables the context does not know; left in the text as written. */
  unknown: string[]
  /** Variables the context knows but has no value for; removed from the text. */
  empty: string[]
}

const VARIABLE = /\{\{\s*([\w.]+)\s*\}\}/g

/** The variables a template uses, each once. */
export function templateVariables(body: string): string[] {
  return [...new Set([...body.matchAll(VARIABLE)].map((m) => m[1] as string))]
}

function lookup(context: TemplateContext, path: string): { known: boolean; value: unknown } {
  let value: unknown = context
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part))
      return { known: false, value: undefined }
    value = (value as Record<string, unknown>)[part]
  }
  return { known: true, value }
}

/**
 * Fills a template's `{{variables}}` from a context and reports the unknown and empty ones, so
 * the composer can flag them before anything is sent.
 *
 * @example
 * renderTemplate('Hi {{client.firstName}}, {{patient.name}} is ready', { client: { firstName: 'Ana' } })
 * // { text: 'Hi Ana, {{patient.name}} is ready', unknown: ['patient.name'], empty: [] }
 */
export function renderTemplate(body: string, context: TemplateContext): RenderedTemplate {
  const unknown = new Set<string>()
  const empty = new Set<string>()
  const text = body.replace(VARIABLE, (whole, path: string) => {
    const { known, value } = lookup(context, path)
    if (!known || (typeof value === 'object' && value !== null)) {
      unknown.add(path)
      return whole
    }
    if (value === null || value === undefined || String(value).trim() === '') {
      empty.add(path)
      return ''
    }
    return String(value)
  })
  return { text, unknown: [...unknown], empty: [...empty] }
}

/** A money amount for people, in the clinic's locale. */
export function formatMoney(money: Money, locale = 'en-US'): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency })
  // The currency's own minor unit: 2 for USD, 0 for JPY, 3 for KWD.
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2
  return format.format(money.amountMinor / 10 ** digits)
}

/**
 * The standard context of the clinic's templates: `client.*`, `patient.*` (the first patient
 * unless one is given) and `clinic.*`. Add appointment or payment fields the host knows.
 */
export function templateContext(input: {
  client?: Pick<Client, 'firstName' | 'lastName' | 'balance' | 'email'> | null
  patient?: Pick<Patient, 'name' | 'species'> | null
  clinic?: Pick<Clinic, 'name' | 'smsNumber'> & { phone?: string }
  extra?: TemplateContext
}): TemplateContext {
  const { client, patient, clinic } = input
  return {
    client: client
      ? {
          firstName: client.firstName,
          lastName: client.lastName,
          email: client.email,
          balance: formatMoney(client.balance),
        }
      : {},
    patient: patient ? { name: patient.name, species: patient.species } : {},
    clinic: clinic ? { name: clinic.name, phone: clinic.phone ?? clinic.smsNumber } : {},
    ...input.extra,
  }
}

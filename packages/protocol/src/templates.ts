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

/**
 * The variables a clinic's templates may use, with an example value: the client, their first
 * patient and the clinic (filled by the composer from the conversation), and the appointment and
 * payment link a PMS passes through `templateContext`'s `extra`.
 */
export const TEMPLATE_VARIABLES = [
  { name: 'client.firstName', example: 'Maya' },
  { name: 'client.lastName', example: 'Okafor' },
  { name: 'client.email', example: 'maya@example.com' },
  { name: 'client.balance', example: '$42.50' },
  { name: 'patient.name', example: 'Biscuit' },
  { name: 'patient.species', example: 'Dog' },
  { name: 'clinic.name', example: 'Maple Grove Veterinary' },
  { name: 'clinic.phone', example: '(415) 555-0100' },
  { name: 'appointment.date', example: 'Tue, Dec 8' },
  { name: 'appointment.time', example: '10:30 am' },
  { name: 'payment.link', example: 'https://pay.example.com/abc' },
] as const

/** The name of one of {@link TEMPLATE_VARIABLES}. */
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number]['name']

const KNOWN_VARIABLES: ReadonlySet<string> = new Set(TEMPLATE_VARIABLES.map((v) => v.name))

/**
 * What would keep a template from filling in: variables not in {@link TEMPLATE_VARIABLES}, and
 * braces that open a variable but do not close it (`{{client.firstName}` or `{{ }}`).
 *
 * @example
 * templateProblems('Hi {{client.first}}, see you {{appointment.date}') // { unknown: ['client.first'], malformed: true }
 */
export function templateProblems(body: string): { unknown: string[]; malformed: boolean } {
  const unknown = templateVariables(body).filter((name) => !KNOWN_VARIABLES.has(name))
  const rest = body.replace(VARIABLE, '')
  return { unknown, malformed: rest.includes('{{') || rest.includes('}}') }
}

/** A template filled with each variable's example value, for a preview. */
export function templateExample(body: string): string {
  const context: TemplateContext = {}
  for (const { name, example } of TEMPLATE_VARIABLES) {
    const [group, key] = name.split('.') as [string, string]
    context[group] = { ...(context[group] as TemplateContext | undefined), [key]: example }
  }
  return renderTemplate(body, context).text
}

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

import type { InboxStrings } from '../strings'
import { format } from '../strings'

/** What a schema says about one field, as zod reports it. */
interface Issue {
  code: string
  path: ReadonlyArray<PropertyKey>
  maximum?: unknown
  format?: string
}

/**
 * The first problem of each field, in staff's words, from a protocol schema's issues (the one
 * home of what a valid value is): keyed by the field's path joined with dots (`patients.0.name`).
 *
 * @example
 * fieldErrors(newClientSchema.safeParse(form).error?.issues ?? [], t)
 * // { firstName: 'Enter a first name.', email: 'Enter an e-mail address like name@example.com.' }
 */
export function fieldErrors(issues: readonly Issue[], t: InboxStrings): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const issue of issues) {
    const key = issue.path.map(String).join('.')
    if (key in errors) continue
    errors[key] =
      issue.code === 'too_small'
        ? t.fieldRequired
        : issue.code === 'too_big'
          ? format(t.fieldTooLong, { max: Number(issue.maximum) })
          : issue.code === 'invalid_format' && issue.format === 'email'
            ? t.fieldEmail
            : t.fieldOneLine
  }
  return errors
}

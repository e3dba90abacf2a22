import type * as z from 'zod/mini'
import { SwitchboardError } from './errors'

/** One problem found in an input, by path. */
export interface ValidationIssue {
  path: string
  message: string
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`
    case 'too_small':
      return issue.origin === 'string'
        ? `must be at least ${issue.minimum} characters`
        : `must be at least ${issue.minimum}`
    case 'too_big':
      return issue.origin === 'string'
        ? `must be at most ${issue.maximum} characters`
        : `must be at most ${issue.maximum}`
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
    case 'invalid_format':
      return `must be a valid ${issue.format}`
    case 'unrecognized_keys':
      return `unknown field(s) ${issue.keys.join(', ')}`
    case 'invalid_union':
      return 'does not match any allowed shape'
    default:
      return issue.message || 'is invalid'
  }
}

/** Turns schema issues into readable `{ path, message }` pairs. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): ValidationIssue[] {
  return issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join('.') : '(root)',
    message: describe(issue),
  }))
}

/**
 * Parses `input` with `schema` or throws a `validation_failed` {@link SwitchboardError} whose
 * message names each field and what is wrong with it.
 *
 * @example
 * const body = parseOrThrow(sendMessageRequestSchema, await request.json(), 'message')
 */
export function parseOrThrow<S extends z.ZodMiniType>(schema: S, input: unknown, what = 'request'): z.infer<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data as z.infer<S>
  const issues = describeIssues(result.error.issues)
  const summary = issues
    .slice(0, 5)
    .map((i) => `${i.path} ${i.message}`)
    .join('; ')
  throw new SwitchboardError('validation_failed', `Invalid ${what}: ${summary}`, { issues })
}

'use client'
import {
  countSegments,
  type SegmentInfo,
  type Template,
  type TemplateVariable,
  templateExample,
  templateProblems,
  templateRequestSchema,
} from '@switchboard/protocol'
import { useState } from 'react'
import { useInboxClient } from '../context'
import { fieldErrors } from '../model/fieldErrors'
import { format } from '../strings'
import { useSettingsStrings } from './useSettingsStrings'
import { useSubmission } from './useSubmission'

type Values = Pick<Template, 'name' | 'category' | 'body'>

/** What {@link useTemplateForm} hands out. */
export interface TemplateFormState {
  values: Values
  setValue(field: keyof Values, value: string): void
  /** Each field's problem in staff's words; the body's unknown or unclosed variables as they are typed. */
  errors: Partial<Record<keyof Values, string>>
  /**
   * Puts `{{variable}}` into the body at `at` (the caret; the end by default) and answers where the
   * caret goes after it.
   */
  insertVariable(variable: TemplateVariable, at?: { start: number; end: number }): number
  /** The body filled with example values. */
  preview: string
  /** What the example costs in SMS. */
  segments: SegmentInfo
  saving: boolean
  /** The server's refusal, as staff read it. */
  error: string | null
  /** Saves (adds, or edits `template`); true when saved. */
  save(): Promise<boolean>
}

/**
 * A template being written or edited (`messaging.settings`): name, category and body, checked by
 * the protocol's own rules (variables only from `TEMPLATE_VARIABLES`, each closed) with the
 * problem under each field, variables inserted at the caret, and a preview with example values.
 */
export function useTemplateForm(template?: Template): TemplateFormState {
  const t = useSettingsStrings()
  const client = useInboxClient()
  const [values, setValues] = useState<Values>({
    name: template?.name ?? '',
    category: template?.category ?? '',
    body: template?.body ?? '',
  })
  const [tried, setTried] = useState(false)
  const submission = useSubmission()
  const result = templateRequestSchema.safeParse(values)
  const errors: Partial<Record<keyof Values, string>> =
    tried && !result.success
      ? (fieldErrors(
          result.error.issues.filter((i) => i.code !== 'custom'),
          t,
        ) as Partial<Record<keyof Values, string>>)
      : {}
  // Variables are checked as they are typed: a misspelt one is caught before it is saved.
  const problems = templateProblems(values.body)
  if (problems.unknown.length) {
    errors.body = format(t.templateUnknownVariables, { list: problems.unknown.map((v) => `{{${v}}}`).join(', ') })
  } else if (problems.malformed) {
    errors.body = t.templateUnclosedVariable
  }
  const preview = templateExample(values.body)
  return {
    values,
    setValue: (field, value) => setValues((v) => ({ ...v, [field]: value })),
    errors,
    insertVariable: (variable, at) => {
      const token = `{{${variable}}}`
      const start = at?.start ?? values.body.length
      const end = at?.end ?? start
      setValues((v) => ({ ...v, body: `${v.body.slice(0, start)}${token}${v.body.slice(end)}` }))
      return start + token.length
    },
    preview,
    segments: countSegments(preview),
    saving: submission.pending,
    error: submission.error,
    save: async () => {
      setTried(true)
      if (!result.success) return false
      const saved = await submission.run(() =>
        template ? client.actions.updateTemplate(template.id, result.data) : client.actions.createTemplate(result.data),
      )
      return saved !== null
    },
  }
}

'use client'
import type { Template } from '@switchboard/protocol'
import { useQuery } from '@tanstack/react-query'
import { useInboxClient } from '../context'
import { type QueryValue, queryValue } from './queryState'
import { usePermission } from './useServerData'
import { useSubmission } from './useSubmission'

/** What {@link useTemplateSettings} hands out. */
export interface TemplateSettingsState extends QueryValue<Template[]> {
  /** The templates by category (categories and templates by name, in the locale's order). */
  groups: Array<{ category: string; templates: Template[] }>
  /** The categories in use, for the form's suggestions. */
  categories: string[]
  canEdit: boolean
  /** Deletes a template; false with `error` set when refused. */
  remove(template: Template): Promise<boolean>
  /** Why the last delete was refused. */
  actionError: string | null
}

/** The clinic's message templates for a settings page: grouped by category, deleted with confirmation. */
export function useTemplateSettings(locale?: string): TemplateSettingsState {
  const client = useInboxClient()
  const canEdit = usePermission('messaging.settings')
  const query = queryValue<Template[]>(useQuery(client.queries.templates(), client.queryClient))
  const submission = useSubmission()
  const collator = new Intl.Collator(locale)
  const byCategory = new Map<string, Template[]>()
  for (const template of query.data ?? []) {
    byCategory.set(template.category, [...(byCategory.get(template.category) ?? []), template])
  }
  const categories = [...byCategory.keys()].sort(collator.compare)
  return {
    ...query,
    groups: categories.map((category) => ({
      category,
      templates: (byCategory.get(category) ?? []).sort((a, b) => collator.compare(a.name, b.name)),
    })),
    categories,
    canEdit,
    remove: async (template) => (await submission.run(() => client.actions.deleteTemplate(template.id))) !== null,
    actionError: submission.error,
  }
}

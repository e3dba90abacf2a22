'use client'
import * as VisuallyHidden from '@radix-ui/react-visually-hidden'
import { type ComponentPropsWithoutRef, forwardRef, useId } from 'react'
import { usePartClassName, useStrings } from '../context'
import { useConversationFilters } from '../hooks/useConversationFilters'
import { cx } from './cx'

/** Props of {@link ConversationFilters}: any attribute of its root `<search>` element. */
export type ConversationFiltersProps = ComponentPropsWithoutRef<'search'>

/**
 * Search and the four filters of the list: status, contact type, assignment, inbox. Markup over
 * {@link useConversationFilters}, which a vendor can use alone.
 */
export const ConversationFilters = forwardRef<HTMLElement, ConversationFiltersProps>(function ConversationFilters(
  { className, ...rest },
  ref,
) {
  const partClass = usePartClassName('filters', className)
  const t = useStrings()
  const { filter, search, setSearch, setFilter, choices } = useConversationFilters()
  const id = useId()
  return (
    <search ref={ref} {...rest} className={cx('sb-filters', partClass)}>
      <label className="sb-filters__search" htmlFor={`${id}-q`}>
        <VisuallyHidden.Root>{t.search}</VisuallyHidden.Root>
        <input
          id={`${id}-q`}
          className="sb-input"
          type="search"
          placeholder={t.search}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </label>
      <div className="sb-filters__row">
        {choices.map(({ key, label, options }) => (
          <label key={key} className="sb-filters__field" htmlFor={`${id}-${key}`}>
            <VisuallyHidden.Root>{label}</VisuallyHidden.Root>
            <select
              id={`${id}-${key}`}
              className="sb-select"
              value={filter[key]}
              onChange={(e) => setFilter({ [key]: e.target.value })}
            >
              {options.map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
    </search>
  )
})

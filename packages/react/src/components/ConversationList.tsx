'use client'
import { type ComponentPropsWithoutRef, forwardRef, memo, useMemo } from 'react'
import { useComponents, usePartClassName, useStrings } from '../context'
import { type ConversationListOptions, useConversationList } from '../hooks/useConversationList'
import { useInboxState } from '../hooks/useInboxState'
import { useMe, useTeam } from '../hooks/useServerData'
import { ConversationRow as DefaultRow } from './ConversationRow'
import { useComposedRefs } from './composeRefs'
import { cx } from './cx'
import { QueryState } from './QueryState'

/** Props of {@link ConversationList}: the hook's options, and any attribute for the list element. */
export interface ConversationListProps
  extends ConversationListOptions,
    Omit<ComponentPropsWithoutRef<'div'>, 'onSelect' | 'children'> {}

const selectViewing = (s: { viewing: Record<string, { name: string; at: number }[]> }) => s.viewing

/**
 * The conversation list: markup over {@link useConversationList} (virtualized, newest activity
 * first, more pages as you scroll, the listbox keyboard model with typeahead). Rows are memoized
 * and get stable props: an incoming text re-renders only the row it touches.
 */
export const ConversationList = forwardRef<HTMLDivElement, ConversationListProps>(function ConversationList(
  { filter, selectedId, onSelect, estimateRowHeight, className, ...rest },
  ref,
) {
  const partClass = usePartClassName('list', className)
  const t = useStrings()
  const { ConversationRow: RowOverride } = useComponents()
  const ConversationRow = useMemo(() => memo(RowOverride ?? DefaultRow), [RowOverride])
  const view = useConversationList({ filter, selectedId, onSelect, estimateRowHeight })
  const { data: me } = useMe()
  const { data: team } = useTeam()
  const viewing = useInboxState(selectViewing)
  const listRef = useComposedRefs(ref, view.listRef)

  if (view.list.isPending || view.list.isError) {
    return (
      <QueryState
        ref={ref}
        {...rest}
        query={view.list}
        loading={t.loadingConversations}
        className={cx('sb-list sb-list--status', partClass)}
      />
    )
  }
  if (view.list.conversations.length === 0)
    return (
      <div ref={ref} {...rest} className={cx('sb-list sb-list--status', partClass)} role="status">
        {t.noConversations}
      </div>
    )

  const { ref: _ownRef, ...listProps } = view.getListProps()
  return (
    <div {...rest} {...listProps} ref={listRef} className={cx('sb-list', partClass)}>
      <div className="sb-list__inner" style={{ position: 'relative', blockSize: view.totalSize }}>
        {view.rows.map((row) => (
          <div key={row.conversation.id} {...view.getRowProps(row)} className="sb-list__option">
            <ConversationRow
              conversation={row.conversation}
              selected={row.selected}
              active={row.active}
              country={me?.clinic.country ?? 'US'}
              team={team}
              viewers={viewing[row.conversation.id]}
            />
          </div>
        ))}
      </div>
    </div>
  )
})

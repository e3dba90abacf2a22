'use client'
import { hasPermission } from '@switchboard/protocol'
import {
  type ComponentPropsWithoutRef,
  forwardRef,
  lazy,
  memo,
  Suspense,
  useCallback,
  useMemo,
  useRef,
  useState,
} from 'react'
import { useComponents, usePartClassName, useStrings, useUnstyled } from '../context'
import { type ConversationListOptions, useConversationList } from '../hooks/useConversationList'
import { useInboxState } from '../hooks/useInboxState'
import { useMe, useTeam } from '../hooks/useServerData'
import { format } from '../strings'
import { ConversationRow as DefaultRow } from './ConversationRow'
import { useComposedRefs } from './composeRefs'
import { cx } from './cx'
import { Icon } from './Icon'
import { QueryState } from './QueryState'

// The row menu's code (Radix's menu and popper) loads when a row's menu is first opened.
const RowMenu = lazy(() => import('./RowMenu').then((m) => ({ default: m.RowMenu })))

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
  const unstyled = useUnstyled()
  const ConversationRow = useMemo(() => memo(RowOverride ?? DefaultRow), [RowOverride])
  // The row menu: one for the list, at the row it was opened for; kept after closing so a
  // refusal of its last action can still be shown.
  const [menu, setMenu] = useState<{ id: string; open: boolean } | null>(null)
  const [menuError, setMenuError] = useState<string | null>(null)
  const openMenu = useCallback((id: string) => setMenu({ id, open: true }), [])
  // The default row is of even height by the stylesheet (not a host's own row, nor unstyled).
  const evenRows = !RowOverride && !unstyled
  const view = useConversationList({ filter, selectedId, onSelect, estimateRowHeight, evenRows, onRowMenu: openMenu })
  const profile = useMe()
  const me = profile.data
  const { data: team } = useTeam()
  const viewing = useInboxState(selectViewing)
  const listElement = useRef<HTMLElement | null>(null)
  const keepList = useCallback((element: HTMLElement | null) => {
    listElement.current = element
  }, [])
  const listRef = useComposedRefs(ref, view.listRef, keepList)

  // Rows wait for the profile first: numbers are written in the clinic's country's way, and a
  // refusal of the list is only shown once it is known not to be the user's lack of access.
  const waiting = profile.isPending || profile.isError ? profile : view.list
  if (me && !hasPermission(me.user, 'messaging'))
    return (
      <div ref={ref} {...rest} className={cx('sb-list sb-list--status', partClass)} role="alert" data-state="no-access">
        {t.noAccess}
      </div>
    )
  if (waiting.isPending || waiting.isError) {
    return (
      <QueryState
        ref={ref}
        {...rest}
        query={waiting}
        loading={t.loadingConversations}
        className={cx('sb-list sb-list--status', partClass)}
      />
    )
  }
  // Every loaded row may leave (closed, say) while more pages exist: the next page is on its way
  // (the view asks for it at the list's end), and the list is not empty yet.
  if (view.list.conversations.length === 0 && view.list.hasNextPage)
    return (
      <div ref={ref} {...rest} className={cx('sb-list sb-list--status', partClass)} role="status" aria-busy="true">
        {t.loadingConversations}
      </div>
    )
  if (view.list.conversations.length === 0)
    return (
      <div ref={ref} {...rest} className={cx('sb-list sb-list--status', partClass)} role="status">
        {t.noConversations}
      </div>
    )

  const { ref: _ownRef, ...listProps } = view.getListProps()
  const menuRow = menu ? view.rows.find((row) => row.conversation.id === menu.id) : undefined
  return (
    <>
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
              {/* A pointer affordance, not a control (a listbox option may hold none, even hidden): keyboards
                  open the same menu with the ContextMenu key or Shift+F10; on touch screens it always shows.
                  Its "⋯" is drawn by the stylesheet (a mask), not an SVG in every row drawn: a fast scroll
                  draws a page of new rows a frame. Unstyled, it is the icon. */}
              <span
                className="sb-list__more"
                aria-hidden="true"
                title={t.rowMore}
                onClick={(event) => {
                  event.stopPropagation()
                  openMenu(row.conversation.id)
                }}
              >
                {unstyled && <Icon name="more" />}
              </span>
            </div>
          ))}
          {menu && (
            <Suspense fallback={null}>
              <RowMenu
                conversationId={menu.id}
                open={menu.open && menuRow !== undefined}
                onOpenChange={(open) => setMenu({ id: menu.id, open })}
                top={menuRow?.start ?? 0}
                onCloseFocus={() => listElement.current?.focus()}
                onError={setMenuError}
              />
            </Suspense>
          )}
        </div>
      </div>
      {menuError && (
        <p className="sb-list__error" role="alert">
          {menuError}
        </p>
      )}
      {view.list.isFetchNextPageError && !view.list.isFetchingNextPage && (
        // The next page failed: the rows loaded stay; it is asked for again only from here.
        <p className="sb-list__error" role="alert">
          {format(t.loadFailed, { message: view.list.error?.message ?? '' })}{' '}
          <button type="button" className="sb-button sb-button--small" onClick={() => void view.list.fetchNextPage()}>
            {t.retry}
          </button>
        </p>
      )}
    </>
  )
})

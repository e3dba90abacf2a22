'use client'
import * as VisuallyHidden from '@radix-ui/react-visually-hidden'
import { activePresence, VIEWING_TTL } from '@switchboard/core'
import { type Conversation, isUnread, type TeamMember } from '@switchboard/protocol'
import { type ComponentPropsWithoutRef, forwardRef } from 'react'
import { useLocale, usePartClassName, useStrings } from '../context'
import { displayName } from '../model/displayName'
import { formatListTime } from '../model/formatTime'
import { format, plural } from '../strings'
import { Avatar } from './Avatar'
import { cx } from './cx'
import { Icon } from './Icon'

/**
 * Props of a conversation row (also for a host's own row via `components.ConversationRow`). The
 * row draws content only: the list's option element around it carries selection, position and
 * clicks, so a row re-renders only when its conversation (or its marks) change.
 */
export interface ConversationRowProps extends ComponentPropsWithoutRef<'div'> {
  conversation: Conversation
  /** The open conversation. */
  selected: boolean
  /** The row the keyboard is on. */
  active: boolean
  /** The clinic's country, for number display. */
  country: string
  team: TeamMember[] | undefined
  viewers: { name: string; at: number }[] | undefined
}

/**
 * One row of the conversation list, of even height: avatar, name or number and time; the
 * preview, the marks (lead, opted out, blocked, possible opt-out), the assignee, who else is
 * viewing and the unread count. Selected and unread are separate states (`data-selected`,
 * `data-unread`): a conversation marked unread while open shows both.
 */
export const ConversationRow = forwardRef<HTMLDivElement, ConversationRowProps>(function ConversationRow(
  { conversation: c, selected, active, country, team, viewers, className, ...rest },
  ref,
) {
  const partClass = usePartClassName('row', className)
  const t = useStrings()
  const locale = useLocale()
  const unread = isUnread(c)
  const assignee = c.assigneeId ? team?.find((m) => m.id === c.assigneeId) : undefined
  const preview = c.lastMessage
    ? c.lastMessage.body.trim() || (c.lastMessage.attachmentCount > 0 ? t.attachment : '')
    : ''
  const onlyAttachment = !!c.lastMessage && !c.lastMessage.body.trim() && c.lastMessage.attachmentCount > 0
  const watching = activePresence(viewers, VIEWING_TTL)
  const name = displayName(c, country)
  return (
    <div
      ref={ref}
      {...rest}
      className={cx('sb-row', partClass)}
      data-selected={selected ? '' : undefined}
      data-unread={unread ? '' : undefined}
      data-active={active ? '' : undefined}
    >
      <Avatar className="sb-row__avatar" name={c.client ? name : ''} colorKey={c.client?.id ?? c.contact.phone} />
      <div className="sb-row__top">
        <span className="sb-row__name" dir="auto">
          {name}
        </span>
        <time className="sb-row__time" dateTime={c.lastActivityAt}>
          {formatListTime(c.lastActivityAt, locale)}
        </time>
      </div>
      <div className="sb-row__bottom">
        <span className="sb-row__preview" dir="auto">
          {c.lastMessage?.direction === 'outbound' ? `${t.you}: ` : ''}
          {onlyAttachment && <Icon name="attach" />}
          {preview}
        </span>
        {!c.client && <span className="sb-tag">{t.lead}</span>}
        {c.contact.optedOut && <span className="sb-tag sb-tag--warning">{t.optedOut}</span>}
        {c.optOutRequest && !c.contact.optedOut && <span className="sb-tag sb-tag--warning">{t.possibleOptOut}</span>}
        {c.contact.blocked && <span className="sb-tag sb-tag--danger">{t.blocked}</span>}
        {watching.length > 0 && (
          <span className="sb-row__viewing">
            <Icon name="viewing" />
            <VisuallyHidden.Root>
              {format(t.viewing, { names: watching.map((v) => v.name).join(', ') })}
            </VisuallyHidden.Root>
          </span>
        )}
        {assignee && (
          <span className="sb-row__assignee" title={format(t.assignedTo, { name: assignee.name })}>
            <Avatar name={assignee.name} colorKey={assignee.id} size="small" />
            <VisuallyHidden.Root>{format(t.assignedTo, { name: assignee.name })}</VisuallyHidden.Root>
          </span>
        )}
        {unread && (
          <span className="sb-row__unread" data-dot={c.unreadCount > 0 ? undefined : ''}>
            <span aria-hidden="true">{c.unreadCount > 0 ? c.unreadCount : ''}</span>
            <VisuallyHidden.Root>
              {c.unreadCount > 0 ? plural(t, 'unreadCount', c.unreadCount, locale) : t.markedUnread}
            </VisuallyHidden.Root>
          </span>
        )}
      </div>
    </div>
  )
})

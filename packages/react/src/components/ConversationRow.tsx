'use client'
import { activePresence, formatPhone, VIEWING_TTL } from '@switchboard/core'
import { type Conversation, isUnread, type TeamMember, withoutControls } from '@switchboard/protocol'
import { useLocale, usePartClassName, useStrings } from '../context'
import { format, plural } from '../strings'
import { cx } from './cx'
import { formatListTime } from './formatTime'
import { Icon } from './Icon'

/** Props of a conversation row (also for a host's own row via `components.ConversationRow`). */
export interface ConversationRowProps {
  conversation: Conversation
  selected: boolean
  active: boolean
  /** The clinic's country, for number display. */
  country: string
  team: TeamMember[] | undefined
  viewers: { name: string; at: number }[] | undefined
  id: string
  /** Opens the conversation (click); the list handles the keyboard. Stable across renders. */
  onSelect: (conversationId: string) => void
  className?: string
}

/**
 * The name staff know a conversation by: the client's (without control or direction characters,
 * which could disguise it), else the formatted number.
 */
export function displayName(conversation: Conversation, country = 'US'): string {
  const client = conversation.client
  const name = client ? withoutControls(`${client.firstName} ${client.lastName}`) : ''
  return name || formatPhone(conversation.contact.phone, country)
}

/** One row of the conversation list: name or number, preview, time, unread, marks. */
export function ConversationRow({
  conversation: c,
  selected,
  active,
  country,
  team,
  viewers,
  id,
  onSelect,
  className,
}: ConversationRowProps) {
  const partClass = usePartClassName('row', className)
  const t = useStrings()
  const locale = useLocale()
  const unread = isUnread(c)
  const assignee = c.assigneeId ? team?.find((m) => m.id === c.assigneeId)?.name : undefined
  const preview = c.lastMessage
    ? c.lastMessage.body.trim() || (c.lastMessage.attachmentCount > 0 ? t.attachment : '')
    : ''
  const onlyAttachment = !!c.lastMessage && !c.lastMessage.body.trim() && c.lastMessage.attachmentCount > 0
  const watching = activePresence(viewers, VIEWING_TTL)
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox moves with arrow keys and opens with Enter
    <div
      id={id}
      role="option"
      tabIndex={-1}
      onClick={() => onSelect(c.id)}
      aria-selected={selected}
      className={cx('sb-row', active && 'sb-row--active', partClass)}
      data-state={selected ? 'selected' : unread ? 'unread' : 'read'}
    >
      <div className="sb-row__top">
        <span className="sb-row__name" dir="auto">
          {displayName(c, country)}
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
        {unread && (
          <span className="sb-row__unread">
            <span aria-hidden="true">{c.unreadCount > 0 ? c.unreadCount : ''}</span>
            <span className="sb-visually-hidden">
              {c.unreadCount > 0 ? plural(t, 'unreadCount', c.unreadCount, locale) : t.markedUnread}
            </span>
          </span>
        )}
      </div>
      <div className="sb-row__marks">
        {!c.client && <span className="sb-tag">{t.lead}</span>}
        {c.contact.optedOut && <span className="sb-tag sb-tag--warning">{t.optedOut}</span>}
        {c.optOutRequest && !c.contact.optedOut && <span className="sb-tag sb-tag--warning">{t.possibleOptOut}</span>}
        {c.contact.blocked && <span className="sb-tag sb-tag--danger">{t.blocked}</span>}
        {assignee && <span className="sb-tag sb-tag--muted">{format(t.assignedTo, { name: assignee })}</span>}
        {watching.length > 0 && (
          <span className="sb-tag sb-tag--info">
            {format(t.viewing, { names: watching.map((v) => v.name).join(', ') })}
          </span>
        )}
      </div>
    </div>
  )
}

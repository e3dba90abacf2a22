'use client'
import { formatPhone } from '@switchboard/core'
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode } from 'react'
import { usePartClassName, useStrings } from '../context'
import { useConversation } from '../hooks/useConversations'
import { useMe, useTeam } from '../hooks/useServerData'
import { displayName } from '../model/displayName'
import { format } from '../strings'
import { Avatar } from './Avatar'
import { ConversationMenu } from './ConversationMenu'
import { ConversationPresence } from './ConversationPresence'
import { cx } from './cx'
import { IconButton } from './IconButton'

/** Props of {@link ConversationHeader}. */
export interface ConversationHeaderProps extends Omit<ComponentPropsWithoutRef<'header'>, 'children'> {
  conversationId: string
  /** Shows a back button (one pane at a time) that calls this. */
  onBack?: () => void
  /** After the conversation was deleted from the menu. */
  onDeleted?: () => void
  /** The host's own actions (e.g. "Make appointment"), before the menu. */
  actions?: ReactNode
}

/**
 * The open conversation's header: avatar, name and number, its state at a glance (lead,
 * assigned, opted out, possible opt-out, blocked, closed), who else is typing or viewing, the
 * host's actions and the conversation menu.
 */
export const ConversationHeader = forwardRef<HTMLElement, ConversationHeaderProps>(function ConversationHeader(
  { conversationId, onBack, onDeleted, actions, className, ...rest },
  ref,
) {
  const partClass = usePartClassName('header', className)
  const t = useStrings()
  const { data: conversation } = useConversation(conversationId)
  const { data: me } = useMe()
  const { data: team } = useTeam()
  if (!conversation) return null
  const country = me?.clinic.country
  const name = displayName(conversation, country)
  const assignee = conversation.assigneeId ? team?.find((m) => m.id === conversation.assigneeId) : undefined
  const contact = conversation.contact
  return (
    <header ref={ref} {...rest} className={cx('sb-inbox__thread-header', partClass)}>
      {onBack && <IconButton className="sb-inbox__back" icon="back" label={t.back} onClick={onBack} />}
      <Avatar
        className="sb-inbox__avatar"
        name={conversation.client ? name : ''}
        colorKey={conversation.client?.id ?? contact.phone}
      />
      <div className="sb-inbox__who">
        <div className="sb-inbox__who-line">
          <h3 className="sb-inbox__contact">
            <bdi>{name}</bdi>
          </h3>
          {conversation.client && <bdi className="sb-inbox__phone">{formatPhone(contact.phone, country)}</bdi>}
        </div>
        <div className="sb-inbox__who-line">
          {!conversation.client && <span className="sb-tag">{t.lead}</span>}
          {conversation.status === 'closed' && <span className="sb-tag">{t.closed}</span>}
          {contact.optedOut && <span className="sb-tag sb-tag--warning">{t.optedOut}</span>}
          {conversation.optOutRequest && !contact.optedOut && (
            <span className="sb-tag sb-tag--warning">{t.possibleOptOut}</span>
          )}
          {contact.blocked && <span className="sb-tag sb-tag--danger">{t.blocked}</span>}
          {assignee && <span className="sb-tag sb-tag--info">{format(t.assignedTo, { name: assignee.name })}</span>}
          <ConversationPresence conversationId={conversationId} />
        </div>
      </div>
      <div className="sb-inbox__actions">
        {actions}
        <ConversationMenu conversation={conversation} onDeleted={onDeleted} />
      </div>
    </header>
  )
})

'use client'
import { formatPhone } from '@switchboard/core'
import { hasPermission } from '@switchboard/protocol'
import { useState } from 'react'
import { useInboxClient, usePartClassName, useStrings, useUnstyled } from '../context'
import { useConversation } from '../hooks/useConversations'
import { useSelectedConversation } from '../hooks/useSelectedConversation'
import { useMe } from '../hooks/useServerData'
import { ClientPanel } from './ClientPanel'
import { Composer } from './Composer'
import { ConnectionBanner } from './ConnectionBanner'
import { ConversationFilters } from './ConversationFilters'
import { ConversationList } from './ConversationList'
import { ConversationMenu } from './ConversationMenu'
import { ConversationPresence } from './ConversationPresence'
import { cx } from './cx'
import { displayName } from './displayName'
import { Icon } from './Icon'
import { useInsideTheme } from './InboxTheme'
import { OptOutRequestBanner } from './OptOutRequestBanner'
import { PortalContainerContext } from './portal'
import { Thread } from './Thread'

/** Props of {@link Inbox}. */
export interface InboxProps {
  /** The open conversation (controlled), so the host can route; uncontrolled without it. */
  selectedId?: string | null
  onSelect?: (conversationId: string | null) => void
  /** `light` (default), `dark`, or any theme name the host styles with `[data-sb-theme=…]`; inside an `InboxTheme`, that one's. */
  theme?: string
  className?: string
  /** The host's composer tools (forms, payment or review requests). */
  composerTools?: React.ReactNode
}

/**
 * The whole inbox: filters and list, the open thread with its composer and actions, the clinic's
 * SMS number and a connection banner. Below 768 px one pane shows at a time. Without the
 * messaging permission it shows a clear "no access" state.
 */
export function Inbox({ selectedId, onSelect, theme, className, composerTools }: InboxProps) {
  const partClass = usePartClassName('inbox', className)
  const t = useStrings()
  const unstyled = useUnstyled()
  const _client = useInboxClient()
  const { data: me, error: meError } = useMe()
  const [selected, choose] = useSelectedConversation(selectedId, onSelect)
  const { data: conversation } = useConversation(selected)
  const [root, setRoot] = useState<HTMLElement | null>(null)
  const insideTheme = useInsideTheme()
  const ownRoot = !unstyled && !insideTheme

  const allowed = me !== undefined && hasPermission(me.user, 'messaging')
  return (
    <section
      ref={setRoot}
      className={cx(ownRoot && 'sb-root', 'sb-inbox', partClass)}
      data-sb-theme={ownRoot ? (theme ?? 'light') : undefined}
      data-state={selected ? 'thread' : 'list'}
      aria-label={t.inbox}
    >
      <PortalContainerContext.Provider value={root}>
        {meError?.message && !me ? (
          <div className="sb-inbox__status" role="alert">
            {meError.message}
          </div>
        ) : !me ? (
          <div className="sb-inbox__status" role="status">
            {t.loading}
          </div>
        ) : !allowed ? (
          <div className="sb-inbox__status" role="alert" data-state="no-access">
            {t.noAccess}
          </div>
        ) : (
          <>
            <ConnectionBanner />
            <div className="sb-inbox__list">
              <header className="sb-inbox__header">
                <h2 className="sb-inbox__title">{t.inbox}</h2>
                {me && (
                  <p className="sb-inbox__number">
                    {t.smsNumber.split('{number}')[0]}
                    <bdi>{formatPhone(me.clinic.smsNumber, me.clinic.country)}</bdi>
                    {t.smsNumber.split('{number}')[1]}
                  </p>
                )}
              </header>
              <ConversationFilters />
              <ConversationList selectedId={selected} onSelect={choose} />
            </div>
            <div className="sb-inbox__thread">
              {selected && conversation ? (
                <>
                  <header className="sb-inbox__thread-header">
                    <button
                      type="button"
                      className="sb-button sb-button--ghost sb-inbox__back"
                      onClick={() => choose(null)}
                    >
                      <Icon name="back" /> <span className="sb-visually-hidden">{t.back}</span>
                    </button>
                    <h3 className="sb-inbox__contact">
                      <bdi>{displayName(conversation, me?.clinic.country)}</bdi>
                    </h3>
                    {conversation.client && (
                      <bdi className="sb-inbox__phone">
                        {formatPhone(conversation.contact.phone, me?.clinic.country)}
                      </bdi>
                    )}
                    <ConversationMenu conversation={conversation} onDeleted={() => choose(null)} />
                    <ConversationPresence className="sb-inbox__presence" conversationId={selected} />
                  </header>
                  <Thread conversationId={selected} />
                  <OptOutRequestBanner conversationId={selected} />
                  <Composer conversationId={selected} tools={composerTools} />
                </>
              ) : (
                <p className="sb-inbox__empty">{t.noConversationSelected}</p>
              )}
            </div>
            {selected && conversation && <ClientPanel className="sb-inbox__client" conversationId={selected} />}
          </>
        )}
      </PortalContainerContext.Provider>
    </section>
  )
}

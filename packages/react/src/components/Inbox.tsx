'use client'
import { formatPhone } from '@switchboard/core'
import { type Client, hasPermission } from '@switchboard/protocol'
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode } from 'react'
import { usePartClassName, useStrings, useUnstyled } from '../context'
import type { HostTemplateContext } from '../hooks/useComposer'
import { useConversation } from '../hooks/useConversations'
import { useFirstReplies } from '../hooks/useFirstReplies'
import { useInboxPrefetch } from '../hooks/useInboxPrefetch'
import { useSelectedConversation } from '../hooks/useSelectedConversation'
import { useMe } from '../hooks/useServerData'
import { ClientPanel } from './ClientPanel'
import { ClientSheet } from './ClientSheet'
import { Composer, type HostComposerTools } from './Composer'
import { ConnectionBanner } from './ConnectionBanner'
import { ConversationFilters } from './ConversationFilters'
import { ConversationHeader } from './ConversationHeader'
import { ConversationList } from './ConversationList'
import { useComposedRefs } from './composeRefs'
import { cx } from './cx'
import { NewConversationDialog } from './dialogs'
import { FormattedText } from './FormattedText'
import { IconButton } from './IconButton'
import { useInsideTheme } from './InboxTheme'
import { OptOutRequestBanner } from './OptOutRequestBanner'
import { PortalRoot, usePortalHost } from './portal'
import { Thread } from './Thread'

/** Props of {@link Inbox}. */
export interface InboxProps extends Omit<ComponentPropsWithoutRef<'section'>, 'onSelect' | 'children'> {
  /** The open conversation (controlled), so the host can route; uncontrolled without it. */
  selectedId?: string | null
  onSelect?: (conversationId: string | null) => void
  /** `light` (default), `dark`, or any theme name the host styles with `[data-sb-theme=…]`; inside an `InboxTheme`, that one's. */
  theme?: string
  /** The host's composer tools (forms, payment or review requests): markup, or a function of the conversation. */
  composerTools?: HostComposerTools
  /** Variables the composer's templates can use beyond the client record and the clinic. */
  templateContext?: HostTemplateContext
  /** The host's actions in the open conversation's header (e.g. "Make appointment"). */
  headerActions?: ReactNode
  /** Opens a client's record in the host's PMS: an "Open in PMS" button in the client panel. */
  onOpenClient?: (client: Client) => void
  /**
   * How long the panes wait for the profile and the list's first page before they are drawn with
   * their loading states, in ms (default 100, `FIRST_REPLIES_WAIT_MS`); 0 draws them at once.
   * Read at mount.
   */
  loadingDelayMs?: number
}

/**
 * The whole inbox: filters and list with a "+" to start a conversation, the open thread with its
 * composer and actions, the client panel (a sheet from the header where there is no room for
 * it), the clinic's SMS number and a connection banner. Laid out by its own width (container queries): three
 * panes from 1060 px, two from 720 px, one at a time below. Without the messaging permission it
 * shows a clear "no access" state. The panes wait for the profile and the list's first page up to
 * `loadingDelayMs` (100 ms; see {@link useFirstReplies}): replies within it are drawn with the
 * panes in one frame, slower ones find the panes drawn with their loading states (the section is
 * `aria-busy` meanwhile). Forwards its ref and any attribute to its `<section>`.
 */
export const Inbox = forwardRef<HTMLElement, InboxProps>(function Inbox(
  {
    selectedId,
    onSelect,
    theme,
    className,
    composerTools,
    templateContext,
    headerActions,
    onOpenClient,
    loadingDelayMs,
    ...rest
  },
  ref,
) {
  const partClass = usePartClassName('inbox', className)
  const t = useStrings()
  const unstyled = useUnstyled()
  useInboxPrefetch()
  const ready = useFirstReplies(loadingDelayMs)
  const [selected, choose] = useSelectedConversation(selectedId, onSelect)
  const { data: conversation } = useConversation(selected)
  const portalHost = usePortalHost()
  const rootRef = useComposedRefs(ref, portalHost.ref)
  const insideTheme = useInsideTheme()
  const ownRoot = !unstyled && !insideTheme

  return (
    <section
      {...rest}
      ref={rootRef}
      className={cx(ownRoot && 'sb-root', 'sb-inbox', partClass)}
      data-sb-theme={ownRoot ? (theme ?? 'light') : undefined}
      data-state={selected ? 'thread' : 'list'}
      aria-label={t.inbox}
      aria-busy={ready ? undefined : true}
    >
      {ready && (
        <PortalRoot host={portalHost}>
          <InboxAccess>
            <div className="sb-inbox__body" data-state={selected ? 'thread' : 'list'}>
              <ConnectionBanner />
              <div className="sb-inbox__list">
                <header className="sb-inbox__header">
                  <h2 className="sb-inbox__title">{t.inbox}</h2>
                  <NewConversationDialog
                    trigger={<IconButton className="sb-inbox__new" icon="add" label={t.newConversation} />}
                    onStarted={({ conversation }) => choose(conversation.id)}
                  />
                  <InboxNumber />
                </header>
                <ConversationFilters />
                <ConversationList selectedId={selected} onSelect={choose} />
              </div>
              <div className="sb-inbox__thread">
                {selected && conversation ? (
                  <>
                    <ConversationHeader
                      conversationId={selected}
                      onBack={() => choose(null)}
                      onDeleted={() => choose(null)}
                      actions={
                        <>
                          <ClientSheet conversationId={selected} onOpenClient={onOpenClient} />
                          {headerActions}
                        </>
                      }
                    />
                    <Thread conversationId={selected} />
                    <OptOutRequestBanner conversationId={selected} />
                    <Composer conversationId={selected} tools={composerTools} templateContext={templateContext} />
                  </>
                ) : (
                  <p className="sb-inbox__empty">{t.noConversationSelected}</p>
                )}
              </div>
              {selected && conversation && (
                <ClientPanel className="sb-inbox__client" conversationId={selected} onOpenClient={onOpenClient} />
              )}
            </div>
          </InboxAccess>
        </PortalRoot>
      )}
    </section>
  )
})

/**
 * The inbox's panes, or why they cannot be shown: the profile's error, or a known lack of the
 * messaging permission. The panes are drawn while the profile is on its way (the list waits for it
 * inside), so the rows are all that is left to draw when the replies come. The profile's arrival
 * re-renders only this gate, which hands back the same panes untouched.
 */
function InboxAccess({ children }: { children: ReactNode }) {
  const t = useStrings()
  const { data: me, error } = useMe()
  if (error?.message && !me)
    return (
      <div className="sb-inbox__status" role="alert">
        {error.message}
      </div>
    )
  if (me && !hasPermission(me.user, 'messaging'))
    return (
      <div className="sb-inbox__status" role="alert" data-state="no-access">
        {t.noAccess}
      </div>
    )
  return children
}

/** The clinic's SMS number under the title; its line is kept while the profile comes, so nothing below it moves. */
function InboxNumber() {
  const t = useStrings()
  const { data: me } = useMe()
  return (
    <p className="sb-inbox__number">
      {me ? (
        <FormattedText
          text={t.smsNumber}
          values={{ number: <bdi>{formatPhone(me.clinic.smsNumber, me.clinic.country)}</bdi> }}
        />
      ) : (
        '\u00a0'
      )}
    </p>
  )
}

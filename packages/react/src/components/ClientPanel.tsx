'use client'
import { formatMoney, formatPhone } from '@switchboard/core'
import type { Client } from '@switchboard/protocol'
import { useQuery } from '@tanstack/react-query'
import { type ComponentPropsWithoutRef, forwardRef } from 'react'
import { useInboxClient, useLocale, usePartClassName, useStrings } from '../context'
import { useConversation } from '../hooks/useConversations'
import { useMe } from '../hooks/useServerData'
import { displayName } from '../model/displayName'
import { format } from '../strings'
import { cx } from './cx'

/** Props of {@link ClientPanel}. */
export interface ClientPanelProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  conversationId: string
}

/**
 * Who the conversation is with: the client's record (numbers, e-mail, balance, patients) or,
 * for a lead, that the number is not matched yet; and whether texts may be sent (opted out,
 * blocked, latest consent).
 */
export const ClientPanel = forwardRef<HTMLElement, ClientPanelProps>(function ClientPanel(
  { conversationId, className, ...rest },
  ref,
) {
  const partClass = usePartClassName('clientPanel', className)
  const t = useStrings()
  const locale = useLocale()
  const inbox = useInboxClient()
  const { data: me } = useMe()
  const { data: conversation } = useConversation(conversationId)
  const clientId = conversation?.client?.id
  const { data: client } = useQuery(
    { ...inbox.queries.client(clientId ?? ''), enabled: Boolean(clientId) },
    inbox.queryClient,
  )
  if (!conversation) return null
  const country = me?.clinic.country
  const contact = conversation.contact
  const consent = contact.consent.at(-1)
  const record = client as Client | undefined
  return (
    <section ref={ref} aria-label={t.clientDetails} {...rest} className={cx('sb-client', partClass)}>
      <h3 className="sb-client__name">
        <bdi>{displayName(conversation, country)}</bdi>
      </h3>
      {!conversation.client && <p className="sb-client__lead">{t.leadExplained}</p>}
      <dl className="sb-client__facts">
        <dt>{t.phone}</dt>
        <dd>
          <bdi>{(record?.phones ?? [contact.phone]).map((p) => formatPhone(p, country)).join(', ')}</bdi>
        </dd>
        {record?.email && (
          <>
            <dt>{t.email}</dt>
            <dd>{record.email}</dd>
          </>
        )}
        {record && (
          <>
            <dt>{t.balance}</dt>
            <dd data-state={record.balance.amountMinor > 0 ? 'due' : 'clear'}>{formatMoney(record.balance, locale)}</dd>
          </>
        )}
        <dt>{t.textingStatus}</dt>
        <dd>
          {contact.blocked
            ? t.blocked
            : contact.optedOut
              ? format(t.optedOutOn, { date: new Date(contact.optedOut.at).toLocaleDateString(locale) })
              : t.canText}
        </dd>
        {consent && (
          <>
            <dt>{t.consent}</dt>
            <dd>
              {format(t.consentRecord, {
                status: consent.status,
                scope: consent.scope,
                method: consent.method,
                date: new Date(consent.at).toLocaleDateString(locale),
              })}
            </dd>
          </>
        )}
      </dl>
      {record && record.patients.length > 0 && (
        <>
          <h4 className="sb-client__heading">{t.patients}</h4>
          <ul className="sb-client__patients">
            {record.patients.map((p) => (
              <li key={p.id}>
                {p.name} <span className="sb-client__species">· {p.species}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
})

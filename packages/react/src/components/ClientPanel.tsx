'use client'
import { formatMoney, formatPhone } from '@switchboard/core'
import type { Client } from '@switchboard/protocol'
import { type ComponentPropsWithoutRef, forwardRef } from 'react'
import { useLocale, usePartClassName, useStrings } from '../context'
import { useClientPanel } from '../hooks/useClientPanel'
import { displayName } from '../model/displayName'
import { format } from '../strings'
import { ClientEditForm } from './ClientEditForm'
import { cx } from './cx'
import { AssignToClientDialog, ConsentDialog } from './dialogs'

/** Props of {@link ClientPanel}. */
export interface ClientPanelProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  conversationId: string
  /** Opens the client's record in the host's PMS; an "Open in PMS" button when given. */
  onOpenClient?: (client: Client) => void
}

/**
 * Who the conversation is with: the client's record (numbers, e-mail, balance, patients), edited
 * in place with `clients.edit`, with "Open in PMS" for the host; for a lead, that the number is
 * not matched yet and "Assign to client"; whether texts may be sent (opted out, blocked) and the
 * latest consent, with "Record consent". Markup over {@link useClientPanel}.
 */
export const ClientPanel = forwardRef<HTMLElement, ClientPanelProps>(function ClientPanel(
  { conversationId, onOpenClient, className, ...rest },
  ref,
) {
  const partClass = usePartClassName('clientPanel', className)
  const t = useStrings()
  const locale = useLocale()
  const panel = useClientPanel(conversationId)
  const { conversation, client, contact, consent, country } = panel
  if (!conversation || !contact) return null
  const date = (iso: string) => new Date(iso).toLocaleDateString(locale)
  return (
    <section ref={ref} aria-label={t.clientDetails} {...rest} className={cx('sb-client', partClass)}>
      <div className="sb-client__top">
        <h3 className="sb-client__name">
          <bdi>{displayName(conversation, country)}</bdi>
        </h3>
        {client && panel.canEdit && !panel.editing && (
          <button type="button" className="sb-button sb-button--small" onClick={() => panel.setEditing(true)}>
            {t.editClient}
          </button>
        )}
      </div>
      {client === null && (
        <div className="sb-client__lead">
          <p>{t.leadExplained}</p>
          <AssignToClientDialog
            conversation={conversation}
            trigger={
              <button type="button" className="sb-button sb-button--primary sb-button--small">
                {t.assignToClient}
              </button>
            }
          />
        </div>
      )}
      {client && panel.editing ? (
        <ClientEditForm client={client} onDone={() => panel.setEditing(false)} />
      ) : (
        <dl className="sb-client__facts">
          <dt>{t.phone}</dt>
          <dd>
            <bdi>
              {(client?.phones.length ? client.phones : [contact.phone]).map((p) => formatPhone(p, country)).join(', ')}
            </bdi>
          </dd>
          {client?.email && (
            <>
              <dt>{t.email}</dt>
              <dd>{client.email}</dd>
            </>
          )}
          {client && (
            <>
              <dt>{t.balance}</dt>
              <dd data-state={client.balance.amountMinor > 0 ? 'due' : 'clear'}>
                {formatMoney(client.balance, locale)}
              </dd>
            </>
          )}
          <dt>{t.textingStatus}</dt>
          <dd>
            {contact.blocked
              ? t.blocked
              : contact.optedOut
                ? format(t.optedOutOn, { date: date(contact.optedOut.at) })
                : t.canText}
          </dd>
          {consent && (
            <>
              <dt>{t.consent}</dt>
              <dd>
                {format(t.consentRecord, {
                  status: t[`consent.${consent.status}`],
                  scope: t[`scope.${consent.scope}`],
                  method: t[`method.${consent.method}`],
                  date: date(consent.at),
                })}
              </dd>
            </>
          )}
        </dl>
      )}
      {!panel.editing && (
        <div className="sb-client__actions">
          <ConsentDialog
            phone={contact.phone}
            trigger={
              <button type="button" className="sb-button sb-button--small">
                {t.recordConsent}
              </button>
            }
          />
          {client && onOpenClient && (
            <button type="button" className="sb-button sb-button--small" onClick={() => onOpenClient(client)}>
              {t.openInPms}
            </button>
          )}
        </div>
      )}
      {client && client.patients.length > 0 && (
        <>
          <h4 className="sb-client__heading">{t.patients}</h4>
          <ul className="sb-client__patients">
            {client.patients.map((p) => (
              <li key={p.id}>
                <bdi>{p.name}</bdi>
                {p.species && <span className="sb-client__species"> · {p.species}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
})

import { formatMoney, formatPhone } from '@switchboard/core'
import { ClientHistory, InboxTheme } from '@switchboard/react'
import { ArrowLeft, Mail, Phone } from 'lucide-react'
import { Link } from '../nav'
import { TextClientButton } from './TextClientButton'
import { useClientRecord } from './useClientRecord'

/** A client's record in the PMS: details, pets, "Send SMS", and every text with them (ClientHistory). */
export function ClientProfile({ id }: { id: string }) {
  const { data: client, error, isPending } = useClientRecord(id)
  if (isPending) return <p role="status">Loading the client…</p>
  if (error || !client)
    return (
      <p className="pms-error" role="alert">
        {error?.message ?? 'No such client.'}
      </p>
    )
  const name = `${client.firstName} ${client.lastName}`
  return (
    <div className="pms-profile">
      <Link to={{ page: 'clients' }} className="pms-back">
        <ArrowLeft aria-hidden /> All clients
      </Link>
      <section className="pms-card pms-profile__summary" aria-labelledby="client-name">
        <header className="pms-card__header">
          <h2 id="client-name">{name}</h2>
          {client.phones.length > 0 && <TextClientButton clientId={client.id} />}
        </header>
        <dl className="pms-facts">
          <div>
            <dt>
              <Phone aria-hidden /> Phone
            </dt>
            <dd>{client.phones.map((phone) => formatPhone(phone)).join(', ') || 'No number on file'}</dd>
          </div>
          <div>
            <dt>
              <Mail aria-hidden /> E-mail
            </dt>
            <dd>{client.email ?? '—'}</dd>
          </div>
          <div>
            <dt>Balance</dt>
            <dd>{formatMoney(client.balance)}</dd>
          </div>
        </dl>
        <h3 className="pms-subtitle">Patients</h3>
        <ul className="pms-patients">
          {client.patients.map((patient) => (
            <li key={patient.id}>
              <span className="pms-patients__name">{patient.name}</span>
              <span className="pms-tag">{patient.species}</span>
            </li>
          ))}
          {client.patients.length === 0 && <li className="pms-muted">None on file</li>}
        </ul>
      </section>
      <section className="pms-card pms-profile__history" aria-labelledby="history-title">
        <header className="pms-card__header">
          <h2 id="history-title">Communication history</h2>
        </header>
        <InboxTheme theme="hearth" className="pms-profile__history-body">
          <ClientHistory clientId={client.id} />
        </InboxTheme>
      </section>
    </div>
  )
}

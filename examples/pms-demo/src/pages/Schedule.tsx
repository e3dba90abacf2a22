import { APPOINTMENTS, type Appointment as AppointmentRecord } from '../appointments'
import { Link } from '../nav'
import { RecordsNotice } from './RecordsNotice'
import { TextClientButton } from './TextClientButton'
import { useClientRecord } from './useClientRecord'

export function Schedule() {
  const today = new Intl.DateTimeFormat(undefined, { weekday: 'long', month: 'long', day: 'numeric' }).format(
    new Date(),
  )
  return (
    <section className="pms-card" aria-labelledby="schedule-title">
      <RecordsNotice />
      <header className="pms-card__header">
        <h2 id="schedule-title">Today’s appointments</h2>
        <span className="pms-muted">{today}</span>
      </header>
      <table className="pms-table">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Client</th>
            <th scope="col">Patient</th>
            <th scope="col">Reason</th>
            <th scope="col">Room</th>
            <th scope="col">
              <span className="pms-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {APPOINTMENTS.map((appointment) => (
            <Appointment key={appointment.clientId} {...appointment} />
          ))}
        </tbody>
      </table>
    </section>
  )
}

function Appointment({ time, clientId, reason, room }: AppointmentRecord) {
  const { data: client, isError } = useClientRecord(clientId)
  const name = client ? `${client.firstName} ${client.lastName}` : isError ? 'Unknown client' : '…'
  return (
    <tr>
      <td className="pms-table__time">{time}</td>
      <td>
        <Link to={{ page: 'client', id: clientId }}>{name}</Link>
      </td>
      <td>{client?.patients.map((p) => `${p.name} (${p.species})`).join(', ') || '—'}</td>
      <td>{reason}</td>
      <td>{room}</td>
      <td className="pms-table__actions">
        {client && client.phones.length > 0 && (
          <TextClientButton clientId={clientId} label="Text" accessibleName={`Text ${name}`} />
        )}
      </td>
    </tr>
  )
}

import { Link } from '../nav'
import { RecordsNotice } from './RecordsNotice'
import { TextClientButton } from './TextClientButton'
import { useClientRecord } from './useClientRecord'

/** Today's appointments of the demo clinic: the PMS's own data, with the seeded clients. */
const APPOINTMENTS = [
  { time: '08:30', clientId: 'cli_000000', reason: 'Annual wellness exam', room: 'Exam 1' },
  { time: '09:15', clientId: 'cli_000001', reason: 'Vaccines: rabies booster', room: 'Exam 2' },
  { time: '10:00', clientId: 'cli_000002', reason: 'Dental cleaning', room: 'Surgery' },
  { time: '11:30', clientId: 'cli_000003', reason: 'Limping, left hind leg', room: 'Exam 1' },
  { time: '13:00', clientId: 'cli_000004', reason: 'Post-op recheck', room: 'Exam 3' },
  { time: '14:45', clientId: 'cli_000005', reason: 'Skin allergy follow-up', room: 'Exam 2' },
  { time: '16:00', clientId: 'cli_000008', reason: 'Nail trim', room: 'Treatment' },
]

export const SCHEDULED_CLIENT_IDS = APPOINTMENTS.map((a) => a.clientId)

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

function Appointment({ time, clientId, reason, room }: (typeof APPOINTMENTS)[number]) {
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

/** An appointment in the PMS's book: its own data, which Switchboard never stores. */
export interface Appointment {
  /** Today, at the clinic, as HH:MM. */
  time: string
  clientId: string
  reason: string
  room: string
}

/** Today's appointments of the demo clinic, with its seeded clients. */
export const APPOINTMENTS: Appointment[] = [
  { time: '08:30', clientId: 'cli_000000', reason: 'Annual wellness exam', room: 'Exam 1' },
  { time: '09:15', clientId: 'cli_000001', reason: 'Vaccines: rabies booster', room: 'Exam 2' },
  { time: '10:00', clientId: 'cli_000002', reason: 'Dental cleaning', room: 'Surgery' },
  { time: '11:30', clientId: 'cli_000003', reason: 'Limping, left hind leg', room: 'Exam 1' },
  { time: '13:00', clientId: 'cli_000004', reason: 'Post-op recheck', room: 'Exam 3' },
  { time: '14:45', clientId: 'cli_000005', reason: 'Skin allergy follow-up', room: 'Exam 2' },
  { time: '16:00', clientId: 'cli_000008', reason: 'Nail trim', room: 'Treatment' },
]

export const SCHEDULED_CLIENT_IDS = APPOINTMENTS.map((a) => a.clientId)

/** A client's next appointment, as a template's `{{appointment.date}}` reads: "today at 8:30 AM". */
export function nextAppointmentText(clientId: string | undefined): string | null {
  const appointment = APPOINTMENTS.find((a) => a.clientId === clientId)
  if (!appointment) return null
  const [hours = 0, minutes = 0] = appointment.time.split(':').map(Number)
  const at = new Date()
  at.setHours(hours, minutes, 0, 0)
  return `today at ${at.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' })}`
}

import { useEffect, useState } from 'react'
import { ApiError, type Session, type StaffEntry } from '../api'
import { listStaff, signIn } from '../session'

/**
 * Who is at the front desk: the development sign-in lists every seeded staff member with their
 * role; one of them (the kennel assistant) has no messaging permission, to see the inbox refuse.
 */
export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [staff, setStaff] = useState<StaffEntry[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  useEffect(() => {
    document.title = 'Sign in · Hearth PMS'
    listStaff().then(setStaff, (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)))
  }, [])
  const choose = async (entry: StaffEntry) => {
    setBusy(entry.id)
    setError(null)
    try {
      onSignedIn(await signIn(entry.clinicId, entry.clinicName, entry.id))
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e))
      setBusy(null)
    }
  }
  const clinics = [...new Set((staff ?? []).map((entry) => entry.clinicName))]
  return (
    <main className="signin">
      <div className="signin__card">
        <div className="pms-brand pms-brand--large">
          <span className="pms-brand__mark" aria-hidden>
            H
          </span>
          <span className="pms-brand__name">Hearth PMS</span>
        </div>
        <h1>Who is signing in?</h1>
        <p className="signin__hint">
          A demo practice-management system with the Switchboard inbox built in. Pick a staff member: each role has its
          own permissions.
        </p>
        {error && (
          <p className="pms-error" role="alert">
            {error}
          </p>
        )}
        {!staff && !error && <p role="status">Loading the team…</p>}
        {clinics.map((clinic) => (
          <section key={clinic} aria-labelledby={`clinic-${clinic}`}>
            <h2 id={`clinic-${clinic}`} className="signin__clinic">
              {clinic}
            </h2>
            <ul className="signin__staff">
              {staff
                ?.filter((entry) => entry.clinicName === clinic)
                .map((entry) => {
                  const messaging = entry.permissions.includes('messaging')
                  return (
                    <li key={entry.id}>
                      <button
                        type="button"
                        className="signin__person"
                        disabled={busy !== null}
                        aria-busy={busy === entry.id}
                        onClick={() => choose(entry)}
                      >
                        <span className="signin__name">{entry.name}</span>
                        <span className="signin__role">{entry.role}</span>
                        {!messaging && <span className="pms-tag pms-tag--muted">No messaging access</span>}
                      </button>
                    </li>
                  )
                })}
            </ul>
          </section>
        ))}
      </div>
    </main>
  )
}

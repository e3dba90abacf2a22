import { useState } from 'react'
import type { Session } from './api'
import { SignIn } from './pages/SignIn'
import { forgetSession, storedSession } from './session'
import { Workspace } from './Workspace'

/** Hearth PMS: the sign-in, then the practice's workspace with Switchboard embedded. */
export function App() {
  const [session, setSession] = useState<Session | null>(storedSession)
  if (!session) return <SignIn onSignedIn={setSession} />
  return (
    <Workspace
      key={`${session.clinicId}:${session.user.id}`}
      session={session}
      onSignOut={() => {
        forgetSession()
        setSession(null)
      }}
    />
  )
}

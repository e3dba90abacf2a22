import type { InboxClient } from '@switchboard/core'
import { InboxProvider, UnreadBadge, useMe } from '@switchboard/react'
import { BarChart3, CalendarDays, LogOut, MessageSquareText, Settings, Smartphone, Users } from 'lucide-react'
import { type ReactNode, useEffect, useState } from 'react'
import type { Session } from './api'
import { Link } from './nav'
import { ClientProfile } from './pages/ClientProfile'
import { Clients } from './pages/Clients'
import { Messaging } from './pages/Messaging'
import { Reports } from './pages/Reports'
import { Schedule } from './pages/Schedule'
import { SettingsPage } from './pages/SettingsPage'
import { type Route, useRoute } from './router'
import { inboxClientFor } from './session'
import { PhoneSimulator } from './simulator/PhoneSimulator'

const NAV: Array<{ to: Route; label: string; icon: ReactNode; pages: Route['page'][] }> = [
  { to: { page: 'schedule' }, label: 'Schedule', icon: <CalendarDays aria-hidden />, pages: ['schedule'] },
  { to: { page: 'clients' }, label: 'Clients', icon: <Users aria-hidden />, pages: ['clients', 'client'] },
  {
    to: { page: 'messaging', id: null },
    label: 'Messaging',
    icon: <MessageSquareText aria-hidden />,
    pages: ['messaging'],
  },
  { to: { page: 'reports' }, label: 'Reports', icon: <BarChart3 aria-hidden />, pages: ['reports'] },
  { to: { page: 'settings' }, label: 'Settings', icon: <Settings aria-hidden />, pages: ['settings'] },
]

const TITLES: Record<Route['page'], string> = {
  schedule: 'Schedule',
  clients: 'Clients',
  client: 'Client',
  messaging: 'Messaging',
  reports: 'Reports',
  settings: 'Settings',
}

/**
 * The signed-in PMS: its navigation (Messaging with the live unread badge), the page, and the
 * phone simulator. One inbox client per session, made once it mounts and destroyed when it goes.
 */
export function Workspace({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const [client, setClient] = useState<InboxClient | null>(null)
  useEffect(() => {
    const made = inboxClientFor(session)
    setClient(made)
    return () => made.destroy()
  }, [session])
  if (!client) return null
  return (
    <InboxProvider client={client}>
      <Shell session={session} onSignOut={onSignOut} />
    </InboxProvider>
  )
}

function Shell({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const route = useRoute()
  const [simulator, setSimulator] = useState(() => localStorage.getItem('hearth-pms.simulator') === 'open')
  const toggleSimulator = () => {
    localStorage.setItem('hearth-pms.simulator', simulator ? 'closed' : 'open')
    setSimulator(!simulator)
  }
  const { data: me } = useMe()
  useEffect(() => {
    document.title = `${TITLES[route.page]} · Hearth PMS`
  }, [route.page])
  return (
    <div className="pms" data-simulator={simulator ? 'open' : 'closed'}>
      <nav className="pms-nav" aria-label="Hearth PMS">
        <div className="pms-brand">
          <span className="pms-brand__mark" aria-hidden>
            H
          </span>
          <span>
            <span className="pms-brand__name">Hearth PMS</span>
            <span className="pms-brand__clinic">{session.clinicName}</span>
          </span>
        </div>
        <ul>
          {NAV.map((item) => (
            <li key={item.label}>
              <Link to={item.to} className="pms-nav__link" current={item.pages.includes(route.page)}>
                {item.icon}
                <span className="pms-nav__label">{item.label}</span>
                {item.label === 'Messaging' && <UnreadBadge className="pms-nav__badge" />}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="pms-main">
        <header className="pms-top">
          <h1 className="pms-top__title">{TITLES[route.page]}</h1>
          <button
            type="button"
            className="pms-button pms-button--ghost"
            aria-pressed={simulator}
            onClick={toggleSimulator}
          >
            <Smartphone aria-hidden /> <span className="pms-button__label">Phone simulator</span>
          </button>
          <div className="pms-user">
            <span className="pms-user__avatar" aria-hidden>
              {initials(session.user.name)}
            </span>
            <span className="pms-user__who">
              <span className="pms-user__name">{session.user.name}</span>
              <span className="pms-user__role">{session.user.role}</span>
            </span>
            <button type="button" className="pms-button pms-button--ghost" onClick={onSignOut}>
              <LogOut aria-hidden /> <span className="pms-button__label">Sign out</span>
            </button>
          </div>
        </header>
        <main className="pms-page" data-page={route.page}>
          <Page route={route} />
        </main>
      </div>
      {simulator && <PhoneSimulator clinicNumber={me?.clinic.smsNumber ?? null} onClose={toggleSimulator} />}
    </div>
  )
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'schedule':
      return <Schedule />
    case 'clients':
      return <Clients />
    case 'client':
      return <ClientProfile id={route.id} />
    case 'messaging':
      return <Messaging selectedId={route.id} />
    case 'reports':
      return <Reports />
    case 'settings':
      return <SettingsPage />
  }
}

const initials = (name: string) =>
  name
    .replace(/^Dr\.?\s+/, '')
    .split(/\s+/)
    .map((word) => word[0] ?? '')
    .slice(0, 2)
    .join('')
    .toUpperCase()

import { Mail, Smartphone, X } from 'lucide-react'
import { Tabs } from 'radix-ui'
import { Mailbox } from './Mailbox'
import { Phone } from './Phone'

/**
 * The phone simulator beside the PMS: text the clinic as a client or an unknown number (STOP,
 * START, HELP, a photo) and see its replies arrive; the mailbox shows the after-hours alert
 * e-mails. It talks to the reference server's simulator endpoints (development only).
 */
export function PhoneSimulator({ clinicNumber, onClose }: { clinicNumber: string | null; onClose: () => void }) {
  return (
    <aside className="sim" aria-label="Phone simulator">
      <header className="sim__header">
        <h2>Phone simulator</h2>
        <button type="button" className="pms-icon-button" aria-label="Close the phone simulator" onClick={onClose}>
          <X aria-hidden />
        </button>
      </header>
      <Tabs.Root defaultValue="phone" className="sim__tabs">
        <Tabs.List className="sim__tablist" aria-label="Simulator">
          <Tabs.Trigger value="phone" className="sim__tab">
            <Smartphone aria-hidden /> Phone
          </Tabs.Trigger>
          <Tabs.Trigger value="mailbox" className="sim__tab">
            <Mail aria-hidden /> Mailbox
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="phone" className="sim__panel">
          <Phone clinicNumber={clinicNumber} />
        </Tabs.Content>
        <Tabs.Content value="mailbox" className="sim__panel">
          <Mailbox />
        </Tabs.Content>
      </Tabs.Root>
    </aside>
  )
}

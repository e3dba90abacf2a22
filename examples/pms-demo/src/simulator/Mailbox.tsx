import { useInboxClient } from '@switchboard/react'
import { useQuery } from '@tanstack/react-query'
import { mailbox } from './phoneApi'

/** The e-mails the server sent (after-hours alerts), newest first, as plain text. */
export function Mailbox() {
  const inbox = useInboxClient()
  const mails = useQuery(
    { queryKey: ['hearth-simulator', 'mailbox'], queryFn: mailbox, refetchInterval: 3000 },
    inbox.queryClient,
  )
  if (mails.isError)
    return (
      <p className="pms-error" role="alert">
        {mails.error.message}
      </p>
    )
  if (!mails.data) return <p role="status">Opening the mailbox…</p>
  if (mails.data.length === 0)
    return (
      <p className="pms-muted sim__empty">
        No e-mail yet. Turn on the after-hours alert in Settings and text the clinic outside its hours.
      </p>
    )
  return (
    <ul className="sim__mails" aria-label="E-mails sent">
      {mails.data.map((mail, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the mailbox only grows, newest first: an entry's distance from the end is its identity.
        <li key={mails.data.length - index} className="sim__mail">
          <p className="sim__mail-subject">{mail.subject}</p>
          <p className="sim__mail-to">To: {mail.to.join(', ')}</p>
          <p className="sim__mail-text">{mail.text}</p>
        </li>
      ))}
    </ul>
  )
}

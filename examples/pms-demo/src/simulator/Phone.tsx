import { formatPhone, normalizePhone, phoneProblem } from '@switchboard/core'
import { ImagePlus, Paperclip, Send, X } from 'lucide-react'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { SCHEDULED_CLIENT_IDS } from '../appointments'
import { useClientRecord } from '../pages/useClientRecord'
import { type PhotoUpload, photoFromFile, samplePhoto } from './phoneApi'
import { type PhoneLine, usePhone } from './usePhone'

const PREVIEWABLE = /^image\/(png|jpeg|gif|webp)$/

/** A number no client has: 415-555-01xx to 415-555-09xx (0000–0099 are the simulator's landlines and phones that are off). */
const unknownNumber = () => `+1415555${String(100 + Math.floor(Math.random() * 900)).padStart(4, '0')}`

/** One simulated phone: pick whose it is, read its texts with the clinic, text the clinic. */
export function Phone({ clinicNumber }: { clinicNumber: string | null }) {
  const id = useId()
  const [phone, setPhone] = useState(() => sessionStorage.getItem('hearth-pms.phone') ?? unknownNumber())
  const [typed, setTyped] = useState(() => formatPhone(phone))
  useEffect(() => sessionStorage.setItem('hearth-pms.phone', phone), [phone])
  const problem = typed.trim() ? phoneProblem(typed.trim()) : 'Type a phone number.'
  const choose = (number: string) => {
    setTyped(formatPhone(number))
    setPhone(number)
  }
  /** The typed number, once it is one: used, and shown as the clinic writes it. */
  const settle = () => {
    if (problem) return
    choose(normalizePhone(typed.trim()))
  }
  return (
    <div className="sim__phone">
      <form
        className="sim__who"
        onSubmit={(event) => {
          event.preventDefault()
          settle()
        }}
      >
        <label htmlFor={`${id}-number`}>Texting as</label>
        <div className="sim__who-row">
          <input
            id={`${id}-number`}
            type="tel"
            value={typed}
            aria-invalid={problem !== null}
            aria-describedby={`${id}-number-hint`}
            onChange={(event) => setTyped(event.target.value)}
            onBlur={settle}
          />
          <button type="button" className="pms-button pms-button--small" onClick={() => choose(unknownNumber())}>
            New number
          </button>
        </div>
        <p id={`${id}-number-hint`} className={problem ? 'sim__hint sim__hint--error' : 'sim__hint'}>
          {problem ??
            `${formatPhone(phone)} texts the clinic${clinicNumber ? ` at ${formatPhone(clinicNumber)}` : ''}.`}
        </p>
        <ClientPhones onPick={choose} />
      </form>
      <Conversation phone={phone} clinicNumber={clinicNumber} />
    </div>
  )
}

/** Today's clients' numbers, to text as one of them. */
function ClientPhones({ onPick }: { onPick: (phone: string) => void }) {
  return (
    <fieldset className="sim__clients">
      <legend className="pms-visually-hidden">Text as a client</legend>
      {SCHEDULED_CLIENT_IDS.slice(0, 4).map((clientId) => (
        <ClientChip key={clientId} clientId={clientId} onPick={onPick} />
      ))}
    </fieldset>
  )
}

function ClientChip({ clientId, onPick }: { clientId: string; onPick: (phone: string) => void }) {
  const { data } = useClientRecord(clientId)
  const number = data?.phones[0]
  if (!data || !number) return null
  return (
    <button type="button" className="pms-chip" onClick={() => onPick(number)}>
      {data.firstName} {data.lastName}
    </button>
  )
}

function Conversation({ phone, clinicNumber }: { phone: string; clinicNumber: string | null }) {
  const { lines, send, sending, error, loadError } = usePhone(phone, clinicNumber)
  const [body, setBody] = useState('')
  const [photo, setPhoto] = useState<PhotoUpload | null>(null)
  const [photoError, setPhotoError] = useState<string | null>(null)
  const file = useRef<HTMLInputElement>(null)
  const list = useRef<HTMLOListElement>(null)
  const count = lines.length
  // The newest text in view whenever one arrives or is sent.
  useEffect(() => {
    if (list.current && count > 0) list.current.scrollTop = list.current.scrollHeight
  }, [count])
  const submit = async (event?: FormEvent) => {
    event?.preventDefault()
    if (await send(body, photo)) {
      setBody('')
      setPhoto(null)
    }
  }
  const attach = async (make: () => Promise<PhotoUpload>) => {
    setPhotoError(null)
    try {
      setPhoto(await make())
    } catch (e) {
      setPhotoError(e instanceof Error ? e.message : String(e))
    }
  }
  return (
    <>
      <ol ref={list} className="sim__thread" aria-label={`Texts of ${formatPhone(phone)}`}>
        {lines.length === 0 && <li className="pms-muted sim__empty">No texts with the clinic yet.</li>}
        {lines.map((line) => (
          <Line key={line.key} line={line} />
        ))}
      </ol>
      {(error ?? loadError ?? photoError) && (
        <p className="pms-error sim__error" role="alert">
          {error ?? loadError ?? photoError}
        </p>
      )}
      <fieldset className="sim__keywords">
        <legend className="pms-visually-hidden">Reply with a keyword</legend>
        {['STOP', 'START', 'HELP'].map((keyword) => (
          <button key={keyword} type="button" className="pms-chip" disabled={sending} onClick={() => send(keyword)}>
            Reply {keyword}
          </button>
        ))}
      </fieldset>
      <form className="sim__composer" onSubmit={submit}>
        {photo && (
          <div className="sim__attached">
            <Paperclip aria-hidden /> <span>{photo.name}</span>
            <button
              type="button"
              className="pms-icon-button"
              aria-label={`Remove ${photo.name}`}
              onClick={() => setPhoto(null)}
            >
              <X aria-hidden />
            </button>
          </div>
        )}
        <label className="pms-visually-hidden" htmlFor="sim-message">
          Text to the clinic
        </label>
        <textarea
          id="sim-message"
          rows={2}
          value={body}
          placeholder="Text the clinic…"
          onChange={(event) => setBody(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey) {
              event.preventDefault()
              void submit()
            }
          }}
        />
        <div className="sim__composer-actions">
          <input
            ref={file}
            type="file"
            accept="image/*"
            className="pms-visually-hidden"
            tabIndex={-1}
            aria-label="Photo to send"
            onChange={(event) => {
              const picked = event.target.files?.[0]
              event.target.value = ''
              if (picked) void attach(() => photoFromFile(picked))
            }}
          />
          <button
            type="button"
            className="pms-button pms-button--small pms-button--ghost"
            onClick={() => file.current?.click()}
          >
            <Paperclip aria-hidden /> Photo
          </button>
          <button
            type="button"
            className="pms-button pms-button--small pms-button--ghost"
            onClick={() => attach(samplePhoto)}
          >
            <ImagePlus aria-hidden /> Sample photo
          </button>
          <button type="submit" className="pms-button pms-button--small" disabled={sending}>
            <Send aria-hidden /> Send
          </button>
        </div>
      </form>
    </>
  )
}

const time = (at: string) => new Date(at).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' })

function Line({ line }: { line: PhoneLine }) {
  if (line.kind === 'sent')
    return (
      <li className="sim__line sim__line--sent">
        <span className="pms-visually-hidden">You: </span>
        {line.photo && PREVIEWABLE.test(line.photo.slice(5, line.photo.indexOf(';'))) && (
          <img className="sim__photo" src={line.photo} alt="Sent to the clinic" />
        )}
        {line.body && <span className="sim__body">{line.body}</span>}
        <time className="sim__time" dateTime={line.at}>
          {time(line.at)}
        </time>
      </li>
    )
  return (
    <li className="sim__line sim__line--received">
      <span className="pms-visually-hidden">Clinic: </span>
      {line.mediaUrls.map((url, index) => (
        <ClinicMedia key={url} url={url} index={index} />
      ))}
      {line.body && <span className="sim__body">{line.body}</span>}
      <time className="sim__time" dateTime={line.at}>
        {time(line.at)}
      </time>
    </li>
  )
}

/** A file the clinic sent: shown when it is an image from this site, else a link; never anything but http(s). */
function ClinicMedia({ url, index }: { url: string; index: number }) {
  const [asLink, setAsLink] = useState(false)
  let parsed: URL | null = null
  try {
    parsed = new URL(url, location.href)
  } catch {
    return null
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null
  if (asLink || parsed.origin !== location.origin)
    return (
      <a className="sim__file" href={parsed.href} target="_blank" rel="noopener noreferrer">
        Attachment {index + 1}
      </a>
    )
  return (
    <img
      className="sim__photo"
      src={parsed.href}
      alt={`Attachment ${index + 1} from the clinic`}
      onError={() => setAsLink(true)}
    />
  )
}

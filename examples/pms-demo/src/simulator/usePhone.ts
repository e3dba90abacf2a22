import { useInboxClient } from '@switchboard/react'
import { useQuery } from '@tanstack/react-query'
import { useCallback, useMemo, useState } from 'react'
import { ApiError } from '../api'
import { type PhotoUpload, type ReceivedText, receivedBy, type SentText, textClinic } from './phoneApi'

const KEY = 'hearth-pms.phone-sent'
const load = (): SentText[] => {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as SentText[]
  } catch {
    return []
  }
}

/** One line of a simulated phone's conversation with the clinic, either way. */
export type PhoneLine =
  | { kind: 'sent'; key: string; at: string; body: string; photo: string | null }
  | { kind: 'received'; key: string; at: string; body: string; mediaUrls: string[] }

/**
 * A simulated phone texting the clinic: what it sent (kept in this tab), what it received (read
 * from the server's simulator every 1.5 s), and `send`, which says why the server refused.
 */
export function usePhone(phone: string, clinicNumber: string | null) {
  const inbox = useInboxClient()
  const [sent, setSent] = useState<SentText[]>(load)
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const received = useQuery(
    {
      queryKey: ['hearth-simulator', 'received', phone],
      queryFn: () => receivedBy(phone),
      enabled: phone !== '',
      refetchInterval: 1500,
    },
    inbox.queryClient,
  )
  const lines = useMemo<PhoneLine[]>(() => {
    const mine: PhoneLine[] = sent
      .filter((text) => text.from === phone)
      .map((text) => ({ kind: 'sent', key: text.id, at: text.at, body: text.body, photo: text.photo }))
    const theirs: PhoneLine[] = (received.data ?? []).map((text: ReceivedText) => ({
      kind: 'received',
      key: text.providerMessageId,
      at: text.at,
      body: text.body,
      mediaUrls: text.mediaUrls,
    }))
    return [...mine, ...theirs].sort((a, b) => a.at.localeCompare(b.at))
  }, [sent, received.data, phone])

  const send = useCallback(
    async (body: string, photo: PhotoUpload | null = null): Promise<boolean> => {
      if (!clinicNumber) {
        setError('The clinic number is not known yet.')
        return false
      }
      if (!body.trim() && !photo) {
        setError('Type a text or attach a photo.')
        return false
      }
      setSending(true)
      setError(null)
      try {
        await textClinic({ from: phone, to: clinicNumber, body, photo })
        const text: SentText = {
          id: crypto.randomUUID(),
          from: phone,
          body,
          photo: photo ? `data:${photo.contentType};base64,${photo.base64}` : null,
          at: new Date().toISOString(),
        }
        setSent((previous) => {
          const next = [...previous, text].slice(-200)
          try {
            sessionStorage.setItem(KEY, JSON.stringify(next))
          } catch {
            // A full session storage keeps the texts in memory only.
          }
          return next
        })
        return true
      } catch (e) {
        setError(e instanceof ApiError ? e.message : String(e))
        return false
      } finally {
        setSending(false)
      }
    },
    [phone, clinicNumber],
  )
  return { lines, send, sending, error, loadError: received.error?.message ?? null }
}

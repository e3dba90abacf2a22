import type { SimulatedText } from '@switchboard/server'
import { call } from '../api'

/** A text the simulated phone received from the clinic (the reference server's simulator). */
export type ReceivedText = SimulatedText

/** A text the simulated phone sent to the clinic, kept by the panel. */
export interface SentText {
  id: string
  from: string
  body: string
  photo: string | null
  at: string
}

/** An e-mail the server sent (after-hours alerts), from the simulator's mailbox. */
export interface MailboxEntry {
  to: string[]
  subject: string
  text: string
}

/** A photo to send: its name, type and bytes in base64. */
export interface PhotoUpload {
  name: string
  contentType: string
  base64: string
}

export const textClinic = (text: { from: string; to: string; body: string; photo?: PhotoUpload | null }) =>
  call<unknown>('/simulator/texts', {
    method: 'POST',
    body: { from: text.from, to: text.to, body: text.body, ...(text.photo ? { media: [text.photo] } : {}) },
  })

export const receivedBy = (phone: string) => call<ReceivedText[]>(`/simulator/phones/${encodeURIComponent(phone)}`)

export const mailbox = () => call<MailboxEntry[]>('/simulator/mailbox')

/** Reads a picked file as a photo to send. */
export async function photoFromFile(file: File): Promise<PhotoUpload> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return { name: file.name, contentType: file.type || 'application/octet-stream', base64: btoa(binary) }
}

/** A sample photo drawn on the spot (a PNG of a sunny garden), for a demo with no picture at hand. */
export async function samplePhoto(): Promise<PhotoUpload> {
  const canvas = document.createElement('canvas')
  canvas.width = 480
  canvas.height = 360
  const g = canvas.getContext('2d')
  if (!g) throw new Error('This browser cannot draw the sample photo.')
  const sky = g.createLinearGradient(0, 0, 0, 360)
  sky.addColorStop(0, '#8ec5ff')
  sky.addColorStop(1, '#e8f4ff')
  g.fillStyle = sky
  g.fillRect(0, 0, 480, 360)
  g.fillStyle = '#5fae5a'
  g.fillRect(0, 250, 480, 110)
  g.fillStyle = '#ffd34d'
  g.beginPath()
  g.arc(400, 70, 36, 0, Math.PI * 2)
  g.fill()
  g.font = '120px serif'
  g.fillText('🐕', 150, 280)
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
  if (!blob) throw new Error('This browser cannot make the sample photo.')
  return photoFromFile(new File([blob], 'garden.png', { type: 'image/png' }))
}

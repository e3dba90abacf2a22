import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Composer, defaultStrings, plural, type StringKey } from '../index'
import { es } from '../locales/es'
import { InboxSettings, SmsMetrics, settingsStrings } from '../settings'
import { setup, startMsw } from './harness'

const server = startMsw()
const now = () => new Date('2026-11-30T18:00:00Z')
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
/** Strings that read the same in both languages. */
const SAME = new Set<StringKey>(['segments', 'total'])
/** Every English string: the inbox's and the settings' (which ship in their own entry). */
const english: Partial<Record<StringKey, string>> = { ...defaultStrings, ...settingsStrings }

describe('the Spanish dictionary', () => {
  it('has every string, translated, with the same placeholders', () => {
    for (const key of Object.keys(english) as StringKey[]) {
      const spanish = es[key]
      expect(spanish, key).toBeTypeOf('string')
      expect((spanish as string).trim().length, key).toBeGreaterThan(0)
      expect(placeholders(spanish as string), key).toEqual(placeholders(english[key] as string))
      if (!SAME.has(key)) expect(spanish, key).not.toBe(english[key])
    }
    expect(Object.keys(es).sort()).toEqual(Object.keys(english).sort())
  })

  it('names each button with its visible text first (axe: label-content-name-mismatch), in both languages', () => {
    const pairs: Array<[StringKey, StringKey]> = [
      ['rename', 'renameDocumentLabel'],
      ['rename', 'renameInboxLabel'],
      ['remove', 'removeDocumentLabel'],
      ['deleteAction', 'deleteTemplate'],
      ['edit', 'editTemplate'],
      ['archive', 'archiveInboxLabel'],
      ['restore', 'restoreInboxLabel'],
      ['unblockShort', 'unblockNumber'],
      ['addHours', 'addHoursFor'],
    ]
    const dictionaries: Array<Partial<Record<StringKey, string>>> = [english, es]
    for (const dictionary of dictionaries) {
      for (const [visible, label] of pairs) {
        expect((dictionary[label] as string).toLowerCase(), label).toContain(
          (dictionary[visible] as string).toLowerCase(),
        )
      }
    }
  })

  it('says counts in Spanish plural forms, numbers in the locale', () => {
    expect(plural(es, 'unreadTexts', 1, 'es-US')).toBe('1 mensaje sin leer')
    expect(plural(es, 'unreadTexts', 1200, 'es-US')).toBe('1,200 mensajes sin leer')
    expect(plural(es, 'charactersLeft', 1, 'es-US')).toBe('queda 1 carácter')
    expect(plural(es, 'charactersLeft', 0, 'es-US')).toBe('quedan 0 caracteres')
    expect(plural(defaultStrings, 'charactersLeft', 1, 'en-US')).toBe('1 character left')
  })
})

describe('components in Spanish', () => {
  it('the settings: Spanish strings, weekdays and dates from Intl', async () => {
    const { view } = setup(server)
    view(<InboxSettings now={now} />, { strings: es, locale: 'es-US' })
    const section = within(await screen.findByRole('region', { name: 'Respuesta automática fuera de horario' }))
    expect(await section.findByRole('group', { name: 'lunes' })).toBeInTheDocument()
    expect(
      section.getByText('La clínica está abierta: responde el personal, no se envía nada automático.'),
    ).toBeInTheDocument()
    expect(section.getByText(/^1 SMS · quedan \d+ caracteres$/)).toBeInTheDocument()
    expect(await screen.findByRole('region', { name: 'Plantillas' })).toBeInTheDocument()
    const optedOut = await screen.findAllByText(/^Se dio de baja el \d+ [a-z]+\.? 2026 /, {}, { timeout: 5000 })
    expect(optedOut.length).toBeGreaterThan(0)
  })

  it('the metrics: Spanish strings and dates', async () => {
    const { view } = setup(server)
    view(<SmsMetrics now={now} />, { strings: es, locale: 'es-US' })
    expect(
      await screen.findByRole('img', { name: /Mensajes enviados y recibidos por día, 30 días/ }),
    ).toBeInTheDocument()
    expect(screen.getByRole('table', { name: 'Enviados por origen' })).toBeInTheDocument()
    expect(screen.getByText(/^1 nov – 30 nov$/)).toBeInTheDocument()
  })

  it('the composer: its label and counter', async () => {
    const { backend, view } = setup(server)
    const m = await backend.simulateInbound('+16505550177', 'Hola')
    view(<Composer conversationId={m.conversationId} />, { strings: es, locale: 'es-US' })
    expect(await screen.findByRole('textbox', { name: 'Mensaje' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Enviar' })).toBeInTheDocument()
  })
})

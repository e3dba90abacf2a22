import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ClientHistory } from '../index'
import { dana, setup, startMsw } from './harness'

const server = startMsw()
/** A clock a second further on each read, so texts have distinct times. */
function ticking() {
  let n = 0
  return () => new Date(Date.parse('2026-11-30T18:00:00Z') + n++ * 1000)
}
const editor = { ...dana, permissions: [...dana.permissions, 'clients.edit' as const] }

async function ana(backend: ReturnType<typeof setup>['backend']) {
  return backend.service.createClient(editor, {
    firstName: 'Ana',
    lastName: 'Lima',
    phones: ['+16505550151', '+16505550152', '+16505550153'],
  })
}

describe('ClientHistory', () => {
  it('shows every text with the client across numbers, newest first, closed conversations kept, deleted ones not', async () => {
    const { backend, view } = setup(server, { clock: ticking() })
    const client = await ana(backend)
    const first = await backend.simulateInbound('+16505550151', 'Is Mochi ready?')
    await backend.service.updateConversation(dana, first.conversationId, { status: 'closed' })
    const newest = await backend.simulateInbound('+16505550152', 'From my work phone')
    const gone = await backend.simulateInbound('+16505550153', 'Deleted one')
    await backend.service.deleteConversation(dana, gone.conversationId)
    view(<ClientHistory clientId={client.id} />)
    const region = await screen.findByRole('region', { name: 'Text history' })
    const items = await within(region).findAllByRole('listitem')
    const texts = items.map((item) => item.textContent ?? '')
    expect(texts.findIndex((t) => t.includes('From my work phone'))).toBeLessThan(
      texts.findIndex((t) => t.includes('Is Mochi ready?')),
    )
    expect(texts.some((t) => t.includes('Deleted one'))).toBe(false)
    // The day heading, in the machine's time zone.
    const day = new Date(newest.createdAt).toLocaleDateString('en-US', {
      weekday: 'long',
      month: 'long',
      day: 'numeric',
    })
    expect(texts[0]?.startsWith(day)).toBe(true)
    expect(within(region).getByRole('status')).toHaveTextContent('Start of the history')
  })

  it('loads older pages on demand', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const client = await ana(backend)
    for (let i = 1; i <= 55; i++) await backend.simulateInbound('+16505550151', `Text ${i}`)
    view(<ClientHistory clientId={client.id} />)
    const region = await screen.findByRole('region', { name: 'Text history' })
    await user.click(await within(region).findByRole('button', { name: 'Load older messages' }))
    expect(await within(region).findByText('Start of the history')).toBeInTheDocument()
  })

  it('says when there is nothing yet, and when the history cannot be read (with a retry)', async () => {
    const user = userEvent.setup()
    const { backend, view } = setup(server)
    const client = await ana(backend)
    backend.failNext({ method: 'GET', path: '/clients/:id/messages', status: 404 })
    view(<ClientHistory clientId={client.id} />)
    expect(await screen.findByRole('alert')).toHaveTextContent(/Could not load/)
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('No texts with this client yet.')).toBeInTheDocument()
  })
})

import type { Message } from '@switchboard/protocol'
import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { MessageBubble } from '../index'
import { setup, startMsw } from './harness'

const server = startMsw()

const message: Message = {
  id: 'msg_1',
  conversationId: 'cnv_1',
  seq: 3,
  direction: 'outbound',
  origin: 'staff',
  author: { id: 'usr_priya', name: 'Priya Natarajan' },
  body: 'Biscuit is ready for pick-up',
  attachments: [],
  status: 'delivered',
  createdAt: '2026-11-30T15:04:00Z',
  updatedAt: '2026-11-30T15:04:09Z',
}

describe('MessageBubble', () => {
  it('draws its parts in the host’s order, and forwards ref and props to its element', () => {
    const { view } = setup(server)
    const ref = { current: null as HTMLDivElement | null }
    view(
      <MessageBubble ref={ref} message={message} data-testid="bubble" title="From the clinic">
        <MessageBubble.Meta />
        <MessageBubble.Content />
      </MessageBubble>,
    )
    const bubble = screen.getByTestId('bubble')
    expect(ref.current).toBe(bubble)
    expect(bubble).toHaveAttribute('title', 'From the clinic')
    expect(bubble).toHaveAttribute('data-state', 'delivered')
    const meta = bubble.querySelector('.sb-message__meta') as HTMLElement
    const body = screen.getByText('Biscuit is ready for pick-up')
    expect(meta.compareDocumentPosition(body) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(meta).toHaveTextContent(/Priya Natarajan.*Delivered/)
  })

  it('shows who wrote it and when only under the last message of a group', () => {
    const { view } = setup(server)
    view(
      <>
        <MessageBubble message={message} group="first" data-testid="first" />
        <MessageBubble message={{ ...message, id: 'msg_2', body: 'And her meds' }} group="last" data-testid="last" />
      </>,
    )
    expect(screen.getByTestId('first').querySelector('.sb-message__meta')).toBeNull()
    expect(screen.getByTestId('last').querySelector('.sb-message__meta')).toHaveTextContent('Priya Natarajan')
  })

  it('says clearly when a part is used outside a bubble', () => {
    expect(() => render(<MessageBubble.Meta />)).toThrow('MessageBubble.Meta must be inside a <MessageBubble>.')
  })
})

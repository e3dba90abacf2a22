import { describe, expect, it } from 'vitest'
import { expectError, setup } from './harness'

async function failedText(h: ReturnType<typeof setup>, code: string, phone = '+16505550177') {
  const { conversation } = await h.service.startConversation(h.dana, { phone })
  h.gateway.failNext(code, 'refused')
  const failed = await h.service.sendMessage(h.marcus, conversation.id, {
    clientMessageId: `first-${phone}`,
    body: 'Mochi is ready',
  })
  expect(failed.status).toBe('failed')
  return { id: conversation.id, failed }
}

describe('sending a failed text again', () => {
  it('sends the same text once more after an unreachable phone, footer not doubled, and marks the first as sent again', async () => {
    const h = setup()
    const { id, failed } = await failedText(h, '30003')
    expect(failed.body).toMatch(/^Mochi is ready\n\n.*STOP/)
    const again = await h.service.resendMessage(h.marcus, id, failed.id, { clientMessageId: 'again-1' })
    expect(again.body).toBe(failed.body)
    expect(again.status).not.toBe('failed')
    expect(h.gateway.sent.at(-1)?.body).toBe(failed.body)
    const thread = await h.service.listMessages(h.dana, id)
    expect(thread.items.find((m) => m.id === failed.id)?.resentAs).toBe(again.id)
    // The same request twice is one message; another try of the same failed text is refused.
    expect((await h.service.resendMessage(h.marcus, id, failed.id, { clientMessageId: 'again-1' })).id).toBe(again.id)
    await expectError(h.service.resendMessage(h.marcus, id, failed.id, { clientMessageId: 'again-2' }), 'conflict')
    expect(
      h.events.some(
        ({ event }) => event.type === 'message.updated' && event.message.id === failed.id && event.message.resentAs,
      ),
    ).toBe(true)
  })

  it('is refused where sending again would fail the same way: a landline, a number not in service', async () => {
    for (const code of ['30006', '30005']) {
      const h = setup()
      const { id, failed } = await failedText(h, code)
      await expectError(h.service.resendMessage(h.marcus, id, failed.id, { clientMessageId: 'again' }), 'conflict')
      expect(h.gateway.sent).toHaveLength(0)
    }
  })

  it('is refused once the contact opted out or was blocked, and for a message that did not fail', async () => {
    const h = setup()
    const { id, failed } = await failedText(h, '30007')
    await h.text('+16505550177', 'STOP')
    await expectError(
      h.service.resendMessage(h.marcus, id, failed.id, { clientMessageId: 'again' }),
      'recipient_opted_out',
    )
    const other = await failedText(h, '30003', '+16505550178')
    await h.service.block(h.dana, '+16505550178')
    await expectError(
      h.service.resendMessage(h.marcus, other.id, other.failed.id, { clientMessageId: 'again-b' }),
      'recipient_blocked',
    )
    const fine = await h.service
      .sendMessage(h.marcus, other.id, { clientMessageId: 'ok', body: 'hi' })
      .catch(() => null)
    expect(fine).toBeNull()
    await expectError(h.service.resendMessage(h.marcus, id, 'msg_nope', { clientMessageId: 'x' }), 'not_found')
    await expectError(h.service.resendMessage(h.marcus, id, failed.id, {} as never), 'validation_failed')
  })
})

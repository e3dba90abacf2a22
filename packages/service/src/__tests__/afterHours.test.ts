import { describe, expect, it } from 'vitest'
import { CLOSED_TIME, setup } from './harness'

describe('after-hours auto-reply and alert', () => {
  it('one auto-reply and one e-mail per contact per closed period', async () => {
    const h = setup()
    h.setNow(CLOSED_TIME)
    await h.text('+16505550177', 'Is anyone there?')
    await h.text('+16505550177', 'Hello??')
    await h.text('+16505550178', 'Question about Luna')
    const autoReplies = h.gateway.sent.filter((s) => s.body.startsWith('Thanks for texting'))
    expect(autoReplies.map((s) => s.to)).toEqual(['+16505550177', '+16505550178'])
    expect(h.mailer.sent).toHaveLength(2)
    expect(h.mailer.sent[0]).toMatchObject({
      to: ['frontdesk@maplegrove.example'],
      subject: 'Maple Grove Veterinary: new text after hours from +16505550177',
    })
    expect(h.mailer.sent[0]!.text).toContain('Is anyone there?')

    h.setNow(new Date('2026-12-01T17:00:00Z')) // Tue 09:00: open
    await h.text('+16505550177', 'Good morning')
    expect(h.gateway.sent.filter((s) => s.body.startsWith('Thanks for texting'))).toHaveLength(2)
    h.setNow(new Date('2026-12-02T06:00:00Z')) // Tue 22:00: the next closed period
    await h.text('+16505550177', 'Me again')
    expect(h.gateway.sent.filter((s) => s.body.startsWith('Thanks for texting'))).toHaveLength(3)
    expect(h.mailer.sent).toHaveLength(3)
  })

  it('the auto-reply is a message of the thread, labelled auto-reply; none when switched off', async () => {
    const h = setup()
    h.setNow(CLOSED_TIME)
    const inbound = await h.text('+16505550177', 'Hi')
    const { items } = await h.service.listMessages(h.dana, inbound.conversationId)
    expect(items.map((m) => m.origin)).toEqual(['client', 'auto-reply'])

    const settings = await h.service.getSettings(h.dana)
    await h.service.updateSettings(h.dana, { ...settings, autoReply: { ...settings.autoReply, enabled: false } })
    await h.text('+16505550178', 'Hi')
    expect(h.gateway.sent.map((s) => s.to)).not.toContain('+16505550178')
    expect(h.mailer.sent).toHaveLength(2)
  })

  it('no auto-reply to opted-out contacts or keyword texts; still one alert', async () => {
    const h = setup()
    await h.text('+16505550177', 'STOP')
    h.setNow(CLOSED_TIME)
    const sentBefore = h.gateway.sent.length
    await h.text('+16505550177', 'actually I have a question')
    await h.text('+16505550179', 'HELP')
    expect(h.gateway.sent.slice(sentBefore).map((s) => s.body)).toEqual([expect.stringMatching(/Call us at/)])
    expect(h.mailer.sent).toHaveLength(1)
  })

  it('a mailer failure is reported, never lost nor undoing the text', async () => {
    const h = setup()
    h.mailer.send = async () => {
      throw new Error('SMTP down')
    }
    h.setNow(CLOSED_TIME)
    const message = await h.text('+16505550177', 'Hi')
    expect(message.status).toBe('received')
    expect(h.errors).toEqual([new Error('SMTP down')])
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { classifyKeyword, readsAsOptOutRequest } from '../rules'
import { CLOSED_TIME, setup } from './harness'

describe('opt-out keywords, as people really type them', () => {
  it.each([
    ['REVOKE', 'REVOKE'],
    ['opt out', 'OPT OUT'],
    ['Opt-Out', 'OPT OUT'],
    ['opt_out', 'OPT OUT'],
    ['OPTOUT', 'OPTOUT'],
    ['ＳＴＯＰ', 'STOP'], // full-width
    ['𝐒𝐓𝐎𝐏', 'STOP'], // mathematical bold
    ['S\u200BT\u200COP', 'STOP'], // zero-width characters inside
    ['\uFEFFstop\u00AD', 'STOP'], // byte-order mark, soft hyphen
    ['"Stop."', 'STOP'],
    ['STOP!!! 🛑', 'STOP'],
    ['*unsubscribe*', 'UNSUBSCRIBE'],
    ['Arrêt', 'ARRET'],
    ['\u202Estop', 'STOP'],
  ])('%j opts out as %s', (body, keyword) => {
    expect(classifyKeyword(body)).toEqual({ kind: 'opt-out', keyword })
  })

  it('START and HELP stay strict: the whole message, nothing more', () => {
    expect(classifyKeyword('Ｓｔａｒｔ')).toEqual({ kind: 'opt-in', keyword: 'START' })
    expect(classifyKeyword('help?')).toEqual({ kind: 'help', keyword: 'HELP' })
    expect(classifyKeyword('start tomorrow')).toBeNull()
    expect(classifyKeyword('I need help with my bill')).toBeNull()
    expect(classifyKeyword('yes please')).toBeNull()
  })

  it('any case, width, invisible characters and punctuation around a keyword read the same', () => {
    const invisible = fc.constantFrom('', '\u200B', '\u200D', '\uFEFF', '\u00AD', '\u2060')
    const around = fc.constantFrom('', ' ', '!', '.', '...', '"', '🛑', '*', '  \n')
    fc.assert(
      fc.property(
        fc.constantFrom('STOP', 'QUIT', 'END', 'REVOKE', 'CANCEL', 'UNSUBSCRIBE', 'STOPALL', 'OPTOUT'),
        fc.array(fc.tuple(fc.boolean(), fc.boolean(), invisible), { minLength: 12, maxLength: 12 }),
        around,
        around,
        (word, styles, before, after) => {
          const typed = [...word]
            .map((ch, i) => {
              const [lower, wide, extra] = styles[i] ?? [false, false, '']
              let c = lower ? ch.toLowerCase() : ch
              if (wide) c = String.fromCharCode(c.charCodeAt(0) + 0xfee0)
              return c + extra
            })
            .join('')
          expect(classifyKeyword(`${before}${typed}${after}`)).toEqual({ kind: 'opt-out', keyword: word })
        },
      ),
    )
  })
})

describe('opt-outs in other words', () => {
  it.each([
    'Please stop texting me',
    'please stop',
    'Stop it',
    'STOP STOP STOP',
    "don't text me",
    'Don’t message this number again',
    'do not text me anymore',
    'No more texts please',
    'I want to unsubscribe from these',
    'take me off your list',
    'Remove me from this',
    'stop sending me these messages',
    'Leave me alone',
    'no me envíen más mensajes',
    'Arrêtez de m’écrire',
    'Stop please, wrong number',
    'I think you have the wrong number',
  ])('%j reads as a request to stop', (body) => {
    expect(readsAsOptOutRequest(body)).toBe(true)
  })

  it.each([
    'Can you stop by at 3?',
    "Don't forget to text me when Luna is ready",
    'Please cancel my appointment on Tuesday',
    'The bus stop is next to your clinic',
    'Thanks, see you then',
    'Is Biscuit ready?',
    '',
  ])('%j does not', (body) => {
    expect(readsAsOptOutRequest(body)).toBe(false)
  })

  it('flags the conversation for staff; nothing is sent automatically, not even the auto-reply', async () => {
    const h = setup()
    h.setNow(CLOSED_TIME)
    const text = await h.text('+16505550177', 'Please stop texting me')
    const conversation = await h.service.getConversation(h.dana, text.conversationId)
    expect(conversation.contact.optedOut).toBeNull()
    expect(conversation.optOutRequest).toEqual({
      messageId: text.id,
      at: CLOSED_TIME.toISOString(),
      excerpt: 'Please stop texting me',
    })
    expect(h.gateway.sent).toHaveLength(0)
    expect(h.mailer.sent).toHaveLength(1) // staff still hear of it
    const listed = await h.service.listConversations(h.dana, { q: '6505550177' })
    expect(listed.items[0]?.optOutRequest?.messageId).toBe(text.id)
  })

  it('recording it opts the contact out and clears the flag; dismissing clears it and keeps them textable', async () => {
    const h = setup()
    const a = await h.text('+16505550177', "don't text me")
    const recorded = await h.service.recordConsent(h.marcus, '+16505550177', {
      status: 'revoked',
      scope: 'transactional',
      method: 'sms-reply',
      note: 'Replied "don\'t text me"',
    })
    expect(recorded.optedOut).toMatchObject({ via: 'staff' })
    expect((await h.service.getConversation(h.dana, a.conversationId)).optOutRequest).toBeNull()

    const b = await h.text('+16505550178', 'no more messages')
    const dismissed = await h.service.updateConversation(h.marcus, b.conversationId, { optOutRequest: null })
    expect(dismissed.optOutRequest).toBeNull()
    expect(dismissed.contact.optedOut).toBeNull()
    expect(h.events.at(-1)?.event).toMatchObject({ type: 'conversation.updated' })
  })

  it('a STOP after the flag answers it; an opted-out contact is never flagged', async () => {
    const h = setup()
    const text = await h.text('+16505550177', 'please stop')
    await h.text('+16505550177', 'STOP')
    const conversation = await h.service.getConversation(h.dana, text.conversationId)
    expect(conversation.optOutRequest).toBeNull()
    expect(conversation.contact.optedOut).toMatchObject({ via: 'keyword' })
    await h.text('+16505550177', 'stop texting me!!')
    expect((await h.service.getConversation(h.dana, text.conversationId)).optOutRequest).toBeNull()
  })
})

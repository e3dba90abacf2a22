import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { classifyKeyword, HELP_KEYWORDS, OPT_IN_KEYWORDS, OPT_OUT_KEYWORDS } from '../rules'
import { expectError, setup } from './harness'

const ALL = [...OPT_OUT_KEYWORDS, ...OPT_IN_KEYWORDS, ...HELP_KEYWORDS]
const randomCase = (word: string) =>
  fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((flags) => [...word].map((ch, i) => (flags[i] ? ch.toLowerCase() : ch)).join(''))
const space = fc.constantFrom('', ' ', '  ', '\n', '\t', ' \n ')

describe('classifyKeyword', () => {
  it('recognises every keyword alone, in any case, trimmed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL).chain((k) => fc.tuple(fc.constant(k), randomCase(k), space, space)),
        ([keyword, cased, before, after]) => {
          const result = classifyKeyword(`${before}${cased}${after}`)
          expect(result?.keyword).toBe(keyword)
          const kind = (OPT_OUT_KEYWORDS as readonly string[]).includes(keyword)
            ? 'opt-out'
            : (OPT_IN_KEYWORDS as readonly string[]).includes(keyword)
              ? 'opt-in'
              : 'help'
          expect(result?.kind).toBe(kind)
        },
      ),
    )
  })

  it('never reads a keyword inside a longer message', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL),
        fc.string({ minLength: 1, maxLength: 20 }).filter((s) => /[\p{L}\p{N}]/u.test(s)),
        fc.boolean(),
        (keyword, extra, before) => {
          const body = before ? `${extra} ${keyword}` : `${keyword} ${extra}`
          expect(classifyKeyword(body)).toBeNull()
        },
      ),
    )
  })

  it.each([
    ['stop please', null],
    ['Stop!', 'STOP'],
    ['STOP.', 'STOP'],
    ['stopp', null],
    ['Yes', 'YES'],
    ['yes please', null],
    ['', null],
  ])('%j → %s', (body, keyword) => {
    expect(classifyKeyword(body)?.keyword ?? null).toBe(keyword)
  })
})

describe('keywords in the service', () => {
  it('STOP opts out at once, records it, and sends one confirmation', async () => {
    const h = setup()
    await h.text('+16505550177', 'Hi')
    const sentBefore = h.gateway.sent.length
    const stop = await h.text('+16505550177', '  stop ')
    const conversation = await h.service.getConversation(h.dana, stop.conversationId)
    expect(conversation.contact.optedOut).toEqual({ at: '2026-11-30T18:00:00.000Z', via: 'keyword', keyword: 'STOP' })
    expect(conversation.contact.consent.at(-1)).toMatchObject({ status: 'revoked', method: 'sms-keyword' })
    expect(h.gateway.sent.length).toBe(sentBefore + 1)
    expect(h.gateway.sent.at(-1)?.body).toMatch(/unsubscribed/)
    expect(h.gateway.sent.at(-1)?.body).not.toMatch(/Reply STOP to opt out\.$/)
    await h.text('+16505550177', 'STOP')
    expect(h.gateway.sent.length).toBe(sentBefore + 1)
    const optedOut = await h.service.listContacts(h.dana, { optedOut: true })
    expect(optedOut.map((c) => c.phone)).toContain('+16505550177')
  })

  it('"stop please" is not a keyword: nothing is recorded by itself, staff are asked', async () => {
    const h = setup()
    const message = await h.text('+16505550177', 'stop please, wrong number')
    const conversation = await h.service.getConversation(h.dana, message.conversationId)
    expect(conversation.contact.optedOut).toBeNull()
    expect(conversation.optOutRequest?.messageId).toBe(message.id)
  })

  it('START, UNSTOP and YES opt back in; YES is an ordinary answer otherwise', async () => {
    for (const word of OPT_IN_KEYWORDS) {
      const h = setup({ conversations: 0 })
      const yes = await h.text('+16505550177', 'yes')
      expect(h.gateway.sent).toHaveLength(0)
      await h.text('+16505550177', 'END')
      await h.text('+16505550177', word.toLowerCase())
      const conversation = await h.service.getConversation(h.dana, yes.conversationId)
      expect(conversation.contact.optedOut).toBeNull()
      expect(h.gateway.sent.at(-1)?.body).toMatch(/resubscribed/)
      const sent = await h.service.sendMessage(h.dana, yes.conversationId, {
        clientMessageId: 'after',
        body: 'Welcome back',
      })
      expect(sent.status).toBe('sending')
    }
  })

  it('HELP and INFO answer with the help text, even when opted out', async () => {
    const h = setup()
    await h.text('+16505550177', 'STOPALL')
    await h.text('+16505550177', 'info')
    expect(h.gateway.sent.at(-1)?.body).toBe(
      'Maple Grove Veterinary: Call us at (415) 555-0100. Reply STOP to opt out. Msg & data rates may apply.',
    )
    await expectError(h.service.startConversation(h.dana, { phone: '+16505550177', body: 'x' }), 'recipient_opted_out')
  })
})

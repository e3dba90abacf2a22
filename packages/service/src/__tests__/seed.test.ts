import { type Conversation, conversationSchema, messageSchema, parsePhone } from '@switchboard/protocol'
import { describe, expect, it } from 'vitest'
import { generateSeed, seedPhone } from '../index'
import { setup } from './harness'

describe('generateSeed', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateSeed({ seed: 5, conversations: 30 })).toEqual(generateSeed({ seed: 5, conversations: 30 }))
    expect(generateSeed({ seed: 5, conversations: 30 })).not.toEqual(generateSeed({ seed: 6, conversations: 30 }))
  })

  it('makes distinct, valid phone numbers', () => {
    const phones = Array.from({ length: 5000 }, (_, i) => seedPhone(i * 20))
    expect(new Set(phones).size).toBe(phones.length)
    for (const phone of phones.slice(0, 500)) expect(parsePhone(phone).ok, phone).toBe(true)
  })

  it('covers every scenario the inbox must show', async () => {
    const h = setup({ conversations: 300, seed: 11 })
    const all: Conversation[] = []
    let cursor: string | undefined
    do {
      const page = await h.service.listConversations(h.dana, {
        status: 'all',
        limit: 200,
        ...(cursor ? { cursor } : {}),
      })
      all.push(...page.items)
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    for (const c of all) expect(conversationSchema.safeParse(c).success).toBe(true)
    const messages = h.seed.clinics[0]!.messages
    for (const m of messages.slice(0, 300)) expect(messageSchema.safeParse(m).success).toBe(true)
    expect(all.some((c) => c.client === null)).toBe(true)
    expect(all.some((c) => c.contact.optedOut)).toBe(true)
    expect(all.some((c) => c.contact.blocked)).toBe(true)
    expect(all.some((c) => c.status === 'closed') && all.some((c) => c.status === 'open')).toBe(true)
    expect(all.some((c) => c.unreadCount > 0) && all.some((c) => c.markedUnread)).toBe(true)
    expect(all.some((c) => c.assigneeId) && all.some((c) => c.inboxId)).toBe(true)
    expect(messages.some((m) => m.status === 'failed' && m.error)).toBe(true)
    expect(messages.some((m) => m.origin === 'campaign' && m.campaign)).toBe(true)
    expect(messages.some((m) => m.attachments.some((a) => a.contentType === 'application/pdf'))).toBe(true)
    expect(messages.some((m) => m.attachments.some((a) => a.contentType.startsWith('image/')))).toBe(true)
    expect(messages.some((m) => /\p{Extended_Pictographic}/u.test(m.body))).toBe(true)
    expect(messages.some((m) => m.body.length > 160)).toBe(true)
    const clients = h.seed.clinics[0]!.clients
    expect(clients.some((c) => c.balance.amountMinor > 0) && clients.every((c) => c.patients.length > 0)).toBe(true)
  })

  it('reads like a clinic’s texts: what a text promises it carries, replies in order, one name per pet', () => {
    const clinic = generateSeed({ seed: 11, conversations: 400 }).clinics[0]!
    const byConversation = new Map<string, typeof clinic.messages>()
    for (const m of clinic.messages)
      byConversation.set(m.conversationId, [...(byConversation.get(m.conversationId) ?? []), m])
    for (const m of clinic.messages) {
      if (/here is the photo/i.test(m.body))
        expect(m.attachments.some((a) => a.contentType.startsWith('image/'))).toBe(true)
      if (/invoice .*attached/i.test(m.body))
        expect(m.attachments.some((a) => a.contentType === 'application/pdf')).toBe(true)
    }
    for (const thread of byConversation.values()) {
      const times = thread.map((m) => m.createdAt)
      expect(times).toEqual([...times].sort())
      // No thread is one word repeated: each text answers the one before.
      const bodies = thread.map((m) => m.body)
      for (let i = 1; i < bodies.length; i++) expect(bodies[i]).not.toBe(bodies[i - 1])
    }
    // Some clients send two texts within a minute (the thread groups them).
    expect(
      [...byConversation.values()].some((t) =>
        t.some(
          (m, i) =>
            i > 0 && m.direction === 'inbound' && Date.parse(m.createdAt) - Date.parse(t[i - 1]!.createdAt) < 60_000,
        ),
      ),
    ).toBe(true)
    for (const client of clinic.clients) {
      const names = client.patients.map((p) => p.name)
      expect(new Set(names).size).toBe(names.length)
    }
  })

  it('builds 100,000 conversations', () => {
    const seed = generateSeed({ conversations: 100_000 })
    expect(seed.clinics[0]!.conversations).toHaveLength(100_000)
    expect(() => generateSeed({ conversations: 100_001 })).toThrow(RangeError)
  }, 60_000)
})

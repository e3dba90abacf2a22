import { describe, expect, it } from 'vitest'
import {
  createInboxService,
  createMemoryFileStore,
  createMemoryStorage,
  createSignedFileUrls,
  generateSeed,
} from '../index'
import { CLINIC_NUMBER, expectError, OPEN_TIME, setup } from './harness'

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
const PDF = new TextEncoder().encode('%PDF-1.7\n...')
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')

/** Everything a refused webhook could have left behind. */
const stateOf = (h: ReturnType<typeof setup>) => ({
  clinic: h.storage.dump('cln_maple'),
  files: h.files.size(),
  sent: h.gateway.sent.length,
  mails: h.mailer.sent.length,
  events: h.events.length,
})

describe('inbound MMS from a provider', () => {
  it('keeps media as the clinic’s own files, typed by their bytes: an SVG dressed as PNG is only a download', async () => {
    const h = setup()
    const message = await h.service.receiveInbound({
      to: CLINIC_NUMBER,
      from: '+16505550177',
      body: 'Pics',
      media: [
        { name: 'rash.png', contentType: 'image/png', data: PNG },
        { name: 'logo.png', contentType: 'image/png', data: SVG },
        { name: 'C:\\Users\\eve\\invoice\u202Efdp.exe', contentType: 'application/pdf', data: PDF },
        { contentType: 'image/png', data: PNG },
      ],
    })
    expect(message.attachments.map(({ name, contentType }) => ({ name, contentType }))).toEqual([
      { name: 'rash.png', contentType: 'image/png' },
      { name: 'logo.png', contentType: 'application/octet-stream' },
      { name: 'invoicefdp.exe', contentType: 'application/pdf' },
      { name: 'attachment-4.png', contentType: 'image/png' },
    ])
    for (const a of message.attachments) expect(a.url).toBe(`/files/${a.id}`)
    expect(h.files.get(message.attachments[0]!.id)).toMatchObject({ clinicId: 'cln_maple', contentType: 'image/png' })
    // An inbound file belongs to its conversation: it cannot be sent into another one.
    const other = await h.service.startConversation(h.dana, { phone: '+16505550178' })
    await expectError(
      h.service.sendMessage(h.dana, other.conversation.id, {
        clientMessageId: 'fwd',
        body: 'x',
        attachmentIds: [message.attachments[0]!.id],
      }),
      'not_found',
    )
  })

  it.each([
    ['no sender', { to: CLINIC_NUMBER, body: 'hi' }],
    ['a sender that is not text', { to: CLINIC_NUMBER, from: 16505550177, body: 'hi' }],
    ['media with no bytes', { to: CLINIC_NUMBER, from: '+16505550177', media: [{ name: 'a.png' }] }],
    ['media given as a URL', { to: CLINIC_NUMBER, from: '+16505550177', media: [{ url: 'javascript:alert(1)' }] }],
    ['empty media', { to: CLINIC_NUMBER, from: '+16505550177', media: [{ data: new Uint8Array() }] }],
    ['a negative size', { to: CLINIC_NUMBER, from: '+16505550177', media: [{ data: PNG, size: -1 }], body: 'x' }],
    ['eleven media', { to: CLINIC_NUMBER, from: '+16505550177', media: Array(11).fill({ data: PNG }) }],
    ['a 10,000-character body', { to: CLINIC_NUMBER, from: '+16505550177', body: 'x'.repeat(10_000) }],
    ['neither body nor media', { to: CLINIC_NUMBER, from: '+16505550177', body: '  ' }],
    ['a sender that is no number', { to: CLINIC_NUMBER, from: 'not-a-number', body: 'hi' }],
  ])('a payload with %s is refused whole with a 4xx code, nothing stored', async (_, payload) => {
    const h = setup()
    const before = stateOf(h)
    const error = await h.service.receiveInbound(payload as never).then(
      () => null,
      (e: { status: number; code: string }) => e,
    )
    expect(error?.status).toBeGreaterThanOrEqual(400)
    expect(error?.status).toBeLessThan(500)
    expect(error?.code).toMatch(/^(validation_failed|invalid_phone)$/)
    expect(stateOf(h)).toEqual(before)
  })

  it('media over the MMS limit are refused (413) and none of them is kept', async () => {
    const h = setup()
    const big = new Uint8Array(3_000_000)
    big.set(PNG)
    const before = stateOf(h)
    await expectError(
      h.service.receiveInbound({ to: CLINIC_NUMBER, from: '+16505550177', media: [{ data: big }, { data: big }] }),
      'attachment_too_large',
    )
    expect(stateOf(h)).toEqual(before)
  })

  it('a webhook delivered twice records one message and keeps one copy of its media', async () => {
    const h = setup()
    const payload = {
      to: CLINIC_NUMBER,
      from: '+16505550177',
      body: 'x',
      media: [{ data: PNG }],
      providerMessageId: 'SM1',
    }
    const a = await h.service.receiveInbound(payload)
    const files = h.files.size()
    const b = await h.service.receiveInbound(payload)
    expect(b.id).toBe(a.id)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(h.files.size()).toBe(files)
  })
})

describe('uploads used in several conversations', () => {
  it('deleting one conversation keeps the file for the other; the last delete removes it', async () => {
    const h = setup()
    const upload = await h.service.uploadAttachment(h.dana, {
      name: 'care.pdf',
      contentType: 'application/pdf',
      data: PDF,
    })
    const send = async (phone: string) =>
      (await h.service.startConversation(h.dana, { phone, body: 'Aftercare sheet', attachmentIds: [upload.id] }))
        .conversation.id
    const a = await send('+16505550177')
    const b = await send('+16505550178')
    await h.service.deleteConversation(h.dana, a)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(h.files.get(upload.id)).toBeDefined()
    const [kept] = (await h.service.listMessages(h.dana, b)).items
    expect(kept?.attachments[0]?.id).toBe(upload.id)
    await h.service.deleteConversation(h.dana, b)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(h.files.get(upload.id)).toBeUndefined()
    expect(h.storage.dump('cln_maple').attachments).not.toHaveProperty(upload.id)
  })
})

describe('starting a conversation with a first message', () => {
  it.each([
    ['an unknown attachment', { attachmentIds: ['att_nope'] }, 'not_found'],
    ['eleven attachments', { attachmentIds: Array(11).fill('att_lib_intake') }, 'validation_failed'],
    ['attachments over the limit', 'big' as const, 'attachment_too_large'],
  ])('refused for %s creates no conversation', async (_, extra: { attachmentIds: string[] } | 'big', code) => {
    const h = setup()
    const big = new Uint8Array(3_000_000)
    big.set(PNG)
    const ids =
      extra === 'big'
        ? {
            attachmentIds: await Promise.all(
              [1, 2].map(
                async (i) =>
                  (await h.service.uploadAttachment(h.dana, { name: `${i}.png`, contentType: 'image/png', data: big }))
                    .id,
              ),
            ),
          }
        : extra
    const before = stateOf(h)
    await expectError(h.service.startConversation(h.dana, { phone: '+16505550188', body: 'Hi', ...ids }), code)
    expect(stateOf(h)).toEqual(before)
  })
})

describe('signed file URLs', () => {
  const secret = 'a-secret-of-at-least-thirty-two-characters'
  const files = createSignedFileUrls({ secret, ttlMs: 3_600_000 })
  const url = files.sign('/files/att_1', { clinicId: 'cln_maple', fileId: 'att_1' }, OPEN_TIME)
  const proof = files.proofOf(new URL(url, 'https://clinic.example'), 'att_1')

  it('are valid until they expire, for that clinic and file only', () => {
    expect(url).toMatch(/^\/files\/att_1\?c=cln_maple&exp=\d+&sig=[0-9a-f]{64}$/)
    expect(files.verify(proof, OPEN_TIME)).toBeNull()
    expect(files.verify(proof, new Date(OPEN_TIME.getTime() + 2 * 3_600_000 + 1))).toBe('expired')
    expect(files.verify({ ...proof, clinicId: 'cln_harbour' }, OPEN_TIME)).toBe('invalid')
    expect(files.verify({ ...proof, fileId: 'att_2' }, OPEN_TIME)).toBe('invalid')
    expect(files.verify({ ...proof, expires: Number(proof.expires) + 3600 }, OPEN_TIME)).toBe('invalid')
    expect(files.verify({ fileId: 'att_1' }, OPEN_TIME)).toBe('missing')
    const other = createSignedFileUrls({ secret: `${secret}!` })
    expect(other.verify(proof, OPEN_TIME)).toBe('invalid')
    expect(() => createSignedFileUrls({ secret: 'short' })).toThrow(/32/)
  })

  it('every attachment the service hands out is signed: replies, pages, history, events, catch-up, provider', async () => {
    const seed = generateSeed({ conversations: 5 })
    const storage = createMemoryStorage({ clinics: seed.clinics })
    const fileStore = createMemoryFileStore()
    const sent: string[][] = []
    const service = createInboxService({
      storage,
      files: fileStore,
      fileUrls: files,
      clock: () => OPEN_TIME,
      gateway: {
        async send(sms) {
          sent.push(sms.mediaUrls)
          return { providerMessageId: `SM${sent.length}` }
        },
      },
    })
    const pushed: string[] = []
    service.subscribe((_, event) => {
      if ('message' in event) pushed.push(...event.message.attachments.map((a) => a.url))
    })
    const dana = { clinicId: 'cln_maple', userId: 'usr_dana', permissions: ['messaging' as const] }
    const signed = /\?c=cln_maple&exp=\d+&sig=[0-9a-f]{64}$/
    const upload = await service.uploadAttachment(dana, { name: 'a.png', contentType: 'image/png', data: PNG })
    expect(upload.url).toMatch(signed)
    const inbound = await service.receiveInbound({ to: CLINIC_NUMBER, from: '+16505550177', media: [{ data: PNG }] })
    expect(inbound.attachments[0]?.url).toMatch(signed)
    const reply = await service.sendMessage(dana, inbound.conversationId, {
      clientMessageId: 'c',
      body: 'thanks',
      attachmentIds: [upload.id],
    })
    expect(reply.attachments[0]?.url).toMatch(signed)
    const page = await service.listMessages(dana, inbound.conversationId)
    expect(page.items.flatMap((m) => m.attachments.map((a) => a.url))).toEqual([
      expect.stringMatching(signed),
      expect.stringMatching(signed),
    ])
    expect((await service.listLibrary(dana))[0]?.url).toMatch(signed)
    expect(
      (await service.eventsAfter(dana, { after: 0 })).events
        .flatMap((e) => ('message' in e ? e.message.attachments : []))
        .map((a) => a.url),
    ).toEqual(expect.arrayContaining([expect.stringMatching(signed)]))
    expect(pushed.length).toBeGreaterThan(0)
    for (const u of pushed) expect(u).toMatch(signed)
    expect(sent.flat()).toEqual([expect.stringMatching(signed)])
    // What is stored is never the signed link.
    const stored = storage.dump('cln_maple').attachments as Record<string, { url: string }>
    expect(stored[upload.id]?.url).toBe(`/files/${upload.id}`)
  })
})

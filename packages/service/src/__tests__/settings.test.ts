import { describe, expect, it } from 'vitest'
import { CLINIC_NUMBER, expectError, setup } from './harness'

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])

describe('templates', () => {
  it('are added, edited and deleted by settings managers, with known variables only', async () => {
    const h = setup()
    const added = await h.service.createTemplate(h.dana, {
      name: 'Vaccines due',
      category: 'Reminders',
      body: 'Hi {{client.firstName}}, {{ patient.name }} is due on {{appointment.date}}.',
    })
    expect((await h.service.listTemplates(h.marcus)).at(-1)).toEqual(added)
    const edited = await h.service.updateTemplate(h.dana, added.id, { body: 'Hi {{client.firstName}}!' })
    expect(edited).toEqual({ ...added, body: 'Hi {{client.firstName}}!' })

    const unknown = await expectError(
      h.service.createTemplate(h.dana, { name: 'X', category: 'Y', body: 'Hi {{client.first}} {{pet}}' }),
      'validation_failed',
    )
    expect(unknown.message).toContain('unknown variable(s) {{client.first}}, {{pet}}')
    await expectError(
      h.service.createTemplate(h.dana, { name: 'X', category: 'Y', body: 'Hi {{client.firstName}' }),
      'validation_failed',
    )
    await expectError(h.service.createTemplate(h.dana, { name: 'vaccines DUE', category: 'Y', body: 'x' }), 'conflict')
    await expectError(h.service.updateTemplate(h.dana, 'tpl_ready', { name: 'Vaccines due' }), 'conflict')
    await expectError(h.service.createTemplate(h.marcus, { name: 'X', category: 'Y', body: 'x' }), 'forbidden')
    await expectError(h.service.updateTemplate(h.dana, added.id, { name: 'Two\nlines' }), 'validation_failed')

    await h.service.deleteTemplate(h.dana, added.id)
    expect((await h.service.listTemplates(h.dana)).some((t) => t.id === added.id)).toBe(false)
    await expectError(h.service.deleteTemplate(h.dana, added.id), 'not_found')
    await expectError(h.service.updateTemplate(h.dana, added.id, { name: 'Back' }), 'not_found')
  })
})

describe('inboxes', () => {
  it('are renamed and archived; an archived one takes no new conversations but keeps its own', async () => {
    const h = setup()
    const conversation = (await h.service.listConversations(h.dana, { status: 'all' })).items[0]!
    await h.service.moveToInbox(h.dana, conversation.id, 'inb_billing')
    const renamed = await h.service.updateInbox(h.dana, 'inb_billing', { name: 'Accounts' })
    expect(renamed).toEqual({ id: 'inb_billing', name: 'Accounts' })
    await expectError(h.service.updateInbox(h.dana, 'inb_billing', { name: 'front DESK' }), 'conflict')
    await expectError(h.service.updateInbox(h.dana, 'inb_billing', {}), 'validation_failed')
    await expectError(h.service.updateInbox(h.marcus, 'inb_billing', { archived: true }), 'forbidden')
    await expectError(h.service.updateInbox(h.dana, 'inb_nope', { archived: true }), 'not_found')

    expect(await h.service.updateInbox(h.dana, 'inb_billing', { archived: true })).toEqual({
      id: 'inb_billing',
      name: 'Accounts',
      archived: true,
    })
    const other = (await h.service.listConversations(h.dana, { status: 'all' })).items[1]!
    const refusal = await expectError(h.service.moveToInbox(h.dana, other.id, 'inb_billing'), 'conflict')
    expect(refusal.message).toBe('The inbox "Accounts" is archived: it takes no new conversations.')
    const kept = await h.service.listConversations(h.dana, { status: 'all', inbox: 'inb_billing' })
    expect(kept.items.map((c) => c.id)).toContain(conversation.id)
    await h.service.moveToInbox(h.dana, conversation.id, null)

    expect(await h.service.updateInbox(h.dana, 'inb_billing', { archived: false })).toEqual({
      id: 'inb_billing',
      name: 'Accounts',
    })
    await h.service.moveToInbox(h.dana, other.id, 'inb_billing')
  })
})

describe('the document library', () => {
  it('takes uploads from settings managers; renames keep the extension; removal spares sent texts', async () => {
    const h = setup()
    const upload = { name: 'Price list.png', contentType: 'image/png', data: PNG, library: true }
    await expectError(h.service.uploadAttachment(h.marcus, upload), 'forbidden')
    const doc = await h.service.uploadAttachment(h.dana, upload)
    expect((await h.service.listLibrary(h.marcus)).map((d) => d.name)).toContain('Price list.png')

    expect((await h.service.renameDocument(h.dana, doc.id, { name: 'Prices 2027' })).name).toBe('Prices 2027.png')
    expect((await h.service.renameDocument(h.dana, doc.id, { name: 'Prices.PNG' })).name).toBe('Prices.png')
    await expectError(h.service.renameDocument(h.dana, doc.id, { name: '   ' }), 'validation_failed')
    await expectError(h.service.renameDocument(h.dana, doc.id, { name: 'a\u202Eb' }), 'validation_failed')
    await expectError(h.service.renameDocument(h.marcus, doc.id, { name: 'Mine' }), 'forbidden')

    // Sent once: the text keeps its file after the document leaves the library.
    const inbound = await h.text('+16505550177', 'Prices?')
    const sent = await h.service.sendMessage(h.dana, inbound.conversationId, {
      clientMessageId: 'p',
      body: 'Here you go',
      attachmentIds: [doc.id],
    })
    await h.service.removeDocument(h.dana, doc.id)
    expect((await h.service.listLibrary(h.dana)).some((d) => d.id === doc.id)).toBe(false)
    expect(h.files.get(doc.id)).toBeDefined()
    const thread = await h.service.listMessages(h.dana, sent.conversationId)
    expect(thread.items.at(-1)?.attachments.map((a) => a.id)).toEqual([doc.id])
    await expectError(h.service.removeDocument(h.dana, doc.id), 'not_found')

    // Never sent: the file goes too.
    const unused = await h.service.uploadAttachment(h.dana, { ...upload, name: 'Map.png' })
    await h.service.removeDocument(h.dana, unused.id)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(h.files.get(unused.id)).toBeUndefined()
  })
})

describe('opted-out and blocked lists', () => {
  it('lists each with when and how', async () => {
    const h = setup({ conversations: 0 })
    await h.text('+16505550177', 'STOP')
    await h.service.block(h.dana, '+16505550178')
    const optedOut = await h.service.listContacts(h.marcus, { optedOut: true })
    expect(optedOut.map((c) => [c.phone, c.optedOut?.via, c.optedOut?.keyword])).toEqual([
      ['+16505550177', 'keyword', 'STOP'],
    ])
    const blocked = await h.service.listContacts(h.marcus, { blocked: true })
    expect(blocked.map((c) => c.phone)).toEqual(['+16505550178'])
  })
})

describe('metrics', () => {
  it('count billed segments, failure reasons and days in the clinic’s own time zone', async () => {
    const h = setup({ conversations: 0, clinic: { timezone: 'Asia/Kathmandu' } })
    const settings = await h.service.getSettings(h.dana)
    await h.service.updateSettings(h.dana, {
      ...settings,
      optOutFooter: 'STOP to end',
      businessHours: {
        ...settings.businessHours,
        timezone: 'Asia/Kathmandu',
        weekly: Array(7).fill([{ open: '00:00', close: '24:00' }]),
      },
    })
    expect((await h.service.me(h.dana)).clinic.timezone).toBe('Asia/Kathmandu')
    // 18:10Z is 23:55 in Kathmandu (+5:45); 18:20Z is 00:05 the next day.
    h.setNow(new Date('2026-11-30T18:10:00Z'))
    const inbound = await h.text(`+16505550177`, 'ł'.repeat(71))
    h.setNow(new Date('2026-11-30T18:20:00Z'))
    await h.service.sendMessage(h.dana, inbound.conversationId, { clientMessageId: 'a', body: 'x'.repeat(300) })
    const [sent] = h.gateway.sent
    await h.service.applyDeliveryStatus({
      clinicNumber: CLINIC_NUMBER,
      providerMessageId: sent!.providerMessageId,
      status: 'failed',
      errorCode: '30007',
    })
    const metrics = await h.service.metrics(h.dana, {
      from: '2026-11-30T00:00:00.000Z',
      to: '2026-12-01T12:00:00.000Z',
    })
    expect(metrics.timezone).toBe('Asia/Kathmandu')
    // 300 characters and the footer: three GSM-7 segments; 71 UCS-2 characters: two.
    expect(metrics.totals).toMatchObject({ sent: 1, failed: 1, received: 1, segmentsSent: 3, segmentsReceived: 2 })
    expect(metrics.failures).toEqual({ 'carrier-rejected': 1 })
    expect(metrics.days.map((d) => [d.date, d.received, d.sent])).toEqual([
      ['2026-11-30', 1, 0],
      ['2026-12-01', 0, 1],
    ])
    await expectError(
      h.service.metrics(h.dana, { from: '2025-01-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' }),
      'validation_failed',
    )
  })
})

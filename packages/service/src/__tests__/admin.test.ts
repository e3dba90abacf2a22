import { describe, expect, it } from 'vitest'
import { expectError, setup } from './harness'

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
const PDF = new TextEncoder().encode('%PDF-1.7\n...')
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')

describe('attachments', () => {
  it('accepts images and PDFs proven by their bytes, with a safe name', async () => {
    const h = setup()
    const image = await h.service.uploadAttachment(h.marcus, {
      name: '../../etc/x-ray\u0007.png',
      contentType: 'image/png',
      data: PNG,
    })
    expect(image).toMatchObject({ name: 'x-ray.png', contentType: 'image/png', size: PNG.byteLength })
    expect(image.url).toBe(`/files/${image.id}`)
    const pdf = await h.service.uploadAttachment(h.marcus, {
      name: 'Invoice.pdf',
      contentType: 'application/octet-stream',
      data: PDF,
    })
    expect(pdf.contentType).toBe('application/pdf')
    expect(pdf.thumbnailUrl).toBeUndefined()
  })

  it('refuses SVG, HTML dressed as PNG, empty and oversized files with clear codes', async () => {
    const h = setup()
    const svg = await expectError(
      h.service.uploadAttachment(h.marcus, { name: 'logo.svg', contentType: 'image/svg+xml', data: SVG }),
      'attachment_type_not_allowed',
    )
    expect(svg.status).toBe(415)
    await expectError(
      h.service.uploadAttachment(h.marcus, {
        name: 'cat.png',
        contentType: 'image/png',
        data: new TextEncoder().encode('<html>'),
      }),
      'attachment_type_not_allowed',
    )
    await expectError(
      h.service.uploadAttachment(h.marcus, { name: 'a.png', contentType: 'image/png', data: new Uint8Array() }),
      'validation_failed',
    )
    const big = new Uint8Array(5_000_001)
    big.set(PNG)
    const tooBig = await expectError(
      h.service.uploadAttachment(h.marcus, { name: 'a.png', contentType: 'image/png', data: big }),
      'attachment_too_large',
    )
    expect(tooBig.status).toBe(413)
    expect(tooBig.message).toBe('"a.png" is larger than 5 MB.')
  })

  it('refuses a message whose attachments add up past the MMS limit', async () => {
    const h = setup()
    const data = new Uint8Array(3_000_000)
    data.set(PNG)
    const a = await h.service.uploadAttachment(h.marcus, { name: 'a.png', contentType: 'image/png', data })
    const b = await h.service.uploadAttachment(h.marcus, { name: 'b.png', contentType: 'image/png', data })
    const { conversation } = await h.service.startConversation(h.marcus, { phone: '6505550177' })
    await expectError(
      h.service.sendMessage(h.marcus, conversation.id, { clientMessageId: 'x', attachmentIds: [a.id, b.id] }),
      'attachment_too_large',
    )
    const sent = await h.service.sendMessage(h.marcus, conversation.id, {
      clientMessageId: 'y',
      attachmentIds: [a.id, 'att_lib_dental'],
    })
    expect(sent.attachments.map((x) => x.name)).toEqual(['a.png', 'Dental aftercare.pdf'])
    expect(h.gateway.sent.at(-1)?.mediaUrls).toEqual([a.url, '/files/att_lib_dental'])
  })
})

describe('contacts and consent', () => {
  it('block and unblock; the conversation shows it', async () => {
    const h = setup()
    const inbound = await h.text('+16505550177', 'hi')
    expect((await h.service.block(h.dana, '(650) 555-0177')).blocked).toBe(true)
    expect((await h.service.getConversation(h.dana, inbound.conversationId)).contact.blocked).toBe(true)
    expect((await h.service.unblock(h.dana, '+16505550177')).blocked).toBe(false)
    await expectError(h.service.block(h.dana, 'not a phone'), 'invalid_phone')
  })

  it('consent records keep method, scope, when and by whom; a revocation opts out', async () => {
    const h = setup()
    const granted = await h.service.recordConsent(h.marcus, '6505550177', {
      status: 'granted',
      method: 'verbal',
      scope: 'marketing',
      note: 'at the desk',
    })
    expect(granted.consent).toEqual([
      {
        status: 'granted',
        method: 'verbal',
        scope: 'marketing',
        note: 'at the desk',
        at: '2026-11-30T18:00:00.000Z',
        recordedBy: 'usr_marcus',
      },
    ])
    expect(granted.optedOut).toBeNull()
    const revoked = await h.service.recordConsent(h.marcus, '6505550177', {
      status: 'revoked',
      method: 'written',
      scope: 'transactional',
    })
    expect(revoked.optedOut).toMatchObject({ via: 'staff' })
    await expectError(
      h.service.recordConsent(h.marcus, '6505550177', { status: 'maybe' } as never),
      'validation_failed',
    )
  })

  it('consent given on an earlier day keeps that day; a day still to come is refused', async () => {
    const h = setup()
    const contact = await h.service.recordConsent(h.marcus, '6505550177', {
      status: 'granted',
      method: 'written',
      scope: 'transactional',
      at: '2026-11-20T12:00:00.000Z',
    })
    expect(contact.consent.at(-1)?.at).toBe('2026-11-20T12:00:00.000Z')
    await expectError(
      h.service.recordConsent(h.marcus, '6505550177', {
        status: 'granted',
        method: 'written',
        scope: 'marketing',
        at: '2026-12-02T12:00:00.000Z',
      }),
      'validation_failed',
    )
  })

  it('a number taken off a client’s record is theirs no more: its conversation is a lead again', async () => {
    const h = setup()
    const editor = { ...h.dana, permissions: [...h.dana.permissions, 'clients.edit' as const] }
    const client = await h.service.createClient(editor, {
      firstName: 'Ana',
      lastName: 'Lima',
      phones: ['+16505550121', '+16505550122'],
    })
    const inbound = await h.text('+16505550122', 'Hi')
    expect((await h.service.getConversation(h.dana, inbound.conversationId)).client?.id).toBe(client.id)
    await h.service.updateClient(editor, client.id, { phones: ['+16505550121'] })
    expect((await h.service.getConversation(h.dana, inbound.conversationId)).client).toBeNull()
    expect((await h.service.getConversation(h.dana, inbound.conversationId)).contact.clientId).toBeNull()
  })

  it('a staff-recorded grant does not undo a STOP', async () => {
    const h = setup()
    await h.text('+16505550177', 'STOP')
    const contact = await h.service.recordConsent(h.dana, '6505550177', {
      status: 'granted',
      method: 'written',
      scope: 'transactional',
    })
    expect(contact.optedOut).toMatchObject({ via: 'keyword' })
  })
})

describe('clients', () => {
  it('search by name, pet or phone; create links numbers already texting; edits reach the conversation', async () => {
    const h = setup()
    const seeded = h.seed.clinics[0]!.clients[0]!
    expect((await h.service.searchClients(h.marcus, { q: seeded.lastName })).map((c) => c.id)).toContain(seeded.id)
    expect((await h.service.searchClients(h.marcus, { q: seeded.phones[0]!.slice(-4) })).map((c) => c.id)).toContain(
      seeded.id,
    )

    const inbound = await h.text('+16505550177', 'hi it is Ana')
    const ana = await h.service.createClient(h.dana, { firstName: 'Ana', lastName: 'Silva', phones: ['650 555 0177'] })
    expect(ana.phones).toEqual(['+16505550177'])
    expect((await h.service.getConversation(h.dana, inbound.conversationId)).client?.firstName).toBe('Ana')
    await h.service.updateClient(h.dana, ana.id, { firstName: 'Anna' })
    expect((await h.service.getConversation(h.dana, inbound.conversationId)).client?.firstName).toBe('Anna')
    expect(h.events.at(-1)?.event).toMatchObject({ type: 'conversation.updated' })
    await expectError(h.service.createClient(h.dana, { firstName: '', lastName: 'x' }), 'validation_failed')
    await expectError(
      h.service.createClient(h.dana, { firstName: 'a', lastName: 'b', phones: ['123'] }),
      'invalid_phone',
    )
    await expectError(h.service.updateClient(h.dana, 'cli_nope', { firstName: 'x' }), 'not_found')
  })
})

describe('settings, templates, team, metrics', () => {
  it('settings round-trip and are validated', async () => {
    const h = setup()
    const settings = await h.service.getSettings(h.dana)
    const changed = {
      ...settings,
      optOutFooter: 'Text STOP to end.',
      afterHoursAlert: { enabled: true, recipients: ['a@b.example'] },
    }
    expect(await h.service.updateSettings(h.dana, changed)).toEqual(changed)
    expect(await h.service.getSettings(h.marcus)).toEqual(changed)
    await expectError(
      h.service.updateSettings(h.dana, { ...changed, afterHoursAlert: { enabled: true, recipients: ['nope'] } }),
      'validation_failed',
    )
    const hours = changed.businessHours
    const reversed = {
      ...hours,
      weekly: hours.weekly.map((d, i) => (i === 1 ? [{ open: '18:00', close: '08:00' }] : d)),
    }
    const error = await h.service.updateSettings(h.dana, { ...changed, businessHours: reversed }).catch((e) => e)
    expect(error).toMatchObject({ code: 'validation_failed' })
    expect(error.details.issues).toEqual([
      { path: 'businessHours.weekly.1.0.close', message: 'must be after the opening time' },
    ])
    const overlapping = [
      { open: '08:00', close: '12:00' },
      { open: '11:00', close: '17:00' },
    ]
    for (const bad of [
      { ...hours, weekly: hours.weekly.map((d, i) => (i === 2 ? overlapping : d)) },
      { ...hours, timezone: 'Mars/Olympus_Mons' },
      { ...hours, holidays: [{ date: '2026-02-30', name: 'Nope' }] },
      { ...hours, holidays: [...hours.holidays, hours.holidays[0]!] },
      { ...hours, weekly: [] },
    ]) {
      await expectError(h.service.updateSettings(h.dana, { ...changed, businessHours: bad }), 'validation_failed')
    }
    await expectError(
      h.service.updateSettings(h.dana, {
        ...changed,
        afterHoursAlert: { enabled: true, recipients: ['a@b.example', 'A@b.example'] },
      }),
      'validation_failed',
    )
    await expectError(
      h.service.updateSettings(h.dana, { ...changed, afterHoursAlert: { enabled: true, recipients: [] } }),
      'validation_failed',
    )
    await expectError(h.service.updateSettings(h.marcus, changed), 'forbidden')
    const { conversation } = await h.service.startConversation(h.dana, { phone: '6505550177', body: 'Hi' })
    expect(conversation.lastMessage?.body).toBe('Hi\n\nText STOP to end.')
  })

  it('templates, team and me', async () => {
    const h = setup()
    const templates = await h.service.listTemplates(h.marcus)
    expect(templates.find((t) => t.id === 'tpl_ready')?.body).toContain('{{patient.name}}')
    const team = await h.service.listTeam(h.marcus)
    expect(team.map((m) => m.role)).toContain('Kennel assistant')
    const me = await h.service.me(h.marcus)
    expect(me).toMatchObject({
      user: { id: 'usr_marcus', name: 'Marcus Bell' },
      clinic: { timezone: 'America/Los_Angeles' },
    })
    expect(me.limits.allowedContentTypes).not.toContain('image/svg+xml')
  })

  it('metrics count sent, delivered, failed and received for the period, by origin', async () => {
    const h = setup({ conversations: 0 })
    const from = '2026-11-30T00:00:00.000Z'
    const to = '2026-12-01T00:00:00.000Z'
    const inbound = await h.text('+16505550177', 'hi')
    await h.text('+16505550177', 'there')
    const a = await h.service.sendMessage(h.dana, inbound.conversationId, { clientMessageId: 'a', body: 'one' })
    await h.service.sendMessage(h.dana, inbound.conversationId, { clientMessageId: 'b', body: 'two' })
    await h.service.sendCampaignMessage('cln_maple', {
      phone: '+16505550178',
      body: 'Reminder',
      campaign: { id: 'c', name: 'Reminders' },
      purpose: 'transactional',
    })
    const [first, second] = h.gateway.sent
    await h.service.applyDeliveryStatus({
      clinicNumber: '+14155550100',
      providerMessageId: first!.providerMessageId,
      status: 'delivered',
    })
    await h.service.applyDeliveryStatus({
      clinicNumber: '+14155550100',
      providerMessageId: second!.providerMessageId,
      status: 'failed',
      errorCode: '30006',
    })
    expect(a.origin).toBe('staff')
    const metrics = await h.service.metrics(h.dana, { from, to })
    const counts = (sent: number, delivered: number, failed: number, received: number, segments = sent) => ({
      sent,
      delivered,
      failed,
      received,
      segmentsSent: segments,
      segmentsReceived: received,
    })
    expect(metrics.totals).toEqual(counts(3, 1, 1, 2))
    expect(metrics.byOrigin.staff).toEqual(counts(2, 1, 1, 0))
    expect(metrics.byOrigin.campaign).toEqual(counts(1, 0, 0, 0))
    expect(metrics.failures).toEqual({ landline: 1 })
    // Days of the clinic (Los Angeles): the period starts at 4 pm on the 29th.
    expect(metrics.timezone).toBe('America/Los_Angeles')
    expect(metrics.days).toEqual([
      { date: '2026-11-29', ...counts(0, 0, 0, 0) },
      { date: '2026-11-30', ...counts(3, 1, 1, 2) },
    ])
    expect((await h.service.metrics(h.dana, { from: to, to: '2026-12-02T00:00:00.000Z' })).totals.received).toBe(0)
    await expectError(h.service.metrics(h.dana, { from: to, to: from }), 'validation_failed')
  })
})

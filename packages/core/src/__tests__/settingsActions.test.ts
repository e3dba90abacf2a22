import type { Attachment, Contact, Inbox, Template } from '@switchboard/protocol'
import { describe, expect, it, vi } from 'vitest'
import { inboxKeys } from '../index'
import { httpClient, useMsw } from './mockHarness'

const msw = useMsw()
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])
/** Polls often: the optimistic state lasts as long as the backend's latency. */
const soon = { interval: 5, timeout: 2000 }
const png = (name: string) => Object.assign(new Blob([PNG], { type: 'image/png' }), { name })

describe('settings actions: the cached lists change at once, and back on a refusal', () => {
  it('templates: added, edited at once, deleted at once and back when refused', async () => {
    const backend = msw.backend({ latency: 150 })
    const client = httpClient(backend)
    await client.connect()
    await client.queryClient.fetchQuery(client.queries.templates())
    const templates = () => client.queryClient.getQueryData<Template[]>(inboxKeys.templates()) ?? []

    const added = await client.actions.createTemplate({
      name: 'Dental week',
      category: 'Campaigns',
      body: 'Hi {{client.firstName}}, book {{patient.name}} a dental check.',
    })
    expect(templates().at(-1)).toEqual(added)

    const editing = client.actions.updateTemplate(added.id, { name: 'Dental month' })
    await vi.waitFor(() => expect(templates().at(-1)?.name).toBe('Dental month'), soon)
    await editing

    const unknown = await client.actions
      .createTemplate({ name: 'X', category: 'Y', body: '{{pet.name}}' })
      .catch((e) => e)
    expect(unknown).toMatchObject({ code: 'validation_failed' })
    expect(unknown.message).toContain('{{pet.name}}')

    backend.failNext({ method: 'DELETE', path: `/templates/${added.id}`, status: 403 })
    const deleting = client.actions.deleteTemplate(added.id)
    await vi.waitFor(() => expect(templates().some((t) => t.id === added.id)).toBe(false), soon)
    expect(await deleting.catch((e) => e.code)).toBe('forbidden')
    expect(templates().some((t) => t.id === added.id)).toBe(true)
    await client.actions.deleteTemplate(added.id)
    expect(templates().some((t) => t.id === added.id)).toBe(false)
  })

  it('inboxes: renamed and archived at once', async () => {
    const backend = msw.backend({ latency: 150 })
    const client = httpClient(backend)
    await client.connect()
    await client.queryClient.fetchQuery(client.queries.inboxes())
    const inbox = () =>
      client.queryClient.getQueryData<Inbox[]>(inboxKeys.inboxes())?.find((i) => i.id === 'inb_billing')
    const archiving = client.actions.updateInbox('inb_billing', { name: 'Accounts', archived: true })
    await vi.waitFor(() => expect(inbox()).toEqual({ id: 'inb_billing', name: 'Accounts', archived: true }), soon)
    await archiving
    expect(await client.actions.updateInbox('inb_billing', { name: 'Front desk' }).catch((e) => e.code)).toBe(
      'conflict',
    )
    expect(inbox()?.name).toBe('Accounts')
  })

  it('the library: a document added, renamed and removed in the cached list', async () => {
    const backend = msw.backend()
    const client = httpClient(backend)
    await client.connect()
    await client.queryClient.fetchQuery(client.queries.library())
    const library = () => client.queryClient.getQueryData<Attachment[]>(inboxKeys.library()) ?? []
    const document = await client.actions.addDocument(png('Aftercare.png'))
    expect(library().map((d) => d.name)).toContain('Aftercare.png')
    expect((await client.actions.renameDocument(document.id, 'After surgery')).name).toBe('After surgery.png')
    expect(library().find((d) => d.id === document.id)?.name).toBe('After surgery.png')
    await client.actions.removeDocument(document.id)
    expect(library().some((d) => d.id === document.id)).toBe(false)
    const svg = Object.assign(new Blob(['<svg/>'], { type: 'image/svg+xml' }), { name: 'logo.svg' })
    expect(await client.actions.addDocument(svg).catch((e) => e.code)).toBe('attachment_type_not_allowed')

    const technician = httpClient(backend, { token: 'tok_usr_marcus' })
    await technician.connect()
    expect(await technician.actions.addDocument(png('Mine.png')).catch((e) => e.code)).toBe('forbidden')
  })

  it('the blocked list follows blocks and unblocks', async () => {
    const backend = msw.backend()
    const client = httpClient(backend)
    await client.connect()
    await client.queryClient.fetchQuery(client.queries.contacts({ blocked: true }))
    const blocked = () =>
      client.queryClient.getQueryData<Contact[]>(inboxKeys.contacts({ blocked: true }))?.map((c) => c.phone) ?? []
    const { conversation } = await client.actions.startConversation({ phone: '+16505550190' })
    await client.actions.block(conversation.contact.phone)
    expect(blocked()).toContain('+16505550190')
    await client.actions.unblock(conversation.contact.phone)
    expect(blocked()).not.toContain('+16505550190')
  })
})

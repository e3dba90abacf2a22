import { readdirSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startServer } from './serverHarness'

const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1,
])
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF')
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff])

type Running = Awaited<ReturnType<typeof startServer>>
let running: Running
let token: string
beforeEach(async () => {
  running = await startServer()
  token = await running.tokenFor('usr_dana')
})
afterEach(async () => {
  await running.stop()
})

const upload = async (name: string, type: string, bytes: Uint8Array, library = false) => {
  const form = new FormData()
  form.set('file', new Blob([Uint8Array.from(bytes)], { type }), name)
  if (library) form.set('library', 'true')
  const response = await fetch(`${running.api}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  })
  return { status: response.status, body: await response.json() }
}

describe('attachments', () => {
  it('keeps an upload on disk under an opaque name and serves it to its signed link only', async () => {
    const { status, body } = await upload('photo of Biscuit.png', 'image/png', PNG)
    expect(status).toBe(201)
    expect(body.url).toMatch(new RegExp(`^${running.api}/files/${body.id}\\?c=cln_maple&exp=\\d+&sig=[0-9a-f]{64}$`))
    const file = await fetch(body.url)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('image/png')
    expect(file.headers.get('x-content-type-options')).toBe('nosniff')
    expect(file.headers.get('content-security-policy')).toContain('sandbox')
    expect(file.headers.get('content-disposition')).toMatch(/^inline/)
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PNG)

    const tampered = new URL(body.url)
    tampered.searchParams.set('sig', '0'.repeat(64))
    const unsigned = `${running.api}/files/${body.id}`
    const otherClinic = new URL(body.url)
    otherClinic.searchParams.set('c', 'cln_harbour')
    for (const url of [tampered.href, unsigned, otherClinic.href]) {
      const refused = await fetch(url)
      expect(refused.status).toBe(403)
      expect((await refused.json()).error.code).toBe('forbidden')
    }
  })

  it('serves a PDF only as a download', async () => {
    const { body } = await upload('invoice.pdf', 'application/pdf', PDF)
    const file = await fetch(body.url)
    expect(file.headers.get('content-type')).toBe('application/pdf')
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''invoice\.pdf/)
  })

  it('refuses an SVG, a renamed executable and an oversized file, keeping nothing', async () => {
    expect(await upload('cute.png', 'image/png', SVG)).toMatchObject({
      status: 415,
      body: { error: { code: 'attachment_type_not_allowed' } },
    })
    expect(await upload('vaccines.pdf', 'application/pdf', EXE)).toMatchObject({
      status: 415,
      body: { error: { code: 'attachment_type_not_allowed' } },
    })
    const big = new Uint8Array(5_100_000)
    big.set(PNG)
    expect(await upload('huge.png', 'image/png', big)).toMatchObject({
      status: 413,
      body: { error: { code: 'attachment_too_large' } },
    })
    expect(await upload('nothing', 'text/plain', new Uint8Array())).toMatchObject({ status: 422 })
  })

  it('removes a file with the conversation that used it, and serves seeded files', async () => {
    const { body: file } = await upload('xray.png', 'image/png', PNG)
    const started = await fetch(`${running.api}/conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        phone: '+16505550142',
        body: 'Here is the x-ray',
        clientMessageId: 'f1',
        attachmentIds: [file.id],
      }),
    })
    const { conversation } = await started.json()
    expect((await fetch(file.url)).status).toBe(200)
    const removed = await fetch(`${running.api}/conversations/${conversation.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(removed.status).toBe(204)
    await new Promise((r) => setTimeout(r, 50))
    expect((await fetch(file.url)).status).toBe(404)

    // Seeded files have no bytes of their own: a placeholder of their kind is served.
    const library = await (
      await fetch(`${running.api}/attachments/library`, { headers: { authorization: `Bearer ${token}` } })
    ).json()
    expect(library.length).toBeGreaterThan(0)
    expect((await fetch(library[0].url)).status).toBe(200)
  })

  it('names no stored file after what a stranger sent', async () => {
    await upload('../../etc/passwd.png', 'image/png', PNG)
    const names = readdirSync(running.filesDir, { recursive: true }).map(String)
    expect(names.some((n) => /passwd|\.png|etc/.test(n))).toBe(false)
    expect(names.filter((n) => /^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(n))).toHaveLength(1)
  })
})

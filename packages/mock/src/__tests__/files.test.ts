import { describe, expect, it } from 'vitest'
import { createMockBackend } from '../index'
import { api, BASE, useMockBackend } from './harness'

const mock = useMockBackend()

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4])

async function sentPhoto() {
  const message = await mock.backend.simulateInbound('+16505550177', 'Here', [{ name: 'rash.png', data: PNG }])
  return { message, url: message.attachments[0]!.url }
}

const fetchCode = async (url: string) => {
  const response = await fetch(url)
  return { status: response.status, code: response.ok ? null : (await response.json()).error.code }
}

describe('file links', () => {
  it('a signed link serves the file, with headers that keep a browser from running it', async () => {
    const { url } = await sentPhoto()
    const response = await fetch(url)
    expect(response.status).toBe(200)
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG)
    expect(response.headers.get('content-type')).toBe('image/png')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('content-security-policy')).toContain('sandbox')
  })

  it('without a signature, with a changed one, or for another clinic, the link is refused', async () => {
    const { url } = await sentPhoto()
    const bare = url.slice(0, url.indexOf('?'))
    expect(await fetchCode(bare)).toEqual({ status: 403, code: 'forbidden' })
    expect(await fetchCode(url.replace(/sig=.(.)/, 'sig=00'))).toEqual({ status: 403, code: 'forbidden' })
    expect(await fetchCode(url.replace('c=cln_maple', 'c=cln_harbour'))).toEqual({ status: 403, code: 'forbidden' })
    // A link of one file does not open another.
    const other = await sentPhoto()
    const otherId = other.message.attachments[0]!.id
    const swapped = url.replace(/files\/[^?]+/, `files/${otherId}`)
    expect(await fetchCode(swapped)).toEqual({ status: 403, code: 'forbidden' })
  })

  it('stops working when it expires, and once the conversation is deleted', async () => {
    let now = new Date('2026-11-30T18:00:00Z')
    const backend = createMockBackend({
      seed: { seed: 1, conversations: 5 },
      clock: () => now,
      fileUrlTtlMs: 3_600_000,
    })
    mock.server.use(...backend.handlers)
    const message = await backend.simulateInbound('+16505550177', 'Here', [{ name: 'a.png', data: PNG }])
    const url = message.attachments[0]!.url
    expect((await fetch(url)).status).toBe(200)
    now = new Date(now.getTime() + 3 * 3_600_000)
    const expired = await fetch(url)
    expect(expired.status).toBe(403)
    expect((await expired.json()).error.message).toMatch(/expired/)
    // Reading the thread again gives a fresh link.
    const page = await fetch(`${BASE}/conversations/${message.conversationId}/messages`, {
      headers: { authorization: 'Bearer tok_usr_dana' },
    }).then((r) => r.json())
    const fresh = page.items.at(-1).attachments[0].url
    expect(fresh).not.toBe(url)
    expect((await fetch(fresh)).status).toBe(200)
    await fetch(`${BASE}/conversations/${message.conversationId}`, {
      method: 'DELETE',
      headers: { authorization: 'Bearer tok_usr_dana' },
    })
    expect(await fetchCode(fresh)).toEqual({ status: 404, code: 'not_found' })
  })

  it('the library and uploads hand out signed links too', async () => {
    const library = await api('GET', '/attachments/library')
    for (const file of library.json) {
      expect(file.url).toMatch(/\?c=cln_maple&exp=\d+&sig=[0-9a-f]{64}$/)
      expect((await fetch(file.url)).status).toBe(200)
    }
  })
})

import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHttpTransport, type InboxError, isInboxError } from '../index'

const json = (body: unknown, status = 200, seq = 7) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'switchboard-seq': String(seq) },
  })

const conversation = {
  id: 'cnv_1',
  contact: { phone: '+14155552671', clientId: null, optedOut: null, blocked: false, consent: [] },
  client: null,
  status: 'open',
  inboxId: null,
  assigneeId: null,
  unreadCount: 0,
  markedUnread: false,
  lastMessage: null,
  lastActivityAt: '2026-11-30T18:00:00.000Z',
  createdAt: '2026-11-30T18:00:00.000Z',
  closedAt: null,
  optOutRequest: null,
}

function transportWith(fetch: typeof globalThis.fetch, getToken = vi.fn(() => 'tok'), timeoutMs = 1000) {
  return {
    transport: createHttpTransport({ baseUrl: 'https://pms.example/api/', getToken, fetch, timeoutMs }),
    getToken,
  }
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e) => e,
  )
  expect(isInboxError(error)).toBe(true)
  return error
}

describe('createHttpTransport', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('sends the bearer token and query, and validates the answer', async () => {
    const fetch = vi.fn(async () => json({ items: [conversation], nextCursor: null }))
    const { transport } = transportWith(fetch as never)
    const page = await transport.listConversations({ status: 'unread', q: 'ana' })
    expect(page.data.items[0]?.id).toBe('cnv_1')
    expect(page.seq).toBe(7)
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('https://pms.example/api/conversations?status=unread&q=ana')
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer tok')
  })

  it('an item that breaks the contract is left out and reported; a broken envelope is malformed_response', async () => {
    const reported: InboxError[] = []
    const reply = (body: unknown) =>
      createHttpTransport({
        baseUrl: 'https://pms.example/api/',
        getToken: () => 'tok',
        fetch: (async () => json(body)) as never,
        onMalformed: (error) => reported.push(error),
      })
    const good = { ...conversation, id: 'cnv_2' }
    const page = await reply({
      items: [{ ...conversation, status: 'archived' }, good],
      nextCursor: null,
    }).listConversations({})
    expect(page).toEqual({ data: { items: [good], nextCursor: null }, seq: 7 })
    expect(reported).toHaveLength(1)
    expect(reported[0]).toMatchObject({ code: 'malformed_response', retryable: false })

    // One bad attachment of a message hides neither the message nor the other attachments.
    const photo = { id: 'att_1', name: 'a.png', contentType: 'image/png', size: 10, url: '/files/att_1' }
    const message = {
      id: 'msg_1',
      conversationId: 'cnv_1',
      seq: 1,
      direction: 'inbound',
      origin: 'client',
      body: 'Here',
      attachments: [{ id: 'att_0', name: 'bad', size: -1 }, photo],
      status: 'received',
      createdAt: '2026-11-30T18:00:00.000Z',
      updatedAt: '2026-11-30T18:00:00.000Z',
    }
    const thread = await reply({ items: [message, { id: 'msg_2' }], nextBefore: null }).listMessages('cnv_1')
    expect(thread.data.items).toEqual([{ ...message, attachments: [photo] }])
    expect(reported.map((e) => e.message)).toEqual([
      'The server sent a conversation that breaks the contract; it is not shown.',
      'The server sent an attachment that breaks the contract; it is not shown.',
      'The server sent a message that breaks the contract; it is not shown.',
    ])

    const broken = await failure(reply({ nextCursor: null }).listConversations({}))
    expect(broken).toMatchObject({ code: 'malformed_response', retryable: false })
    expect(broken.message).toBe('The server sent an unexpected reply to GET /conversations at items.')
    const notJson = transportWith((async () => new Response('<html>oops</html>', { status: 200 })) as never)
    expect(await failure(notJson.transport.me())).toMatchObject({ code: 'malformed_response' })
  })

  it('a stamped reply without a valid switchboard-seq header is malformed_response, saying why', async () => {
    for (const header of [null, '', 'abc', '-1', '1e3', '99999999999999999999']) {
      const headers: Record<string, string> = { 'content-type': 'application/json' }
      if (header !== null) headers['switchboard-seq'] = header
      const { transport } = transportWith(
        (async () => new Response(JSON.stringify({ items: [], nextCursor: null }), { headers })) as never,
      )
      const error = await transport.listConversations({}).catch((e: unknown) => e)
      expect(error).toMatchObject({ code: 'malformed_response', retryable: false })
      expect((error as Error).message).toContain('switchboard-seq')
    }
  })

  it('reads error bodies into typed errors, with retryable set by status', async () => {
    const refuse = transportWith((async () =>
      json({ error: { code: 'recipient_opted_out', message: 'Opted out.' } }, 409)) as never)
    expect(await failure(refuse.transport.sendMessage('c', { clientMessageId: 'x', body: 'hi' }))).toMatchObject({
      code: 'recipient_opted_out',
      status: 409,
      retryable: false,
      message: 'Opted out.',
    })
    const down = transportWith(
      (async () => new Response('Bad gateway', { status: 502, statusText: 'Bad Gateway' })) as never,
    )
    expect(await failure(down.transport.me())).toMatchObject({ code: 'unavailable', status: 502, retryable: true })
  })

  it('a request leaves at once when the token is at hand, and after it when it is promised', async () => {
    const fetch = vi.fn(async () => json({ items: [], nextCursor: null }))
    const now = transportWith(fetch as never)
    const reply = now.transport.listConversations({})
    // Called in the same task: the inbox's first requests are on their way before it draws.
    expect(fetch).toHaveBeenCalledTimes(1)
    await reply

    let give: (token: string) => void = () => undefined
    const promised = transportWith(
      fetch as never,
      vi.fn(() => new Promise<string>((resolve) => (give = resolve))) as never,
    )
    const later = promised.transport.me()
    await Promise.resolve()
    expect(fetch).toHaveBeenCalledTimes(1)
    give('tok-later')
    await later.catch(() => undefined)
    const [, init] = fetch.mock.calls[1] as unknown as [string, RequestInit]
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer tok-later')
  })

  it('refreshes the token once on 401, then reports an expired session', async () => {
    const fetch = vi.fn(async (_url: string, init: RequestInit) =>
      (init.headers as Record<string, string>).authorization === 'Bearer fresh'
        ? json({ error: { code: 'unauthorized', message: 'Your session has expired; sign in again.' } }, 401)
        : json({ error: { code: 'unauthorized', message: 'Token expired.' } }, 401),
    )
    const getToken = vi.fn(({ forceRefresh }: { forceRefresh: boolean }) => (forceRefresh ? 'fresh' : 'stale'))
    const { transport } = transportWith(fetch as never, getToken as never)
    expect(await failure(transport.me())).toMatchObject({ code: 'unauthorized', retryable: false })
    expect(getToken.mock.calls.map(([o]) => o.forceRefresh)).toEqual([false, true])
    const ok = transportWith(
      (async (_u: string, init: RequestInit) =>
        (init.headers as Record<string, string>).authorization === 'Bearer fresh'
          ? json({ items: [], nextCursor: null })
          : json({ error: { code: 'unauthorized', message: 'expired' } }, 401)) as never,
      getToken as never,
    )
    expect((await ok.transport.listConversations({})).data).toEqual({ items: [], nextCursor: null })
  })

  it('times out and reports network failures as retryable', async () => {
    const hang = transportWith(
      ((_: string, init: RequestInit) =>
        new Promise((_resolve, reject) =>
          init.signal?.addEventListener('abort', () => reject(new DOMException('x', 'AbortError'))),
        )) as never,
      undefined,
      30,
    )
    expect(await failure(hang.transport.me())).toMatchObject({ code: 'timeout', retryable: true })
    const offline = transportWith((async () => {
      throw new TypeError('fetch failed')
    }) as never)
    expect(await failure(offline.transport.me())).toMatchObject({ code: 'network_error', retryable: true, status: 0 })
  })

  it('uploads with progress and can be cancelled (XMLHttpRequest)', async () => {
    const sent: FormData[] = []
    class FakeXhr {
      static last: FakeXhr
      upload: { onprogress?: (e: { loaded: number; total: number; lengthComputable: boolean }) => void } = {}
      status = 0
      responseText = ''
      responseType = ''
      timeout = 0
      headers: Record<string, string> = {}
      onload?: () => void
      onerror?: () => void
      onabort?: () => void
      ontimeout?: () => void
      constructor() {
        FakeXhr.last = this
      }
      open() {}
      setRequestHeader(k: string, v: string) {
        this.headers[k] = v
      }
      send(body: FormData) {
        sent.push(body)
      }
      abort() {
        this.onabort?.()
      }
    }
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
    const { transport } = transportWith((async () => json({})) as never)
    const progress: number[] = []
    const file = Object.assign(new Blob(['%PDF-1.7'], { type: 'application/pdf' }), { name: 'Invoice.pdf' })
    const uploading = transport.uploadAttachment(file, { onProgress: (loaded, total) => progress.push(loaded / total) })
    await vi.waitFor(() => expect(sent).toHaveLength(1)) // the uploader loads with the first file
    const xhr = FakeXhr.last
    expect(xhr.headers.authorization).toBe('Bearer tok')
    expect((sent[0]!.get('file') as File).name).toBe('Invoice.pdf')
    xhr.upload.onprogress?.({ loaded: 4, total: 8, lengthComputable: true })
    xhr.upload.onprogress?.({ loaded: 8, total: 8, lengthComputable: true })
    xhr.status = 201
    xhr.responseText = JSON.stringify({
      id: 'att_1',
      name: 'Invoice.pdf',
      contentType: 'application/pdf',
      size: 8,
      url: '/files/att_1',
    })
    xhr.onload?.()
    expect(await uploading).toMatchObject({ id: 'att_1' })
    expect(progress).toEqual([0.5, 1])

    const controller = new AbortController()
    const cancelled = transport.uploadAttachment(file, { signal: controller.signal })
    await vi.waitFor(() => expect(sent).toHaveLength(2))
    controller.abort()
    expect(await failure(cancelled)).toMatchObject({ code: 'aborted', retryable: false })

    const tooBig = transport.uploadAttachment(file)
    await vi.waitFor(() => expect(sent).toHaveLength(3))
    FakeXhr.last.status = 413
    FakeXhr.last.responseText = JSON.stringify({
      error: { code: 'attachment_too_large', message: '"Invoice.pdf" is larger than 5 MB.' },
    })
    FakeXhr.last.onload?.()
    expect(await failure(tooBig)).toMatchObject({ code: 'attachment_too_large', status: 413, retryable: false })

    // Cancelled while the uploader is still loading: nothing is sent.
    const early = new AbortController()
    const never = transport.uploadAttachment(file, { signal: early.signal })
    early.abort()
    expect(await failure(never)).toMatchObject({ code: 'aborted' })
    expect(sent).toHaveLength(3)
  })
})

describe('the realtime channel', () => {
  it('a socket that cannot be made says why, instead of "connecting" for ever', async () => {
    const transport = createHttpTransport({
      baseUrl: 'https://pms.example/api/',
      getToken: () => 'tok',
      socket: {
        io: (() => {
          throw new ReferenceError('WebSocket is not defined')
        }) as never,
      },
    })
    const states: Array<[string, InboxError | undefined]> = []
    const close = transport.connect({
      onEvent: () => undefined,
      onStatus: (status, error) => states.push([status, error]),
    })
    await vi.waitFor(() => expect(states.at(-1)?.[0]).toBe('disconnected'))
    expect(states.at(-1)?.[1]).toMatchObject({
      code: 'network_error',
      message: 'The live connection could not start: WebSocket is not defined',
    })
    close()
  })
})

// The bench page: mounts one view at a time (the inbox's or the bare baseline) over the backend
// worker and measures it. Driven by scripts/bench-browser.mjs through `window.bench`.
import { createHttpTransport, createInboxClient, type InboxClient, memoryStorageAdapter } from '@switchboard/core'
import { ConversationList, Inbox, InboxProvider, InboxTheme, Thread } from '@switchboard/react'
import { type ReactNode, useState } from 'react'
import { flushSync } from 'react-dom'
import { createRoot, type Root } from 'react-dom/client'
import { BareList, BareThread, forgetBareRows } from './bare'
import type { SetupOptions, SetupResult } from './protocol'
import { connectBackend } from './transport'

export type ViewKind = 'list' | 'thread' | 'inbox' | 'bare-list' | 'bare-thread'
/** `?marks`: each mount also returns its timeline (the requests' marks, rows drawn, painted). */
const timeline = new URLSearchParams(location.search).has('marks')
const backend = connectBackend(new Worker('./backend.worker.js', { type: 'module' }))
const container = document.getElementById('root') as HTMLElement
let setup: SetupResult
let root: Root | null = null
let client: InboxClient | null = null
/** A warm mount: the view comes back to what it already fetched (the same client; the bare list's last rows). */
let warm = false
let select: (id: string | null) => void = () => undefined
let kind: ViewKind = 'list'
/** The thread mounted (its index in `setup.threads`): the one texts go to. */
let threadAt = 0

/** When each text (by its body) reached the page. */
const arrivals = new Map<string, number>()
backend.onEvent((event) => {
  if (event.type === 'message.created') {
    arrivals.set(event.message.body, performance.now())
    if (timeline) performance.mark('→ text arrives')
  }
})

const get = async (path: string) => {
  const reply = await backend.fetch(`${setup.baseUrl}${path}`, { headers: { authorization: 'Bearer tok_usr_dana' } })
  return reply.json()
}

/** The start of the frame after the next one to render: the content changed before it is on screen. */
const nextPaint = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => resolve(performance.now())
      channel.port2.postMessage(null)
    }),
  )
/** Resolves when `check` holds, looked at after every DOM change. */
const when = (check: () => boolean, timeoutMs = 60_000) =>
  new Promise<void>((resolve, reject) => {
    if (check()) return resolve()
    const timer = setTimeout(() => {
      observer.disconnect()
      reject(new Error(`timed out after ${timeoutMs} ms in ${kind}`))
    }, timeoutMs)
    const observer = new MutationObserver(() => {
      if (!check()) return
      observer.disconnect()
      clearTimeout(timer)
      resolve()
    })
    observer.observe(container, { childList: true, subtree: true, characterData: true })
  })
/**
 * Resolves `phase` (0 to 1) of a frame after a frame began: a mount starts there, so that where in the frame
 * it starts is set, the same for the inbox's mounts and the baseline's, and not left to what ran before it.
 */
const FRAME = 1000 / 60
const atPhase = (phase: number) =>
  new Promise<void>((resolve) =>
    requestAnimationFrame((frameStart) => {
      // After the frame's paint (a message comes after it), then wait on the clock: timers are too coarse.
      const channel = new MessageChannel()
      channel.port1.onmessage = () => {
        while (performance.now() < frameStart + phase * FRAME);
        resolve()
      }
      channel.port2.postMessage(null)
    }),
  )
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0
}

const ROW = { list: '[role="option"]', inbox: '[role="option"]', thread: '.sb-thread__slot' } as const
const rowSelector = () => (kind.startsWith('bare') ? '.bare-row' : ROW[kind as keyof typeof ROW])
const scroller = () =>
  container.querySelector<HTMLElement>(
    kind.startsWith('bare') ? '.bare-scroll' : kind === 'thread' ? '.sb-thread__scroll' : '.sb-list',
  ) as HTMLElement
const shown = (text: string) => container.textContent?.includes(text) ?? false

function InboxView() {
  const [selectedId, setSelectedId] = useState<string | null>(null)
  select = (id) => flushSync(() => setSelectedId(id))
  return <Inbox selectedId={selectedId} onSelect={setSelectedId} />
}

function view(thread: string): ReactNode {
  if (kind === 'bare-list') return <BareList get={get} onEvent={backend.onEvent} warm={warm} />
  if (kind === 'bare-thread') return <BareThread get={get} onEvent={backend.onEvent} conversationId={thread} />
  if (!warm || !client)
    client = createInboxClient({
      transport: createHttpTransport({
        baseUrl: setup.baseUrl,
        getToken: () => 'tok_usr_dana',
        fetch: backend.fetch,
        socket: { io: backend.io },
      }),
      storage: memoryStorageAdapter(),
    })
  return (
    <InboxProvider client={client} locale="en-US">
      {kind === 'inbox' ? (
        <InboxView />
      ) : (
        // Alone, a list or thread fills a flex column the host sizes (as in the stories).
        <InboxTheme style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
          {kind === 'list' ? (
            <ConversationList filter={{ status: 'all' }} aria-label="Conversations" />
          ) : (
            <Thread conversationId={thread} />
          )}
        </InboxTheme>
      )}
    </InboxProvider>
  )
}

const bench = {
  async setup(options: SetupOptions) {
    setup = await backend.call<SetupResult>({ type: 'setup', options })
    return setup
  },
  /** Mounts a view; `oneReply`: the server answers every row in one reply. Resolves at its first paint. */
  async mount(next: ViewKind, options: { oneReply?: boolean; thread?: number; warm?: boolean; phase?: number } = {}) {
    warm = options.warm ?? false
    // A cold mount after warm ones: what they kept goes.
    if (!warm && client) {
      client.destroy()
      client.queryClient.clear()
      client = null
    }
    if (!warm) forgetBareRows()
    await backend.call({ type: 'oneReply', on: options.oneReply ?? false })
    performance.clearMarks()
    kind = next
    threadAt = options.thread ?? 0
    container.className = `bench bench--${kind.replace('bare-', '')}`
    if (options.phase !== undefined) await atPhase(options.phase)
    const started = performance.now()
    root = createRoot(container)
    root.render(view(setup.threads[options.thread ?? 0]?.id ?? ''))
    await when(() => container.querySelector(rowSelector()) !== null)
    const drawn = performance.now()
    const painted = await nextPaint()
    return {
      firstPaintMs: painted - started,
      // The phases: the replies the rows needed in, the rows in the document, then on screen.
      repliesMs: backend.lastReplyAt - started,
      rowsMs: drawn - started,
      dom: container.querySelectorAll('*').length,
      ...(timeline && {
        timeline: [
          ...performance.getEntriesByType('mark').map((m) => ({ at: m.startTime - started, what: m.name })),
          { at: drawn - started, what: 'rows in the document' },
          { at: painted - started, what: 'painted' },
        ].sort((a, b) => a.at - b.at),
      }),
    }
  },
  /** Texts arriving one at a time: from the page's receipt of each to the frame that shows it. */
  async updates(count: number) {
    const thread = setup.threads[threadAt]
    const samples: number[] = []
    const scroll = scroller()
    if (kind !== 'thread' && kind !== 'bare-thread') scroll.scrollTop = 0
    await nextPaint()
    for (let i = 0; i < count; i++) {
      const body = `update ${kind} ${i} ${Math.random().toString(36).slice(2)}`
      const phone =
        kind.endsWith('thread') && thread ? thread.phone : (setup.phones[(i * 7) % setup.phones.length] as string)
      void backend.call({ type: 'text', phone, body })
      await when(() => shown(body), 30_000)
      const painted = await nextPaint()
      samples.push(painted - (arrivals.get(body) ?? painted))
      await sleep(30)
    }
    return { medianMs: percentile(samples, 50), p95Ms: percentile(samples, 95) }
  },
  /** Scrolls the loaded rows from one end to the other in `frames` steps, one a frame. */
  async scroll(frames = 120) {
    const element = scroller()
    const startAtEnd = kind.endsWith('thread')
    const span = element.scrollHeight - element.clientHeight
    element.scrollTop = startAtEnd ? span : 0
    await nextPaint()
    const intervals: number[] = []
    let last = performance.now()
    for (let i = 1; i <= frames; i++) {
      await new Promise<void>((resolve) =>
        requestAnimationFrame((at) => {
          intervals.push(at - last)
          last = at
          const fraction = i / frames
          element.scrollTop = Math.round(startAtEnd ? span * (1 - fraction) : span * fraction)
          resolve()
        }),
      )
    }
    intervals.shift()
    return { p95Ms: percentile(intervals, 95), maxMs: Math.max(...intervals), medianMs: percentile(intervals, 50) }
  },
  /** `count` texts within `ms`: frames dropped meanwhile and the time from the last one's arrival to its frame. */
  async burst(count = 1000, ms = 1000) {
    const thread = setup.threads[threadAt]
    const scroll = scroller()
    if (!kind.endsWith('thread')) scroll.scrollTop = 0
    else scroll.scrollTop = scroll.scrollHeight
    await nextPaint()
    const prefix = `burst-${Math.random().toString(36).slice(2)}`
    const phones = kind.endsWith('thread') && thread ? [thread.phone] : setup.phones
    const intervals: number[] = []
    let running = true
    let last = performance.now()
    const tick = (at: number) => {
      intervals.push(at - last)
      last = at
      if (running) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
    await backend.call({ type: 'burst', count, ms, phones, prefix })
    const lastBody = [...arrivals.keys()].reverse().find((body) => body.startsWith(prefix)) ?? prefix
    await when(() => shown(lastBody), 30_000)
    const painted = await nextPaint()
    running = false
    intervals.shift()
    const frame = 1000 / 60
    const dropped = intervals.reduce((n, interval) => n + Math.max(0, Math.round(interval / frame) - 1), 0)
    return {
      droppedFrames: dropped,
      worstFrameMs: Math.max(...intervals),
      settleMs: painted - (arrivals.get(lastBody) ?? painted),
    }
  },
  /** Opens and closes `count` conversations in the inbox, one after the other, each until its thread shows. */
  async openClose(count: number) {
    for (let i = 0; i < count; i++) {
      select(setup.ids[i % setup.ids.length] as string)
      await when(() => container.querySelector('.sb-thread__slot') !== null)
      await nextPaint()
      select(null)
      await nextPaint()
    }
  },
  unmount() {
    root?.unmount()
    root = null
    if (warm) return container.replaceChildren()
    client?.destroy()
    client?.queryClient.clear()
    client = null
    forgetBareRows()
    container.replaceChildren()
  },
}

Object.assign(window, { bench })

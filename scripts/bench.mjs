// Benchmarks of the inbox service and protocol; prints figures, asserts nothing.
// Run with `npm run bench` (builds first). Figures are medians on this machine.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { gzipSync } from 'node:zlib'
import { conversationSchema, pageSchema } from '@switchboard/protocol'
import { createSqliteStorage } from '@switchboard/server'
import { createInboxService, createMemoryStorage, generateSeed } from '@switchboard/service'
import * as z from 'zod/mini'
import { bundleSize, measureBudgets } from './sizes.mjs'

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const ms = (x) => `${x.toFixed(2)} ms`
async function time(runs, fn) {
  const samples = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn(i)
    samples.push(performance.now() - t)
  }
  return median(samples)
}
const row = (label, value) => console.log(`${label.padEnd(68)} ${value}`)

console.log('Switchboard benchmarks (node', process.version, ')\n')

async function size(label, contents, external = []) {
  const { gzip, min } = await bundleSize(contents, external)
  row(label, `${gzip.toFixed(1)} kB (${min.toFixed(1)} kB min)`)
}

// Browser cost of the protocol: what core and the widget pay for schemas, filter and phone rules.
await size('protocol, everything (min+gzip)', "export * from '@switchboard/protocol'")
await size(
  'protocol, matchesFilter + compare only (min+gzip)',
  "export { matchesFilter, compareConversations, compareMessages } from '@switchboard/protocol'",
)
await size('protocol, phone parsing only (min+gzip)', "export { parsePhone } from '@switchboard/protocol'")
const peers = ['@tanstack/query-core', 'zustand', 'zustand/vanilla', 'socket.io-client']
const core = "export * from '@switchboard/core'"
await size('core alone, peers and @switchboard/protocol external (min+gzip)', core, [
  ...peers,
  '@switchboard/protocol',
  'zod',
  'zod/mini',
])
await size('core + the protocol code it uses, zod and libphonenumber external', core, [
  ...peers,
  'zod',
  'zod/mini',
  'libphonenumber-js',
  'libphonenumber-js/min',
])
await size('core + protocol + zod/mini + libphonenumber (all but peers)', core, peers)
// The widget: React peers (react, react-dom, TanStack Query, zustand) are the host's.
const reactPeers = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query', 'zustand', ...peers]
const widget = "export * from '@switchboard/react'"
await size('react components alone (core, radix, virtual external)', widget, [
  ...reactPeers,
  '@switchboard/core',
  '@switchboard/protocol',
  'radix-ui',
  '@tanstack/react-virtual',
])
await size('react + core + protocol + radix + virtual + zod + libphonenumber, on load', widget, reactPeers)
await size(
  'react/settings: InboxSettings, SmsMetrics, their parts, the inbox code they share',
  "export * from '@switchboard/react/settings'",
  [...reactPeers, '@switchboard/core', '@switchboard/protocol', 'radix-ui', '@tanstack/react-virtual'],
)
await size('react/locales/es: the Spanish strings', "export * from '@switchboard/react/locales/es'")
for (const r of await measureBudgets())
  row(
    `${r.name} [budget ${r.budget}${r.goal ? `, goal ${r.goal}` : ''}]`,
    `${r.gzip.toFixed(1)} kB (${r.min.toFixed(1)} kB min)`,
  )
const css = readFileSync('packages/react/dist/styles.css')
row('styles.css (gzip)', `${(gzipSync(css).length / 1024).toFixed(1)} kB (${(css.length / 1024).toFixed(1)} kB raw)`)
console.log('')

// Validating a list reply: what core pays per conversation for the schemas (issue 14).
{
  const { clinics } = generateSeed({ seed: 1, conversations: 1_000 })
  const service = createInboxService({ storage: createMemoryStorage({ clinics }) })
  const actor = { clinicId: 'cln_maple', userId: 'usr_dana', permissions: clinics[0].team[0].permissions }
  const pages = []
  for (let cursor; pages.length < 5; ) {
    const page = await service.listConversations(actor, { status: 'all', limit: 200, ...(cursor ? { cursor } : {}) })
    pages.push(JSON.parse(JSON.stringify(page)))
    cursor = page.nextCursor
    if (!cursor) break
  }
  const schema = pageSchema(conversationSchema)
  const count = pages.reduce((n, page) => n + page.items.length, 0)
  for (const page of pages) z.parse(schema, page) // compiles, warms up
  const perPass = await time(21, () => {
    for (const page of pages) z.parse(schema, page)
  })
  row(
    `validate list replies (${count} conversations, pages of 200), per conversation`,
    `${((perPass * 1000) / count).toFixed(2)} µs`,
  )
}

// The service over each storage: the memory one (mock, tests) and SQLite (the reference server).
const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'))
for (const size of [1_000, 100_000])
  for (const kind of ['memory', 'sqlite']) {
    global.gc?.()
    const heapBefore = process.memoryUsage().heapUsed
    let seed
    const generate = await time(1, () => {
      seed = generateSeed({ seed: 1, conversations: size })
    })
    let storage
    const load = await time(1, async () => {
      if (kind === 'memory') storage = createMemoryStorage({ clinics: seed.clinics })
      else {
        storage = await createSqliteStorage({ file: join(dir, `bench-${size}.db`) })
        for (const clinic of seed.clinics) await storage.addClinic(clinic)
      }
    })
    global.gc?.()
    const heap = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024
    let clock = Date.parse('2026-11-30T18:00:00Z')
    const tick = () => {
      clock += 1000
      return new Date(clock)
    }
    const service = createInboxService({ storage, clock: tick })
    const actor = { clinicId: 'cln_maple', userId: 'usr_dana', permissions: seed.clinics[0].team[0].permissions }
    const messages = seed.clinics[0].messages.length
    console.log(
      `${size.toLocaleString('en-US')} conversations (${messages.toLocaleString('en-US')} messages), ${kind} storage`,
    )
    row('  generate seed', ms(generate))
    row(`  load into ${kind} storage`, ms(load))
    row(`  heap for seed + ${kind} storage`, `${heap.toFixed(0)} MB`)
    row(
      '  list first page (open, 30), after a write',
      ms(
        await time(15, async (i) => {
          await service.receiveInbound({
            to: '+14155550100',
            from: `+1650555${String(1000 + i).padStart(4, '0')}`,
            body: 'hi',
          })
          await service.listConversations(actor, { status: 'open' })
        }),
      ),
    )
    row(
      '  list first page (open, 30), nothing changed',
      ms(await time(15, () => service.listConversations(actor, { status: 'open' }))),
    )
    row(
      '  list unread leads assigned to me',
      ms(
        await time(15, () =>
          service.listConversations(actor, { status: 'unread', contactType: 'leads', assignee: 'me' }),
        ),
      ),
    )
    row(
      '  search by name ("nguyen")',
      ms(await time(15, () => service.listConversations(actor, { status: 'all', q: 'nguyen' }))),
    )
    row(
      '  search by phone digits ("555-01")',
      ms(await time(15, () => service.listConversations(actor, { status: 'all', q: '555-01' }))),
    )
    const id = (await service.listConversations(actor, { limit: 1 })).items[0].id
    row(
      '  inbound text (match, open, unread totals, events)',
      ms(
        await time(50, (i) =>
          service.receiveInbound({
            to: '+14155550100',
            from: `+1510555${String(1000 + i).padStart(4, '0')}`,
            body: 'Is Luna ready?',
          }),
        ),
      ),
    )
    row(
      '  staff send (idempotency check, provider hand-off)',
      ms(
        await time(50, (i) =>
          service.sendMessage(actor, id, { clientMessageId: `bench-${size}-${i}`, body: 'Yes, any time before 6pm.' }),
        ),
      ),
    )
    row('  unread totals', ms(await time(15, () => service.unreadTotals(actor))))
    row(
      '  events after a reconnect (last 100)',
      ms(
        await time(15, async () => {
          const { lastSeq } = await service.eventsAfter(actor, { after: 0 }, 1)
          await service.eventsAfter(actor, { after: Math.max(0, lastSeq - 100) })
        }),
      ),
    )
    await storage.close?.()
    console.log('')
  }
rmSync(dir, { recursive: true, force: true })

// The mock backend (Storybook, tests, the browser bench's worker): one request through its MSW
// handlers, as `setupServer` or `setupWorker` would answer it, at 10,000 conversations.
{
  const { createMockBackend } = await import('@switchboard/mock')
  const { getResponse } = await import('msw')
  const base = 'http://bench.local/api'
  const mock = createMockBackend({ seed: { seed: 7, conversations: 10_000 }, baseUrl: base })
  const request = async (path) => {
    const init = { headers: { authorization: 'Bearer tok_usr_dana' } }
    await (await getResponse(mock.handlers, new Request(`${base}${path}`, init))).text()
  }
  console.log('Mock backend, 10,000 conversations (one request through its MSW handlers)')
  for (const path of ['/me', '/team', '/inboxes', '/conversations?status=open', '/events?after=0']) {
    await time(50, () => request(path))
    row(`  GET ${path}`, ms(await time(200, () => request(path))))
  }
  console.log('')
}
await import('./bench-dataflow.mjs')
await import('./bench-server.mjs')
await import('./bench-browser.mjs')

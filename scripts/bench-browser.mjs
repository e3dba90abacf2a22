// The browser benchmark: the inbox's components against a bare @tanstack/react-virtual list of the
// same rows, in headless Chromium, at clinic scale. Prints a table (figures and ratios to the bare
// list: machines are noisy, ratios hold) and writes bench-results/browser.json. Asserts nothing.
// Run by `npm run bench` (after the build) or alone: `node scripts/bench-browser.mjs [--quick]`.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { chromiumArgs, chromiumPath } from './chromium.mjs'

const quick = process.argv.includes('--quick')
const SIZES = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000]
const THREADS = quick ? [1_000] : [1_000, 10_000]
const UPDATES = quick ? 30 : 100
// `--profile <view> <conversations> <messages> [updates|scroll|burst|mount][-paged]`: a CPU profile of that view
// (`mount`: ten warm mounts; code left unminified so the names read), its top functions printed, the profile kept
// in bench-results.
const profileAt = process.argv.indexOf('--profile')
const profile = profileAt > 0 ? process.argv.slice(profileAt + 1, profileAt + 5) : null
// `--trace <view> <conversations> <messages> [-paged] [-warm] [updates]`: the browser's own timeline of a mount (script,
// style, layout, paint), the longest events listed in order: where a first paint's time goes besides script
// (`TRACE_MIN_US=300`: events from 0.3 ms listed, 1.5 ms by default).
// With `updates`, the timeline of three texts arriving after the mount instead (each arrival marked); with
// `burst`, of 300 texts in 300 ms.
const traceAt = process.argv.indexOf('--trace')
const trace = traceAt > 0 ? process.argv.slice(traceAt + 1, traceAt + 6) : null

// The page and its backend worker, bundled as a vendor would ship them (the packages' dist).
const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-browser-'))
await build({
  entryPoints: { page: 'scripts/bench-browser/page.tsx', 'backend.worker': 'scripts/bench-browser/backend.worker.ts' },
  outdir: dir,
  bundle: true,
  minify: !profile,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  define: { 'process.env.NODE_ENV': '"production"' },
  // Not the repository's tsconfig: its paths point at the sources; the bench runs what ships.
  tsconfigRaw: { compilerOptions: { jsx: 'react-jsx' } },
  logLevel: 'error',
})
writeFileSync(join(dir, 'styles.css'), readFileSync('packages/react/dist/styles.css'))
writeFileSync(
  join(dir, 'index.html'),
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Switchboard bench</title>
<link rel="stylesheet" href="styles.css"><style>
html,body{margin:0;height:100%;font-family:system-ui,sans-serif}
#root{height:100vh}.bench--list,.bench--thread{width:420px}
.bare-scroll{height:100%;overflow:auto}.bare-row{display:grid;gap:2px;padding:10px 14px;border-bottom:1px solid #ddd}
.bare-row p{margin:0}.bench--inbox{width:1280px}
</style></head><body><div id="root"></div><script type="module" src="page.js"></script></body></html>`,
)
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }
const server = createServer((request, response) => {
  const file = join(dir, new URL(request.url ?? '/', 'http://x').pathname.replace(/^\/$/, '/index.html'))
  let body
  try {
    body = readFileSync(file)
  } catch {
    response.writeHead(404).end()
    return
  }
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
  response.end(body)
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const url = `http://127.0.0.1:${server.address().port}/`
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })

/** The end of the `--trace`, `--leak` and `--profile` runs: nothing left running or on disk. */
async function finish() {
  await browser.close()
  server.close()
  rmSync(dir, { recursive: true, force: true })
  process.exit(0)
}

const results = []
const record = (scenario, metric, ours, bare, unit) =>
  results.push({ scenario, metric, ours, bare, ratio: bare ? ours / bare : null, unit })

/** The bench page with its backend set up; `marks`: with the requests' timeline (it costs a little a mark). */
async function openPage(options, { marks = false } = {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  page.on('pageerror', (error) => console.error('page error:', error.message))
  await page.goto(marks ? `${url}?marks` : url)
  await page.waitForFunction(() => 'bench' in window)
  const cdp = await page.context().newCDPSession(page)
  const heap = async () => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage')
    return (await cdp.send('Runtime.getHeapUsage')).usedSize
  }
  const setup = await page.evaluate((o) => window.bench.setup(o), options)
  // Warm up: the first mount of each view compiles its code; what is measured is a clinic's day.
  for (const kind of ['bare-list', 'list', 'inbox']) {
    await page.evaluate((k) => window.bench.mount(k), kind)
    await page.evaluate(() => window.bench.unmount())
  }
  return { page, heap, setup }
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1]

/**
 * Mounts `kind` and its baseline in turn and measures both the same way. The first paint is the
 * median of `paints` mounts of each, taken in turn after `warm` mounts of each that are not
 * counted (the first mounts of a scenario run code the earlier ones did not: a 1,000-row reply's
 * path through the JSON parser and the cache). One mount's figure moves by half on a busy
 * machine, the baseline's as much as ours: 21 mounts make a ratio that holds from run to run
 * within about a tenth. The heap held comes from a mount of its own before them, the other
 * figures from the last mount.
 */
async function compare(page, heap, scenario, [ours, bare], options, measure, paints = 1, warm = 0) {
  const figures = {}
  const firstPaints = { [ours]: [], [bare]: [] }
  // The heap a mount holds, taken first: a query's last state can outlive its client until the
  // next one replaces it (V8 keeps TanStack Query's result getters in a shared hidden class), so
  // after mounts of the same view the heap before a mount would already hold what it brings.
  const held = {}
  for (const kind of [bare, ours]) {
    const before = await heap()
    await page.evaluate(([k, o]) => window.bench.mount(k, o), [kind, options])
    held[kind] = (await heap()) - before
    await page.evaluate(() => window.bench.unmount())
  }
  for (let i = 0; i < warm; i++)
    for (const kind of [bare, ours]) {
      await page.evaluate(([k, o]) => window.bench.mount(k, o), [kind, options])
      await page.evaluate(() => window.bench.unmount())
    }
  for (let i = 1; i < paints; i++)
    for (const kind of [bare, ours]) {
      firstPaints[kind].push((await page.evaluate(([k, o]) => window.bench.mount(k, o), [kind, options])).firstPaintMs)
      await page.evaluate(() => window.bench.unmount())
    }
  for (const kind of [bare, ours]) {
    const mounted = await page.evaluate(([k, o]) => window.bench.mount(k, o), [kind, options])
    const extra = measure ? await measure(kind) : {}
    firstPaints[kind].push(mounted.firstPaintMs)
    figures[kind] = { ...mounted, firstPaintMs: median(firstPaints[kind]), heapMB: held[kind] / 1024 / 1024, ...extra }
    await page.evaluate(() => window.bench.unmount())
  }
  const a = figures[ours]
  const b = figures[bare]
  record(scenario, 'first paint', a.firstPaintMs, b.firstPaintMs, 'ms')
  record(scenario, 'DOM elements', a.dom, b.dom, '')
  record(scenario, 'heap held', a.heapMB, b.heapMB, 'MB')
  for (const key of Object.keys(a).filter((k) => !['firstPaintMs', 'repliesMs', 'rowsMs', 'dom', 'heapMB'].includes(k)))
    record(scenario, key, a[key], b[key], key.endsWith('Frames') ? '' : 'ms')
  const shown = results.filter((r) => r.scenario === scenario)
  for (const r of shown) console.log(line(r))
}

const moving = (page) => async () => {
  const updates = await page.evaluate((n) => window.bench.updates(n), UPDATES)
  const scroll = await page.evaluate(() => window.bench.scroll(120))
  const burst = await page.evaluate(() => window.bench.burst(1000, 1000))
  return {
    'text→frame median': updates.medianMs,
    'text→frame p95': updates.p95Ms,
    'scroll frame p95': scroll.p95Ms,
    'scroll frame max': scroll.maxMs,
    'burst droppedFrames': burst.droppedFrames,
    'burst settle': burst.settleMs,
  }
}

const fmt = (value, unit) =>
  value === null || value === undefined
    ? '–'
    : unit === 'MB'
      ? `${value.toFixed(1)} MB`
      : unit === 'ms'
        ? `${value.toFixed(1)} ms`
        : `${Math.round(value)}`
function line(r) {
  return `${r.scenario.padEnd(34)} ${r.metric.padEnd(20)} ${fmt(r.ours, r.unit).padStart(10)} ${fmt(r.bare, r.unit).padStart(10)} ${
    r.ratio === null || !Number.isFinite(r.ratio) ? '–'.padStart(6) : `${r.ratio.toFixed(2)}×`.padStart(6)
  }`
}

if (trace) {
  const [kind, conversations, messages, ...rest] = trace
  const paged = rest.includes('-paged')
  const warm = rest.includes('-warm')
  const burst = rest.includes('burst')
  const updates = rest.includes('updates') || burst
  const { page } = await openPage(
    { conversations: Number(conversations), threads: [Number(messages ?? 1000)] },
    { marks: true },
  )
  const cdp = await page.context().newCDPSession(page)
  const events = []
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value))
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve))
  const start = () =>
    cdp.send('Tracing.start', {
      categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing',
      transferMode: 'ReportEvents',
    })
  const mountOnce = () =>
    page.evaluate((k) => window.bench.mount(k[0], { oneReply: k[1], warm: k[2] }), [kind, !paged, warm])
  // The mount traced is a warm one (five before it), as the bench's first paints are taken.
  for (let i = 0; i < 5; i++) {
    await mountOnce()
    await page.evaluate(() => window.bench.unmount())
  }
  if (!updates) await start()
  console.log(await mountOnce())
  if (updates) {
    await page.evaluate(() => window.bench.updates(5))
    await start()
    if (burst) console.log(await page.evaluate(() => window.bench.burst(300, 300)))
    else console.log(await page.evaluate(() => window.bench.updates(3)))
  }
  await cdp.send('Tracing.end')
  await done
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  const mine = events.filter((e) => e.ph === 'X' && e.pid === main?.pid && e.tid === main?.tid && e.dur)
  const first = Math.min(...mine.map((e) => e.ts))
  const totals = new Map()
  for (const e of mine) totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000)
  for (const [name, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 14))
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`)
  console.log('\nlongest, in order (ms from the first event):')
  const marks = events.filter((e) => e.cat.includes('user_timing') && e.pid === main?.pid && /^[→←]/.test(e.name))
  const long = [
    ...mine.filter(
      (e) =>
        e.dur > Number(process.env.TRACE_MIN_US ?? (updates ? 300 : 1500)) &&
        !['RunTask', 'ThreadControllerImpl::RunTask'].includes(e.name),
    ),
    ...marks.map((e) => ({ ...e, dur: 0 })),
  ]
  for (const e of long.sort((a, b) => a.ts - b.ts))
    console.log(
      `${((e.ts - first) / 1000).toFixed(1).padStart(8)} +${(e.dur / 1000).toFixed(1).padStart(6)} ms  ${e.name} ${
        e.name === 'Layout' || e.name === 'UpdateLayoutTree' ? JSON.stringify(e.args?.beginData ?? e.args ?? {}) : ''
      }`,
    )
  await finish()
}

// `--leak`: only the open-and-close measurement, three times (heap growth is noisy: compare runs).
if (process.argv.includes('--leak')) {
  const { page, heap } = await openPage({ conversations: 1_000, threads: [1_000] })
  for (let run = 0; run < 3; run++) {
    await page.evaluate(() => window.bench.mount('inbox'))
    await page.evaluate(() => window.bench.openClose(20))
    const warm = await heap()
    await page.evaluate(() => window.bench.openClose(180))
    const after = await heap()
    console.log(
      `open and close 200: heap ${(warm / 1e6).toFixed(2)} → ${(after / 1e6).toFixed(2)} MB, ${(((after - warm) / warm) * 100).toFixed(1)} %`,
    )
    await page.evaluate(() => window.bench.unmount())
  }
  await finish()
}

// `--ab <view> <conversations> <messages> [-paged] [-marks] [-warm] [mounts]`: only that view's first paint and
// its baseline's, mounted in turn (21 times by default): medians and quartiles, to compare two builds. `-warm`:
// each mount comes back to what the view fetched before (its client's cache; the bare list's last rows), so
// the figure is the page's own work, with no reply waited for. With
// `-marks`, the last mount's timeline too: each request sent, had and answered by the worker, its reply in,
// the rows in the document, painted (the marks cost a little: compare medians without them).
const abAt = process.argv.indexOf('--ab')
if (abAt > 0) {
  const [kind, conversations, messages, ...rest] = process.argv.slice(abAt + 1)
  const paged = rest.includes('-paged')
  const marks = rest.includes('-marks')
  const warm = rest.includes('-warm')
  const mounts = Number(rest.find((r) => /^\d+$/.test(r)) ?? 21)
  const { page } = await openPage(
    { conversations: Number(conversations), threads: [Number(messages ?? 1000)] },
    { marks },
  )
  const bare = kind === 'thread' ? 'bare-thread' : 'bare-list'
  const mounted = { [kind]: [], [bare]: [] }
  for (let i = 0; i < mounts + 3; i++)
    for (const k of [bare, kind]) {
      const figures = await page.evaluate(([k, o]) => window.bench.mount(k, o), [k, { oneReply: !paged, warm }])
      if (i >= 3) mounted[k].push(figures)
      await page.evaluate(() => window.bench.unmount())
    }
  const q = (values, p) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)]
  const of = (k, key) => mounted[k].map((m) => m[key])
  const at = (k, key, p) => q(of(k, key), p).toFixed(1)
  for (const k of [kind, bare])
    console.log(
      `${k.padEnd(12)} first paint median ${at(k, 'firstPaintMs', 0.5)} ms (quartiles ${at(k, 'firstPaintMs', 0.25)}–${at(k, 'firstPaintMs', 0.75)}); ${warm ? '' : `replies in ${at(k, 'repliesMs', 0.5)}, `}rows drawn ${at(k, 'rowsMs', 0.5)}`,
    )
  if (marks)
    for (const k of [kind, bare]) {
      console.log(`\n${k}, the last mount (ms from its start):`)
      for (const { at, what } of mounted[k].at(-1).timeline) console.log(`${at.toFixed(1).padStart(8)}  ${what}`)
    }
  const ratio = q(of(kind, 'firstPaintMs'), 0.5) / q(of(bare, 'firstPaintMs'), 0.5)
  console.log(`ratio of medians ${ratio.toFixed(2)}×`)
  await finish()
}

if (profile) {
  const [kind, conversations, messages, asked = 'updates'] = profile
  // `mount-paged` (and so on): the view fetching pages as the server gives them, not all rows in one reply.
  const what = asked.replace(/-paged$/, '')
  const { page } = await openPage({ conversations: Number(conversations), threads: [Number(messages ?? 1000)] })
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
  const mountOnce = () =>
    page.evaluate((k) => window.bench.mount(k[0], { oneReply: k[1] }), [kind, !asked.endsWith('-paged')])
  if (what === 'mount') {
    // Ten mounts once the code is warm (five before), as the bench's first paints are taken.
    for (let i = 0; i < 5; i++) {
      await mountOnce()
      await page.evaluate(() => window.bench.unmount())
    }
    await cdp.send('Profiler.start')
    for (let i = 0; i < 9; i++) {
      console.log(await mountOnce())
      await page.evaluate(() => window.bench.unmount())
    }
  }
  console.log(await mountOnce())
  if (what !== 'mount') await cdp.send('Profiler.start')
  if (what === 'updates') console.log(await page.evaluate((n) => window.bench.updates(n), 30))
  if (what === 'scroll') console.log(await page.evaluate(() => window.bench.scroll(60)))
  if (what === 'burst') console.log(await page.evaluate(() => window.bench.burst(1000, 1000)))
  const { profile: cpu } = await cdp.send('Profiler.stop')
  const self = new Map()
  const byId = new Map(cpu.nodes.map((n) => [n.id, n]))
  const counts = new Map()
  for (const id of cpu.samples) counts.set(id, (counts.get(id) ?? 0) + 1)
  for (const [id, count] of counts) {
    const { functionName, url: file, lineNumber } = byId.get(id).callFrame
    const key = `${functionName || '(anonymous)'} ${file.split('/').pop()}:${lineNumber + 1}`
    self.set(key, (self.get(key) ?? 0) + count)
  }
  const total = cpu.samples.length
  for (const [key, count] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40))
    console.log(`${((count / total) * 100).toFixed(1).padStart(5)} %  ${key}`)
  mkdirSync('bench-results', { recursive: true })
  writeFileSync(`bench-results/${kind}-${conversations}-${what}.cpuprofile`, JSON.stringify(cpu))
  await finish()
}

console.log(`\nBrowser: the inbox against a bare react-virtual list (Chromium, ${quick ? 'quick' : 'full'} run)\n`)
console.log(`${'scenario'.padEnd(34)} ${'metric'.padEnd(20)} ${'inbox'.padStart(10)} ${'bare'.padStart(10)}  ratio`)
for (const n of SIZES) {
  const label = n.toLocaleString('en-US')
  const { page, heap, setup } = await openPage({ conversations: n, threads: n === SIZES[0] ? THREADS : [] })
  console.log(`  (${label} conversations set up in ${(setup.setupMs / 1000).toFixed(1)} s)`)
  // First paints: the median of 21 mounts where a mount takes well under a second, after two of
  // each not counted; of 7 where a reply of 10,000 rows takes about one; of one at 100,000 rows in
  // one reply (seven seconds a mount), after one not counted.
  const mounts = (rows) => (rows <= 1_000 ? [21, 2] : rows <= 10_000 ? [7, 1] : [1, 1])
  await compare(page, heap, `Inbox, ${label} convs, paged`, ['inbox', 'bare-list'], {}, null, 21, 2)
  // Mounted again over what it fetched before (as a PMS screen the staff come back to): the page's own work.
  await compare(page, heap, `Inbox, ${label} convs, warm`, ['inbox', 'bare-list'], { warm: true }, null, 21, 2)
  await compare(
    page,
    heap,
    `List, ${label} convs, one reply`,
    ['list', 'bare-list'],
    { oneReply: true },
    moving(page),
    ...mounts(n),
  )
  if (n === SIZES[0]) {
    for (const [index, m] of THREADS.entries()) {
      const size = m.toLocaleString('en-US')
      await compare(
        page,
        heap,
        `Thread, ${size} msgs, newest page`,
        ['thread', 'bare-thread'],
        { thread: index },
        null,
        21,
        2,
      )
      await compare(
        page,
        heap,
        `Thread, ${size} msgs, one reply`,
        ['thread', 'bare-thread'],
        { thread: index, oneReply: true },
        moving(page),
        ...mounts(m),
      )
    }
    // Opening and closing conversations must not leak: heap after GC, after 20 and after 200.
    await page.evaluate(() => window.bench.mount('inbox'))
    await page.evaluate(() => window.bench.openClose(20))
    const warm = await heap()
    await page.evaluate(() => window.bench.openClose(180))
    const after = await heap()
    record('Inbox, open and close 200', 'heap growth', ((after - warm) / warm) * 100, null, '%')
    console.log(
      `${'Inbox, open and close 200'.padEnd(34)} ${'heap growth'.padEnd(20)} ${`${(((after - warm) / warm) * 100).toFixed(1)} %`.padStart(10)}`,
    )
    await page.evaluate(() => window.bench.unmount())
  }
  await page.close()
}
await browser.close()
server.close()
rmSync(dir, { recursive: true, force: true })
mkdirSync('bench-results', { recursive: true })
writeFileSync(
  'bench-results/browser.json',
  `${JSON.stringify({ at: new Date().toISOString(), quick, results }, null, 2)}\n`,
)
console.log('\nWritten to bench-results/browser.json')

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
import { devModes } from './bench-browser/devModes.mjs'
import { phaseOf } from './bench-browser/phase.mjs'
import { chromiumArgs, chromiumPath } from './chromium.mjs'

const quick = process.argv.includes('--quick')
const SIZES = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000]
const THREADS = quick ? [1_000] : [1_000, 10_000]
const UPDATES = quick ? 30 : 100
// `--profile <view> <conversations> <messages> [updates|scroll|burst|mount][-paged]`: a CPU profile of that view
// (`mount`: ten warm mounts; code left unminified so the names read), its top functions printed, the profile kept
// in bench-results.
const profileAt = process.argv.indexOf('--profile')
const profile = profileAt > 0
// `--burst <view> <conversations> <messages> [runs]`: the burst alone, ours and bare in turn (scripts/bench-browser/devModes.mjs).
// `--trace <view> <conversations> <messages> [-paged] [-warm] [updates]`: the browser's own timeline of a mount (script,
// style, layout, paint), the longest events listed in order: where a first paint's time goes besides script
// (`TRACE_MIN_US=300`: events from 0.3 ms listed, 1.5 ms by default).
// With `updates`, the timeline of three texts arriving after the mount instead (each arrival marked); with
// `burst`, of 300 texts in 300 ms.
// `BENCH_JS_FLAGS=--trace-gc DEBUG=pw:browser` with any of them: V8's own log (here, each collection and its pause).

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
const jsFlags = process.env.BENCH_JS_FLAGS ? [`--js-flags=${process.env.BENCH_JS_FLAGS}`] : []
const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, ...jsFlags] })

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

await devModes(process.argv, { openPage, finish })

const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length
async function compare(page, heap, scenario, [ours, bare], options, measure, paints = 1, warm = 0) {
  const figures = {}
  const firstPaints = { [ours]: [], [bare]: [] }
  const rowsDrawn = { [ours]: [], [bare]: [] }
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
  const mountAt = async (kind, i) => {
    const mounted = await page.evaluate(([k, o]) => window.bench.mount(k, o), [kind, { ...options, phase: phaseOf(i) }])
    firstPaints[kind].push(mounted.firstPaintMs)
    rowsDrawn[kind].push(mounted.rowsMs)
    return mounted
  }
  for (let i = 1; i < paints; i++)
    for (const kind of [bare, ours]) {
      await mountAt(kind, i)
      await page.evaluate(() => window.bench.unmount())
    }
  for (const kind of [bare, ours]) {
    const mounted = await mountAt(kind, 0)
    const extra = measure ? await measure(kind) : {}
    figures[kind] = {
      ...mounted,
      firstPaintMs: mean(firstPaints[kind]),
      rowsMs: mean(rowsDrawn[kind]),
      heapMB: held[kind] / 1024 / 1024,
      ...extra,
    }
    await page.evaluate(() => window.bench.unmount())
  }
  const a = figures[ours]
  const b = figures[bare]
  record(scenario, 'first paint', a.firstPaintMs, b.firstPaintMs, 'ms')
  record(scenario, 'rows drawn', a.rowsMs, b.rowsMs, 'ms')
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

console.log(`\nBrowser: the inbox against a bare react-virtual list (Chromium, ${quick ? 'quick' : 'full'} run)\n`)
console.log(`${'scenario'.padEnd(34)} ${'metric'.padEnd(20)} ${'inbox'.padStart(10)} ${'bare'.padStart(10)}  ratio`)
for (const n of SIZES) {
  const label = n.toLocaleString('en-US')
  const { page, heap, setup } = await openPage({ conversations: n, threads: n === SIZES[0] ? THREADS : [] })
  console.log(`  (${label} conversations set up in ${(setup.setupMs / 1000).toFixed(1)} s)`)
  // First paints: the mean of 21 mounts where a mount takes well under a second, after two of
  // each not counted; of 15 where a reply of 10,000 rows takes about one (7 left the bare list's
  // mean 10 % apart from run to run, and the ratio with it); of one at 100,000 rows in one reply
  // (seven seconds a mount), after one not counted.
  const mounts = (rows) => (rows <= 1_000 ? [21, 2] : rows <= 10_000 ? [15, 1] : [1, 1])
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

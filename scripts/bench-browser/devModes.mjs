// The bench's tools for finding where time goes, one at a time (each ends the run): `--trace`, `--leak`,
// `--ab`, `--burst` and `--profile`, as described in scripts/bench-browser.mjs.
import { mkdirSync, writeFileSync } from 'node:fs'
import { phaseOf } from './phase.mjs'

/**
 * Runs the tool the command line asks for, if any, over the bench's page (`openPage`) and ends the
 * run (`finish`); returns when none is asked for.
 */
export async function devModes(argv, { openPage, finish }) {
  const traceAt = argv.indexOf('--trace')
  const trace = traceAt > 0 ? argv.slice(traceAt + 1, traceAt + 6) : null
  const profileAt = argv.indexOf('--profile')
  const profile = profileAt > 0 ? argv.slice(profileAt + 1, profileAt + 5) : null
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
  if (argv.includes('--leak')) {
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
  // its baseline's, mounted in turn (21 times by default, each pair at the same place in a frame, as the full run
  // does): means and quartiles, to compare two builds. `-warm`:
  // each mount comes back to what the view fetched before (its client's cache; the bare list's last rows), so
  // the figure is the page's own work, with no reply waited for. With
  // `-marks`, the last mount's timeline too: each request sent, had and answered by the worker, its reply in,
  // the rows in the document, painted (the marks cost a little: compare means without them).
  const abAt = argv.indexOf('--ab')
  if (abAt > 0) {
    const [kind, conversations, messages, ...rest] = argv.slice(abAt + 1)
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
        const options = { oneReply: !paged, warm, phase: phaseOf(i) }
        const figures = await page.evaluate(([k, o]) => window.bench.mount(k, o), [k, options])
        if (i >= 3) mounted[k].push(figures)
        await page.evaluate(() => window.bench.unmount())
      }
    const q = (values, p) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)]
    const of = (k, key) => mounted[k].map((m) => m[key])
    const at = (k, key, p) => q(of(k, key), p).toFixed(1)
    const mean = (k, key) => of(k, key).reduce((sum, value) => sum + value, 0) / mounts
    for (const k of [kind, bare])
      console.log(
        `${k.padEnd(12)} first paint mean ${mean(k, 'firstPaintMs').toFixed(1)} ms (quartiles ${at(k, 'firstPaintMs', 0.25)}–${at(k, 'firstPaintMs', 0.75)}); ${warm ? '' : `replies in ${mean(k, 'repliesMs').toFixed(1)}, `}rows drawn ${mean(k, 'rowsMs').toFixed(1)}`,
      )
    if (marks)
      for (const k of [kind, bare]) {
        console.log(`\n${k}, the last mount (ms from its start):`)
        for (const { at, what } of mounted[k].at(-1).timeline) console.log(`${at.toFixed(1).padStart(8)}  ${what}`)
      }
    const ratio = (key) => (mean(kind, key) / mean(bare, key)).toFixed(2)
    console.log(`ratio of means: first paint ${ratio('firstPaintMs')}×, rows drawn ${ratio('rowsMs')}×`)
    await finish()
  }

  // `--burst <view> <conversations> <messages> [runs]`: only the burst of 1,000 texts in a second, over that
  // view and its baseline in turn (7 runs each by default, each on a fresh mount): frames dropped and the
  // worst frame, per run and their medians, to compare two builds.
  const burstAt = argv.indexOf('--burst')
  if (burstAt > 0) {
    const [kind, conversations, messages, runs = '7'] = argv.slice(burstAt + 1)
    const { page } = await openPage({ conversations: Number(conversations), threads: [Number(messages ?? 1000)] })
    const bare = kind === 'thread' ? 'bare-thread' : 'bare-list'
    const seen = { [kind]: [], [bare]: [] }
    for (let i = 0; i < Number(runs); i++)
      for (const k of [bare, kind]) {
        await page.evaluate(([k, o]) => window.bench.mount(k, o), [k, { oneReply: true }])
        // As in the full run: texts one at a time, a scroll end to end, then the burst.
        await page.evaluate(() => window.bench.updates(100))
        await page.evaluate(() => window.bench.scroll(120))
        seen[k].push(await page.evaluate(() => window.bench.burst(1000, 1000)))
        await page.evaluate(() => window.bench.unmount())
      }
    const mid = (values) => [...values].sort((a, b) => a - b)[values.length >> 1]
    for (const k of [kind, bare])
      console.log(
        `${k.padEnd(12)} dropped ${seen[k].map((r) => r.droppedFrames).join(' ')} (median ${mid(seen[k].map((r) => r.droppedFrames))}); worst frame median ${mid(seen[k].map((r) => r.worstFrameMs)).toFixed(1)} ms`,
      )
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
}

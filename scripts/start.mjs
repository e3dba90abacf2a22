// `npm start`: builds the packages and the example PMS app, starts the reference server on SQLite
// (data/switchboard.db, seeded on first run) and the demo in front of it, and prints one URL.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { demoRoot, startPmsDemo } from './pmsDemo.mjs'

if (!process.env.SKIP_BUILD) {
  const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' })
  if (built.status !== 0) process.exit(built.status ?? 1)
}
if (!existsSync(join(demoRoot, 'dist', 'index.html'))) {
  console.error('The demo is not built: run `npm run build` (or `npm start` without SKIP_BUILD).')
  process.exit(1)
}
const demo = await startPmsDemo({
  host: process.env.HOST ?? 'localhost',
  port: Number(process.env.PORT ?? 5173),
  apiPort: Number(process.env.API_PORT ?? 8787),
  log: (line) => console.log(`  ${line}`),
})
console.log(`
  Hearth PMS, with Switchboard inside: ${demo.url}

  Sign in as any staff member (Sam Lee has no messaging access). Open the phone simulator
  (top right) to text the clinic as a client or a new number. Data: ${demo.config.databaseFile}.
  Ctrl-C stops it.
`)
let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, async () => {
    if (stopping) return
    stopping = true
    console.log('\n  Stopping: answering the requests in flight…')
    await demo.stop()
    process.exit(0)
  })

// Runs publint and attw over every built workspace package, two at a time (the machines have two
// cores); exits non-zero on any problem.
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'

const run = promisify(execFile)
const root = JSON.parse(readFileSync('package.json', 'utf8'))
const checks = []
for (const dir of root.workspaces.filter((w) => w.startsWith('packages/'))) {
  const { name, exports = {} } = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'))
  // Stylesheets are exports too, but hold no types: attw checks only code entry points.
  const css = Object.keys(exports).filter((key) => key.endsWith('.css'))
  const excluded = css.length ? ['--exclude-entrypoints', ...css] : []
  checks.push(['publint', name, ['publint', '--strict', dir]])
  checks.push(['attw', name, ['attw', '--pack', dir, '--profile', 'node16', '--format', 'table-flipped', ...excluded]])
}
let failed = false
const next = async () => {
  for (let check = checks.shift(); check; check = checks.shift()) {
    const [tool, name, args] = check
    try {
      await run('npx', ['--no-install', ...args], { encoding: 'utf8' })
      console.log(`✓ ${tool} ${name}`)
    } catch (error) {
      failed = true
      console.error(`✗ ${tool} ${name}\n${error.stdout ?? ''}${error.stderr ?? ''}`)
    }
  }
}
await Promise.all([next(), next()])
process.exit(failed ? 1 : 0)

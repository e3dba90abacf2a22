// Runs publint and attw over every built workspace package; exits non-zero on any problem.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

const root = JSON.parse(readFileSync('package.json', 'utf8'))
let failed = false
for (const dir of root.workspaces.filter((w) => w.startsWith('packages/'))) {
  const { name, exports = {} } = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'))
  // Stylesheets are exports too, but hold no types: attw checks only code entry points.
  const css = Object.keys(exports).filter((key) => key.endsWith('.css'))
  const excluded = css.length ? ['--exclude-entrypoints', ...css] : []
  for (const [tool, args] of [
    ['publint', ['publint', '--strict', dir]],
    ['attw', ['attw', '--pack', dir, '--profile', 'node16', '--format', 'table-flipped', ...excluded]],
  ]) {
    try {
      execFileSync('npx', ['--no-install', ...args], { stdio: 'pipe', encoding: 'utf8' })
      console.log(`✓ ${tool} ${name}`)
    } catch (error) {
      failed = true
      console.error(`✗ ${tool} ${name}\n${error.stdout ?? ''}${error.stderr ?? ''}`)
    }
  }
}
process.exit(failed ? 1 : 0)

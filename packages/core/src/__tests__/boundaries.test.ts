import { execFileSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../../../', import.meta.url))
const biome = `${root}node_modules/@biomejs/biome/bin/biome`

/** Lints one probe file with the repository's biome.json; answers the diagnostics. */
function lint(path: string, code: string): string {
  const file = `${root}${path}`
  writeFileSync(file, `${code}\nexport const probe = imported\n`)
  try {
    execFileSync(process.execPath, [biome, 'lint', '--max-diagnostics=5', file], { cwd: root, stdio: 'pipe' })
    return ''
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer }
    return `${stdout ?? ''}${stderr ?? ''}` || String(error)
  } finally {
    rmSync(file, { force: true })
  }
}

/** The architecture, enforced by the linter: CI fails on an import across a boundary. */
describe('package boundaries', () => {
  const refused: Array<[string, string, string]> = [
    ['packages/protocol/src/__probe.ts', "import imported from '@switchboard/core'", 'imports nothing of ours'],
    ['packages/core/src/__probe.ts', "import imported from 'react'", 'core is headless'],
    ['packages/core/src/__probe.ts', "import imported from '@switchboard/service'", 'Transport only'],
    ['packages/core/src/__probe.ts', "import imported from '@switchboard/mock'", 'Transport only'],
    ['packages/react/src/__probe.ts', "import imported from '@switchboard/mock'", 'core client only'],
    ['packages/react/src/__probe.ts', "import imported from '@switchboard/service'", 'core client only'],
    ['packages/service/src/__probe.ts', "import imported from 'node:fs'", 'no Node, HTTP or UI'],
    ['packages/service/src/__probe.ts', "import imported from 'fastify'", 'no Node, HTTP or UI'],
    ['packages/server/src/__probe.ts', "import imported from '@switchboard/mock'", 'the service and the protocol only'],
    ['packages/server/src/storage/__probe.ts', "import imported from 'react'", 'no UI'],
    ['packages/service/src/rules/__probe.ts', "import imported from '../memory/memoryTx'", 'never the memory adapter'],
    [
      'packages/service/src/service/__probe.ts',
      "import imported from '../memory/clinicData'",
      'never the memory adapter',
    ],
  ]
  it.each(refused)('%s: %s is refused', (path, code, reason) => {
    const output = lint(path, code)
    expect(output).toContain('noRestrictedImports')
    expect(output).toContain(reason)
  })

  const allowed: Array<[string, string]> = [
    ['packages/core/src/__tests__/__probe.ts', "import imported from '@switchboard/service'"],
    ['packages/react/src/stories/__probe.tsx', "import imported from '@switchboard/mock'"],
    ['packages/react/src/__probe.ts', "import imported from '@switchboard/core'"],
    ['packages/service/src/memory/__probe.ts', "import imported from '../ports'"],
    ['packages/server/src/__probe.ts', "import imported from '@switchboard/service'"],
  ]
  it.each(allowed)('%s: %s is allowed', (path, code) => {
    expect(lint(path, code)).not.toContain('noRestrictedImports')
  })
})

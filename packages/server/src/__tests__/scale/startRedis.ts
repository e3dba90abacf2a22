import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from 'redis'
import { redisServer } from '../../../../../scripts/services.mjs'
import { freePort } from './freePort'

/** A Redis server of the tests' own, on 127.0.0.1, keeping nothing on disk. */
export interface TestRedis {
  url: string
  stop(): Promise<void>
}

/** Starts redis-server on a free port of 127.0.0.1 in a temporary directory; resolves once it answers. */
export async function startRedis(): Promise<TestRedis> {
  const program = redisServer()
  if (!program)
    throw new Error('Redis is not installed: `node scripts/ensure-services.mjs` installs it (npm test runs it first).')
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-redis-'))
  const port = await freePort()
  const child = spawn(
    program,
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  )
  const url = `redis://127.0.0.1:${port}`
  for (let attempt = 0; ; attempt++) {
    const probe = createClient({ url, socket: { reconnectStrategy: false } })
    probe.on('error', () => undefined)
    try {
      await probe.connect()
      await probe.ping()
      await probe.quit()
      break
    } catch (error) {
      if (attempt > 100 || child.exitCode !== null) {
        child.kill('SIGKILL')
        rmSync(dir, { recursive: true, force: true })
        throw new Error(`redis-server did not start on port ${port}: ${String(error)}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  return {
    url,
    async stop() {
      child.kill('SIGKILL')
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

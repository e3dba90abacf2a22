// The database servers the scale-out tests start (PostgreSQL and Redis): where this machine has
// them, and installing them where it can (Debian's packages, as root), saying what it does.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { isExecutable } from './chromium.mjs'

const list = (dir) => {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}

/** The directory of PostgreSQL's programs (PG_BIN, or Debian's newest version), or null. */
export function postgresBin(env = process.env) {
  if (env.PG_BIN) return isExecutable(join(env.PG_BIN, 'initdb')) ? env.PG_BIN : null
  const root = '/usr/lib/postgresql'
  const versions = list(root)
    .filter((version) => isExecutable(join(root, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
  return versions[0] ? join(root, versions[0], 'bin') : null
}

/** The redis-server program (REDIS_SERVER, or the one on the PATH), or null. */
export function redisServer(env = process.env) {
  if (env.REDIS_SERVER) return isExecutable(env.REDIS_SERVER) ? env.REDIS_SERVER : null
  for (const dir of (env.PATH ?? '').split(':').filter(Boolean))
    if (isExecutable(join(dir, 'redis-server'))) return join(dir, 'redis-server')
  return null
}

/**
 * Finds PostgreSQL and Redis, or installs Debian's packages of the missing ones (as root, with
 * apt-get); returns where they are, or throws saying what to do.
 */
export function ensureServices({ log = console.log } = {}) {
  const found = () => ({ postgres: postgresBin(), redis: redisServer() })
  const now = found()
  const missing = [!now.postgres && 'postgresql', !now.redis && 'redis-server'].filter(Boolean)
  if (missing.length === 0) return now
  const canApt =
    process.platform === 'linux' &&
    process.getuid?.() === 0 &&
    spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0
  if (canApt) {
    log(`Not found: ${missing.join(', ')}. Installing Debian's packages (apt-get install, as root)…`)
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
    spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env })
    const after = found()
    if (after.postgres && after.redis) return after
  }
  throw new Error(
    `The scale-out tests need ${missing.join(' and ')}: install Debian's postgresql and redis-server packages (or set PG_BIN and REDIS_SERVER), or set SKIP_SERVICES=1 to run the tests without them.`,
  )
}

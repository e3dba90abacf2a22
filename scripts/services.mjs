// The database servers the scale-out tests start (PostgreSQL and Redis): where this machine has
// them, and installing them where it can (Debian's packages, as root), saying what it does.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createConnection, createServer as createNetServer } from 'node:net'
import { tmpdir } from 'node:os'
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
    `The scale-out tests need ${missing.join(' and ')}: install Debian's postgresql and redis-server packages (or set PG_BIN and REDIS_SERVER).`,
  )
}

/** A port of 127.0.0.1 free right now (the OS picks it), for a server a test or bench starts. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createNetServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

const idOf = (flag, user) => Number(execFileSync('id', [flag, user], { encoding: 'utf8' }).trim())

/**
 * Starts PostgreSQL in a temporary directory on a free port of 127.0.0.1 (trust authentication,
 * no durability: the data lives as long as the run). As root, the server runs as the `postgres`
 * user: initdb refuses root. `database()` creates an empty database and answers its URL (ICU
 * English collation with `{ collation: 'en-US' }`).
 */
export async function startPostgres() {
  const bin = postgresBin()
  if (!bin)
    throw new Error(
      'PostgreSQL is not installed: `node scripts/ensure-services.mjs` installs it (npm run test:scale runs it first).',
    )
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-pg-'))
  const asRoot = process.getuid?.() === 0
  const run = (program, args) =>
    execFileSync(
      asRoot ? 'runuser' : join(bin, program),
      asRoot ? ['-u', 'postgres', '--', join(bin, program), ...args] : args,
      {
        stdio: 'pipe',
      },
    )
  if (asRoot) chownSync(dir, idOf('-u', 'postgres'), idOf('-g', 'postgres'))
  const data = join(dir, 'data')
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--encoding=UTF8', '--locale=C.UTF-8'])
  const port = await freePort()
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ')
  run('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'log'), '-w', 'start'])
  const urlOf = (name) => `postgres://postgres@127.0.0.1:${port}/${name}`
  let made = 0
  return {
    url: urlOf('postgres'),
    async database(options = {}) {
      const name = `db_${++made}`
      const icu = options.collation === 'en-US' ? " LOCALE_PROVIDER icu ICU_LOCALE 'en-US' TEMPLATE template0" : ''
      run('psql', ['-h', dir, '-p', String(port), '-U', 'postgres', '-q', '-c', `CREATE DATABASE ${name}${icu}`])
      return urlOf(name)
    },
    async stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}

/** Whether a Redis answers PING on `port` of 127.0.0.1. */
const answersPing = (port) =>
  new Promise((resolve) => {
    const socket = createConnection(port, '127.0.0.1')
    socket.setTimeout(500)
    socket.on('connect', () => socket.write('PING\r\n'))
    socket.on('data', (chunk) => {
      resolve(String(chunk).startsWith('+PONG'))
      socket.destroy()
    })
    for (const end of ['error', 'timeout', 'close']) socket.on(end, () => resolve(false))
  })

/** Starts redis-server on a free port of 127.0.0.1, keeping nothing on disk; resolves once it answers. */
export async function startRedis() {
  const program = redisServer()
  if (!program)
    throw new Error(
      'Redis is not installed: `node scripts/ensure-services.mjs` installs it (npm run test:scale runs it first).',
    )
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-redis-'))
  const port = await freePort()
  const child = spawn(
    program,
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  )
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGKILL')
      await new Promise((resolve) => child.once('exit', resolve))
    }
    rmSync(dir, { recursive: true, force: true })
  }
  for (let attempt = 0; !(await answersPing(port)); attempt++) {
    if (attempt > 100 || child.exitCode !== null) {
      await stop()
      throw new Error(`redis-server did not start on port ${port}.`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return { url: `redis://127.0.0.1:${port}`, stop }
}

import { execFileSync } from 'node:child_process'
import { chownSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { postgresBin } from '../../../../../scripts/services.mjs'
import { freePort } from './freePort'

/** A PostgreSQL server of the tests' own: its data in a temporary directory, on 127.0.0.1. */
export interface TestPostgres {
  /** A connection string to a new database of the server (`database()` makes another). */
  url: string
  /** Creates an empty database, ICU English collation when `collation` is 'en-US', and returns its URL. */
  database(options?: { collation?: 'en-US' }): Promise<string>
  stop(): Promise<void>
}

/**
 * Starts PostgreSQL in a temporary directory on a free port of 127.0.0.1 (trust authentication,
 * no durability: a test's data lives as long as the test). As root, the server runs as the
 * `postgres` user: initdb refuses root.
 */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBin()
  if (!bin)
    throw new Error(
      'PostgreSQL is not installed: `node scripts/ensure-services.mjs` installs it (npm test runs it first).',
    )
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-pg-'))
  const asRoot = process.getuid?.() === 0
  const run = (program: string, args: string[]) =>
    execFileSync(
      asRoot ? 'runuser' : join(bin, program),
      asRoot ? ['-u', 'postgres', '--', join(bin, program), ...args] : args,
      {
        stdio: 'pipe',
      },
    )
  if (asRoot) chownSync(dir, uidOf('postgres'), gidOf('postgres'))
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
  const urlOf = (name: string) => `postgres://postgres@127.0.0.1:${port}/${name}`
  let made = 0
  return {
    url: urlOf('postgres'),
    async database(options = {}) {
      const name = `test_${++made}`
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

const idOf = (flag: '-u' | '-g', user: string) => Number(execFileSync('id', [flag, user], { encoding: 'utf8' }).trim())
const uidOf = (user: string) => idOf('-u', user)
const gidOf = (user: string) => idOf('-g', user)

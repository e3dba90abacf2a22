import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type StartedPostgres, startPostgres } from '../../../../../scripts/services.mjs'
import { loadConfig, type StartedServer, startFromConfig } from '../../index'

let postgres: StartedPostgres
const dirs: string[] = []
const servers: StartedServer[] = []
beforeAll(async () => {
  postgres = await startPostgres()
})
afterAll(async () => {
  for (const server of servers) await server.stop()
  await postgres?.stop()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

const signIn = async (api: string) => {
  const response = await fetch(`${api}/auth/dev-sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clinicId: 'cln_maple', userId: 'usr_dana' }),
  })
  return (await response.json()).token as string
}

describe('DATABASE_URL', () => {
  it('is checked: a connection string of PostgreSQL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/inbox' })).toThrow(/DATABASE_URL must be a PostgreSQL/)
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/inbox' })).toMatchObject({
      databaseUrl: 'postgres://u:p@db:5432/inbox',
      databasePoolSize: 10,
    })
  })

  it('two servers started together on an empty database: seeded once, each sees what the other wrote', async () => {
    const url = await postgres.database()
    const lines: string[] = []
    const start = () => {
      const dir = mkdtempSync(join(tmpdir(), 'switchboard-pg-start-'))
      dirs.push(dir)
      const config = loadConfig({ PORT: '0', DATABASE_URL: url, SEED_CONVERSATIONS: '10', FILES_DIR: dir })
      return startFromConfig(config, { log: (line) => lines.push(line) })
    }
    const [a, b] = await Promise.all([start(), start()])
    servers.push(a, b)
    expect(lines.filter((line) => line.startsWith('Seeded'))).toEqual([
      `Seeded the demo clinics into PostgreSQL at ${new URL(url).host}${new URL(url).pathname}.`,
    ])
    const apiA = `${a.url}/api/sms`
    const apiB = `${b.url}/api/sms`
    const started = await fetch(`${apiA}/conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await signIn(apiA)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ phone: '+16505550142', body: 'Biscuit is ready for pick-up!', clientMessageId: 'pg-1' }),
    })
    expect(started.status).toBe(201)
    const { conversation } = await started.json()
    const thread = await fetch(`${apiB}/conversations/${conversation.id}/messages`, {
      headers: { authorization: `Bearer ${await signIn(apiB)}` },
    })
    expect((await thread.json()).items.map((m: { body: string }) => m.body.split('\n')[0])).toContain(
      'Biscuit is ready for pick-up!',
    )
  })
})

describe('REDIS_URL', () => {
  it('is checked, and a Redis that does not answer stops the start with the reason', async () => {
    expect(() => loadConfig({ REDIS_URL: 'memcached://cache:11211' })).toThrow(/REDIS_URL must be a Redis address/)
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-no-redis-'))
    dirs.push(dir)
    // A port nothing listens on.
    const config = loadConfig({
      PORT: '0',
      DATABASE_FILE: join(dir, 'inbox.db'),
      FILES_DIR: dir,
      REDIS_URL: 'redis://127.0.0.1:1',
    })
    await expect(startFromConfig(config, { log: () => undefined })).rejects.toThrow(/Redis at 127\.0\.0\.1:1: /)
  }, 20_000)
})

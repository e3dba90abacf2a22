import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, expect, it } from 'vitest'

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url))
const children: ChildProcess[] = []
let dir = ''
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Starts the built server as its own process on a free port; answers its API URL. */
async function startProcess(env: Record<string, string>): Promise<{ api: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, ...env, PORT: '0' }, stdio: 'pipe' })
  children.push(child)
  const api = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk) => {
      out += String(chunk)
      const match = /Switchboard server on (\S+)/.exec(out)
      if (match?.[1]) resolve(match[1])
    })
    child.on('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)))
  })
  return { api, child }
}

it('a crash in the middle of a burst of sends loses nothing it acknowledged', async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-crash-'))
  const env = {
    DATABASE_FILE: join(dir, 'inbox.db'),
    FILES_DIR: join(dir, 'files'),
    SEED_CONVERSATIONS: '10',
    SENDS_PER_MINUTE: '10000',
  }
  const first = await startProcess(env)
  const json = { 'content-type': 'application/json' }
  const signIn = async (api: string) =>
    (
      await (
        await fetch(`${api}/auth/dev-sign-in`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ clinicId: 'cln_maple', userId: 'usr_dana' }),
        })
      ).json()
    ).token as string
  const token = await signIn(first.api)
  const { conversation } = await (
    await fetch(`${first.api}/conversations`, {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${token}` },
      body: JSON.stringify({ phone: '+16505550142' }),
    })
  ).json()

  const acknowledged: string[] = []
  const sends = Array.from({ length: 200 }, async (_, i) => {
    const key = `burst-${i}`
    try {
      const response = await fetch(`${first.api}/conversations/${conversation.id}/messages`, {
        method: 'POST',
        headers: { ...json, authorization: `Bearer ${token}` },
        body: JSON.stringify({ body: `Burst ${i}`, clientMessageId: key }),
      })
      if (response.status === 201) acknowledged.push(key)
    } catch {
      // the connection died with the process: not acknowledged
    }
  })
  // Kill the process (no graceful stop) once some sends were acknowledged and others are in flight.
  while (acknowledged.length < 20) await new Promise((r) => setTimeout(r, 5))
  first.child.kill('SIGKILL')
  await Promise.all(sends)
  expect(acknowledged.length).toBeGreaterThan(0)
  expect(acknowledged.length).toBeLessThan(200)

  const second = await startProcess(env)
  const again = await signIn(second.api)
  const stored: string[] = []
  let before: number | null = null
  for (;;) {
    const query: string = before === null ? '' : `?before=${before}`
    const page: { items: Array<{ clientMessageId?: string }>; nextBefore: number | null } = await (
      await fetch(`${second.api}/conversations/${conversation.id}/messages${query}`, {
        headers: { authorization: `Bearer ${again}` },
      })
    ).json()
    stored.push(...page.items.map((m: { clientMessageId?: string }) => m.clientMessageId ?? ''))
    if (page.nextBefore === null) break
    before = page.nextBefore
  }
  const burst = stored.filter((k) => k.startsWith('burst-'))
  expect(acknowledged.filter((k) => !burst.includes(k))).toEqual([])
  expect(new Set(burst).size).toBe(burst.length)
}, 60_000)

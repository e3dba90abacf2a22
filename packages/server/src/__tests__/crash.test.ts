import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, expect, it } from 'vitest'
import { startFakeTwilio } from './fakeTwilio'
import { deliverTwilioWebhook, openConversation, sendBurst, signIn, startProcess, threadOf } from './processHarness'

const children: ChildProcess[] = []
const cleanups: Array<() => Promise<void>> = []
let dir = ''
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
  for (const cleanup of cleanups.splice(0)) await cleanup()
  if (dir) rmSync(dir, { recursive: true, force: true })
})
/** A new temporary folder for the database and files, as the server's environment. */
function freshEnv() {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-crash-'))
  return {
    DATABASE_FILE: join(dir, 'inbox.db'),
    FILES_DIR: join(dir, 'files'),
    SEED_CONVERSATIONS: '10',
    SENDS_PER_MINUTE: '10000',
  }
}

it('a crash in the middle of a burst of sends loses nothing it acknowledged', async () => {
  const env = freshEnv()
  const first = await startProcess(env, children)
  const token = await signIn(first.api)
  const conversation = await openConversation(first.api, token)

  const acknowledged: string[] = []
  const sends = Array.from({ length: 200 }, async (_, i) => {
    const key = `burst-${i}`
    try {
      if ((await sendBurst(first.api, token, conversation.id, i)) === 201) acknowledged.push(key)
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

  const second = await startProcess(env, children)
  const again = await signIn(second.api)
  const stored = (await threadOf(second.api, again, conversation.id)).map((m) => m.clientMessageId ?? '')
  const burst = stored.filter((k) => k.startsWith('burst-'))
  expect(acknowledged.filter((k) => !burst.includes(k))).toEqual([])
  expect(new Set(burst).size).toBe(burst.length)
}, 60_000)

it('a crash during bursts of sends and of Twilio webhooks: nothing acknowledged lost, nothing stored or texted twice, the queued sent after the restart', async () => {
  const ACCOUNT = `AC${'c3'.repeat(16)}`
  const TOKEN = 'd4'.repeat(16)
  const PUBLIC = 'https://sms.clinic.example'
  const fake = await startFakeTwilio(ACCOUNT, TOKEN)
  cleanups.push(fake.stop)
  const env = {
    ...freshEnv(),
    SMS_PROVIDER: 'twilio',
    TWILIO_ACCOUNT_SID: ACCOUNT,
    TWILIO_AUTH_TOKEN: TOKEN,
    TWILIO_API_URL: fake.url,
    PUBLIC_URL: PUBLIC,
  }
  const first = await startProcess(env, children)
  const token = await signIn(first.api)
  const conversation = await openConversation(first.api, token)

  const webhooks = Array.from({ length: 150 }, (_, i) => ({
    AccountSid: ACCOUNT,
    MessageSid: `SMe${String(i).padStart(31, '0')}`,
    From: `+1650556${String(1000 + i)}`,
    To: '+14155550100',
    Body: `Inbound ${i}`,
    NumMedia: '0',
  }))
  const deliver = (api: string, params: Record<string, string>) =>
    deliverTwilioWebhook(api, { authToken: TOKEN, publicUrl: PUBLIC }, params)
  const sendsAcknowledged: string[] = []
  const inboundAcknowledged: string[] = []
  let killed = false
  /** Runs `run` over `items`, `size` at a time, until the process is killed. */
  const pool = async <T>(items: T[], size: number, run: (item: T) => Promise<void>) => {
    let next = 0
    await Promise.all(
      Array.from({ length: size }, async () => {
        while (!killed && next < items.length) {
          try {
            await run(items[next++] as T)
          } catch {
            // the connection died with the process: not acknowledged
          }
        }
      }),
    )
  }
  // Neither burst runs far ahead of the other (webhooks are quicker than sends): the crash comes
  // in the middle of both, whatever the machine's speed.
  const inStep = async (mine: string[], theirs: string[]) => {
    while (!killed && mine.length > theirs.length + 30) await new Promise((r) => setTimeout(r, 2))
  }
  // Texts keep arriving while staff keep sending, ten of each at a time.
  const inbound = pool(webhooks, 10, async (params) => {
    await inStep(inboundAcknowledged, sendsAcknowledged)
    if ((await deliver(first.api, params)).status === 200) inboundAcknowledged.push(params.MessageSid)
  })
  const sends = pool(
    Array.from({ length: 150 }, (_, i) => i),
    10,
    async (i) => {
      await inStep(sendsAcknowledged, inboundAcknowledged)
      if ((await sendBurst(first.api, token, conversation.id, i)) === 201) sendsAcknowledged.push(`burst-${i}`)
    },
  )
  while (sendsAcknowledged.length < 20 || inboundAcknowledged.length < 20) await new Promise((r) => setTimeout(r, 2))
  killed = true
  first.child.kill('SIGKILL')
  await Promise.all([sends, inbound])
  expect(sendsAcknowledged.length).toBeLessThan(150)
  expect(inboundAcknowledged.length).toBeLessThan(150)

  const second = await startProcess(env, children)
  const file = new Database(env.DATABASE_FILE)
  const inboundStored = () =>
    file
      .prepare("SELECT provider_message_id AS sid, COUNT(*) AS n FROM messages WHERE direction = 'inbound' GROUP BY 1")
      .all() as Array<{ sid: string; n: number }>
  // Every webhook acknowledged before the crash is there, once.
  const afterRestart = new Map(inboundStored().map((r) => [r.sid, r.n]))
  expect(inboundAcknowledged.filter((sid) => afterRestart.get(sid) !== 1)).toEqual([])
  // Twilio delivers every one again: each is still stored once.
  for (const params of webhooks) expect((await deliver(second.api, params)).status).toBe(200)
  const rows = inboundStored().filter((r) => r.sid?.startsWith('SMe'))
  expect(rows).toHaveLength(150)
  expect(rows.filter((r) => r.n !== 1)).toEqual([])
  file.close()

  // Every acknowledged send is kept once; none is left queued; none reached Twilio twice.
  const again = await signIn(second.api)
  let thread = await threadOf(second.api, again, conversation.id)
  for (let i = 0; i < 100 && thread.some((m) => m.status === 'queued'); i += 1) {
    await new Promise((r) => setTimeout(r, 50))
    thread = await threadOf(second.api, again, conversation.id)
  }
  const burst = thread.filter((m) => m.clientMessageId?.startsWith('burst-'))
  expect(sendsAcknowledged.filter((k) => !burst.some((m) => m.clientMessageId === k))).toEqual([])
  expect(new Set(burst.map((m) => m.clientMessageId)).size).toBe(burst.length)
  expect(burst.filter((m) => m.status === 'queued')).toEqual([])
  const texted = new Map<string, number>()
  for (const send of fake.sends) texted.set(`${send.to} ${send.body}`, (texted.get(`${send.to} ${send.body}`) ?? 0) + 1)
  expect([...texted.values()].filter((n) => n > 1)).toEqual([])
  for (const m of burst) {
    if (m.status === 'failed') expect(m.error?.code).toBe('interrupted')
    else expect(fake.sends.some((s) => s.body.startsWith(`Burst ${m.clientMessageId?.slice(6)}`))).toBe(true)
  }
}, 90_000)

import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type StartedPostgres, startPostgres } from '../../../../../scripts/services.mjs'
import { startFakeTwilio } from '../fakeTwilio'
import { deliverTwilioWebhook, openConversation, sendBurst, signIn, startProcess, threadOf } from '../processHarness'

let postgres: StartedPostgres
const children: ChildProcess[] = []
const dirs: string[] = []
beforeAll(async () => {
  postgres = await startPostgres()
})
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL')
  await postgres?.stop()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

it('two servers on PostgreSQL: one killed mid-burst, the other hands over what it left, nothing lost or texted twice', async () => {
  const ACCOUNT = `AC${'e5'.repeat(16)}`
  const TOKEN = 'f6'.repeat(16)
  const PUBLIC = 'https://sms.clinic.example'
  const fake = await startFakeTwilio(ACCOUNT, TOKEN)
  const files = mkdtempSync(join(tmpdir(), 'switchboard-kill-'))
  dirs.push(files)
  const env = {
    DATABASE_URL: await postgres.database(),
    FILES_DIR: files,
    SEED_CONVERSATIONS: '10',
    SENDS_PER_MINUTE: '10000',
    SMS_PROVIDER: 'twilio',
    TWILIO_ACCOUNT_SID: ACCOUNT,
    TWILIO_AUTH_TOKEN: TOKEN,
    TWILIO_API_URL: fake.url,
    PUBLIC_URL: PUBLIC,
    // The survivor looks every second; a hand-off unanswered for 2 s is taken as cut off.
    OUTBOX_SWEEP_SECONDS: '1',
    HANDOFF_TIMEOUT_SECONDS: '2',
  }
  const a = await startProcess(env, children)
  const b = await startProcess(env, children)
  const token = await signIn(a.api)
  const conversation = await openConversation(a.api, token)
  const deliver = (api: string, i: number) => {
    const params = {
      AccountSid: ACCOUNT,
      MessageSid: `SMk${String(i).padStart(31, '0')}`,
      From: `+1650557${String(1000 + i)}`,
      To: '+14155550100',
      Body: `Inbound ${i}`,
      NumMedia: '0',
    }
    return deliverTwilioWebhook(api, { authToken: TOKEN, publicUrl: PUBLIC }, params)
  }

  // Staff send through A; Twilio delivers each webhook to both (a retry landing elsewhere).
  const acknowledged: string[] = []
  let killed = false
  const sends = Promise.all(
    Array.from({ length: 10 }, async (_, lane) => {
      for (let i = lane; i < 200 && !killed; i += 10) {
        try {
          if ((await sendBurst(a.api, token, conversation.id, i)) === 201) acknowledged.push(`burst-${i}`)
        } catch {
          // the connection died with A: not acknowledged
        }
      }
    }),
  )
  const webhooks = Promise.all(
    Array.from({ length: 60 }, async (_, i) => {
      await Promise.allSettled([deliver(a.api, i), deliver(b.api, i)])
    }),
  )
  while (acknowledged.length < 30) await new Promise((r) => setTimeout(r, 2))
  killed = true
  a.child.kill('SIGKILL')
  await Promise.all([sends, webhooks])
  expect(acknowledged.length).toBeLessThan(200)

  // B, never restarted, settles what A left: nothing queued; a text "sending" has reached Twilio
  // (the fake sends no delivery reports) or is cut off (failed, interrupted) after 2 s.
  const texted = (m: { clientMessageId?: string }) =>
    fake.sends.filter((s) => s.body.startsWith(`Burst ${m.clientMessageId?.slice(6)}\n`)).length
  const settled = (m: { status: string; clientMessageId?: string }) =>
    m.status !== 'queued' && (m.status !== 'sending' || texted(m) > 0)
  const again = await signIn(b.api)
  let thread = await threadOf(b.api, again, conversation.id)
  for (let i = 0; i < 200 && !thread.every(settled); i += 1) {
    await new Promise((r) => setTimeout(r, 50))
    thread = await threadOf(b.api, again, conversation.id)
  }
  const burst = thread.filter((m) => m.clientMessageId?.startsWith('burst-'))
  expect(acknowledged.filter((key) => !burst.some((m) => m.clientMessageId === key))).toEqual([])
  expect(new Set(burst.map((m) => m.clientMessageId)).size).toBe(burst.length)
  expect(burst.filter((m) => !settled(m))).toEqual([])
  // Each text reached Twilio at most once; every one not cut off reached it.
  expect(burst.filter((m) => texted(m) > 1)).toEqual([])
  for (const m of burst) {
    if (m.status === 'failed') expect(m.error?.code).toBe('interrupted')
    else expect(texted(m)).toBe(1)
  }

  // Every webhook B acknowledged, and every one delivered again now, is one message.
  for (let i = 0; i < 60; i++) expect((await deliver(b.api, i)).status).toBe(200)
  const inbound = await fetch(`${b.api}/conversations?status=all&limit=200`, {
    headers: { authorization: `Bearer ${again}` },
  })
  const phones = ((await inbound.json()).items as Array<{ contact: { phone: string } }>).map((c) => c.contact.phone)
  expect(phones.filter((phone) => phone.startsWith('+1650557'))).toHaveLength(60)
  await fake.stop()
}, 90_000)

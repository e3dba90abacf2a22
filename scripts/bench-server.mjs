// Load run against the reference server on 127.0.0.1 (SQLite), as it runs in production: its own
// process (`node packages/server/dist/main.js`), Twilio as the provider (a fake of Twilio's API in
// this process, which reports 'sent' then 'delivered' to the signed status webhook for every text,
// as Twilio does). At once: staff senders that retry with the same idempotency key, and a burst of
// signed inbound webhooks. Bounded in count. Prints messages/s, latency percentiles, and lost and
// duplicated messages and statuses.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { createServer as createNetServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { createSqliteStorage } from '@switchboard/server'
import twilio from 'twilio'

const STAFF = ['usr_dana', 'usr_priya', 'usr_elena', 'usr_marcus', 'usr_tom']
const SENDS_EACH = 60
const INBOUND = 300
const RETRY_SHARE = 0.1 // a tenth of the sends are delivered twice, as a client retrying after a lost reply would
const ACCOUNT = `AC${'5e'.repeat(16)}`
const TOKEN = '7a'.repeat(16)
const MAIN = fileURLToPath(new URL('../packages/server/dist/main.js', import.meta.url))

const row = (label, value) => console.log(`${label.padEnd(68)} ${value}`)
const percentile = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]
const spread = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return [50, 95, 99].map((p) => percentile(sorted, p).toFixed(1)).join(' / ')
}
const freePort = () =>
  new Promise((resolve) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
const signed = (url, params) => ({
  method: 'POST',
  headers: {
    'content-type': 'application/x-www-form-urlencoded',
    'x-twilio-signature': twilio.getExpectedTwilioSignature(TOKEN, url, params),
  },
  body: new URLSearchParams(params),
})

// Twilio's API: answers each text with a sid, then reports 'sent' and 'delivered' to its callback
// (the staff's texts, and the after-hours replies when the run falls outside the clinic's hours).
const callbacks = []
let texted = 0
const fake = createServer((request, response) => {
  let form = ''
  request.on('data', (chunk) => {
    form += chunk
  })
  request.on('end', () => {
    const params = new URLSearchParams(form)
    texted += 1
    const sid = `SM${texted.toString(16).padStart(32, '0')}`
    response.writeHead(201, { 'content-type': 'application/json' })
    response.end(JSON.stringify({ sid, status: 'queued', to: params.get('To'), from: params.get('From') }))
    const report = (status) => () =>
      fetch(
        params.get('StatusCallback'),
        signed(params.get('StatusCallback'), {
          AccountSid: ACCOUNT,
          MessageSid: sid,
          From: params.get('From'),
          To: params.get('To'),
          MessageStatus: status,
        }),
      ).then((r) => r.status)
    const later = (ms, status) => new Promise((resolve) => setTimeout(resolve, ms)).then(report(status))
    callbacks.push(later(50, 'sent'), later(150, 'delivered'))
  })
})
await new Promise((resolve) => fake.listen(0, '127.0.0.1', resolve))

const dir = mkdtempSync(join(tmpdir(), 'switchboard-load-'))
const port = await freePort()
const origin = `http://127.0.0.1:${port}`
const child = spawn(
  process.execPath,
  [...(process.env.PROFILE_SERVER ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), MAIN],
  {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_FILE: join(dir, 'inbox.db'),
      FILES_DIR: join(dir, 'files'),
      SEED_CONVERSATIONS: '200',
      SENDS_PER_MINUTE: '100000',
      SMS_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: ACCOUNT,
      TWILIO_AUTH_TOKEN: TOKEN,
      TWILIO_API_URL: `http://127.0.0.1:${fake.address().port}`,
      PUBLIC_URL: origin,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
)
await new Promise((resolve, reject) => {
  let out = ''
  child.stdout.on('data', (chunk) => {
    out += chunk
    if (out.includes('Switchboard server on')) resolve()
  })
  child.on('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)))
})
// Bounded in time as well as in count: a run that hangs is stopped and reported.
const deadline = setTimeout(() => {
  console.error('Load run: not finished after 180 s; stopped.')
  child.kill('SIGKILL')
  process.exit(1)
}, 180_000)
const api = `${origin}/api/sms`
const json = { 'content-type': 'application/json' }
const signIn = async (userId) =>
  (
    await (
      await fetch(`${api}/auth/dev-sign-in`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ clinicId: 'cln_maple', userId }),
      })
    ).json()
  ).token
const tokens = []
for (const id of STAFF) tokens.push(await signIn(id))
const list = await (
  await fetch(`${api}/conversations?status=open&limit=100`, { headers: { authorization: `Bearer ${tokens[0]}` } })
).json()
const targets = list.items.filter((c) => !c.contact.optedOut && !c.contact.blocked).map((c) => c.id)

const latencies = { sends: [], webhooks: [] }
let failures = 0
const timed = async (kind, call) => {
  const t = performance.now()
  const response = await call()
  latencies[kind].push(performance.now() - t)
  if (!response.ok) failures++
  await response.arrayBuffer()
}
const sendOnce = (token, conversationId, clientMessageId, body) =>
  timed('sends', () =>
    fetch(`${api}/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${token}` },
      body: JSON.stringify({ clientMessageId, body }),
    }),
  )

const sentIds = []
const t0 = performance.now()
const senders = tokens.map(async (token, s) => {
  for (let i = 0; i < SENDS_EACH; i++) {
    const id = `load-${s}-${i}`
    sentIds.push(id)
    const conversation = targets[(s * SENDS_EACH + i) % targets.length]
    const first = sendOnce(token, conversation, id, `Reminder ${s}-${i}: see you tomorrow`)
    if ((s * SENDS_EACH + i) % Math.round(1 / RETRY_SHARE) === 0) {
      await Promise.all([first, sendOnce(token, conversation, id, `Reminder ${s}-${i}: see you tomorrow`)])
    } else await first
  }
})
const webhookUrl = `${api}/webhooks/sms/twilio`
const inbound = Array.from({ length: INBOUND }, (_, i) =>
  timed('webhooks', () =>
    fetch(
      webhookUrl,
      signed(webhookUrl, {
        AccountSid: ACCOUNT,
        MessageSid: `SMb${String(i).padStart(31, '0')}`,
        From: `+1650555${String(2000 + (i % 100)).padStart(4, '0')}`,
        To: '+14155550100',
        Body: `Inbound ${i}`,
        NumMedia: '0',
      }),
    ),
  ),
)
await Promise.all([...senders, ...inbound])
const elapsed = (performance.now() - t0) / 1000
// Then the status callbacks still on their way.
const statusAnswers = await Promise.all(callbacks.splice(0))
const settled = (performance.now() - t0) / 1000
child.kill('SIGTERM')
await new Promise((resolve) => child.on('exit', resolve))
clearTimeout(deadline)
fake.close()

// Count what the server kept: each idempotency key once, each inbound text once, every text delivered.
const storage = await createSqliteStorage({ file: join(dir, 'inbox.db') })
const dump = await storage.dump('cln_maple')
await storage.close()
const rows = dump.messages.map((text) => JSON.parse(text))
const byKey = new Map()
const inboundSeen = new Map()
let delivered = 0
for (const message of rows) {
  if (message.client_message_id?.startsWith('load-')) {
    byKey.set(message.client_message_id, (byKey.get(message.client_message_id) ?? 0) + 1)
    if (message.status === 'delivered') delivered += 1
  }
  const body = JSON.parse(message.data).body
  if (message.direction === 'inbound' && body.startsWith('Inbound '))
    inboundSeen.set(body, (inboundSeen.get(body) ?? 0) + 1)
}
const lostSends = sentIds.filter((id) => !byKey.has(id)).length
const lostInbound = INBOUND - inboundSeen.size
const duplicated = [...byKey.values(), ...inboundSeen.values()].filter((n) => n > 1).length
const requests = latencies.sends.length + latencies.webhooks.length

console.log('\nLoad run: the reference server in its own process, SQLite, Twilio webhooks (127.0.0.1)\n')
row(
  `staff sends (${STAFF.length} senders × ${SENDS_EACH}, a tenth sent twice) + inbound webhooks`,
  `${sentIds.length} + ${INBOUND}`,
)
row(
  'messages stored per second',
  `${((sentIds.length + INBOUND) / elapsed).toFixed(0)} (${requests} requests in ${elapsed.toFixed(1)} s)`,
)
row('latency p50 / p95 / p99, staff sends', `${spread(latencies.sends)} ms`)
row('latency p50 / p95 / p99, inbound webhooks', `${spread(latencies.webhooks)} ms`)
row('failed requests', String(failures))
row('lost (sends, inbound) / duplicated', `${lostSends}, ${lostInbound} / ${duplicated}`)
row(
  `status callbacks answered 204 / staff texts delivered (settled in ${settled.toFixed(1)} s)`,
  `${statusAnswers.filter((s) => s === 204).length} of ${statusAnswers.length} / ${delivered} of ${byKey.size}`,
)
rmSync(dir, { recursive: true, force: true })

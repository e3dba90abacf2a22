// Load runs against the reference server on 127.0.0.1, as it runs in production: its own processes
// (`node packages/server/dist/main.js`), Twilio as the provider (a fake of Twilio's API in this
// process, which reports 'sent' then 'delivered' to the signed status webhook for every text, as
// Twilio does). At once: staff senders that retry with the same idempotency key, and a burst of
// signed inbound webhooks. Bounded in count. Twice: one instance on SQLite, then two instances on
// one PostgreSQL and one Redis, each request going to the next instance in turn (as a load
// balancer would; a retry lands on the other one). Prints messages/s, latency percentiles, and
// lost and duplicated messages and statuses for each.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { createPostgresStorage, createSqliteStorage } from '@switchboard/server'
import twilio from 'twilio'
import { freePort, startPostgres, startRedis } from './services.mjs'

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

/**
 * One load run: `instances` server processes with `serverEnv(dir)` added to their environment,
 * then what they stored counted through `openStorage(dir)`.
 */
async function loadRun({ title, instances, serverEnv, openStorage }) {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-load-'))
  const ports = []
  for (let i = 0; i < instances; i++) ports.push(await freePort())
  const origins = ports.map((port) => `http://127.0.0.1:${port}`)
  // One public address for all (the one Twilio signs its webhooks for and calls back).
  const origin = origins[0]
  const children = ports.map((port) =>
    spawn(process.execPath, [...(process.env.PROFILE_SERVER ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), MAIN], {
      env: {
        ...process.env,
        PORT: String(port),
        FILES_DIR: join(dir, 'files'),
        SEED_CONVERSATIONS: '200',
        SENDS_PER_MINUTE: '100000',
        SMS_PROVIDER: 'twilio',
        TWILIO_ACCOUNT_SID: ACCOUNT,
        TWILIO_AUTH_TOKEN: TOKEN,
        TWILIO_API_URL: `http://127.0.0.1:${fake.address().port}`,
        PUBLIC_URL: origin,
        ...serverEnv(dir),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  )
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve, reject) => {
          let out = ''
          child.stdout.on('data', (chunk) => {
            out += chunk
            if (out.includes('Switchboard server on')) resolve()
          })
          child.on('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)))
        }),
    ),
  )
  // Bounded in time as well as in count: a run that hangs is stopped and reported.
  const deadline = setTimeout(() => {
    console.error('Load run: not finished after 180 s; stopped.')
    for (const child of children) child.kill('SIGKILL')
    process.exit(1)
  }, 180_000)
  const apis = origins.map((o) => `${o}/api/sms`)
  let turn = 0
  /** The next instance's API, in turn (a load balancer's round robin). */
  const nextApi = () => apis[turn++ % apis.length]
  const api = apis[0]
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
      fetch(`${nextApi()}/conversations/${conversationId}/messages`, {
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
  // Signed for the public address, delivered to the instances in turn.
  const webhookUrl = `${api}/webhooks/sms/twilio`
  const inbound = Array.from({ length: INBOUND }, (_, i) =>
    timed('webhooks', () =>
      fetch(
        `${nextApi()}/webhooks/sms/twilio`,
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
  await Promise.all(
    children.map((child) => {
      child.kill('SIGTERM')
      return new Promise((resolve) => child.on('exit', resolve))
    }),
  )
  clearTimeout(deadline)

  // Count what the server kept: each idempotency key once, each inbound text once, every text delivered.
  const storage = await openStorage(dir)
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

  console.log(`\nLoad run: ${title}, Twilio webhooks (127.0.0.1)\n`)
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
}

await loadRun({
  title: 'the reference server in its own process, SQLite',
  instances: 1,
  serverEnv: (dir) => ({ DATABASE_FILE: join(dir, 'inbox.db') }),
  openStorage: (dir) => createSqliteStorage({ file: join(dir, 'inbox.db') }),
})
// The same load against two instances on one PostgreSQL and one Redis (their own servers).
const [postgres, redis] = await Promise.all([startPostgres(), startRedis()])
try {
  const databaseUrl = await postgres.database()
  await loadRun({
    title: 'two instances in their own processes, one PostgreSQL, one Redis, requests in turn',
    instances: 2,
    serverEnv: () => ({ DATABASE_URL: databaseUrl, REDIS_URL: redis.url }),
    openStorage: () => createPostgresStorage({ connectionString: databaseUrl }),
  })
} finally {
  await Promise.all([postgres.stop(), redis.stop()])
  fake.close()
}

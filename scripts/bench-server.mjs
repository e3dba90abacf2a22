// Load run against the reference server on 127.0.0.1 (SQLite): concurrent staff senders that
// retry with the same idempotency key, and a burst of inbound texts, all at once. Bounded in
// count. Prints messages/s, latency percentiles, and lost and duplicated messages.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { loadConfig, startFromConfig } from '@switchboard/server'

const STAFF = ['usr_dana', 'usr_priya', 'usr_elena', 'usr_marcus', 'usr_tom']
const SENDS_EACH = 60
const INBOUND = 300
const RETRY_SHARE = 0.1 // a tenth of the sends are delivered twice, as a client retrying after a lost reply would

const row = (label, value) => console.log(`${label.padEnd(68)} ${value}`)
const percentile = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]

const dir = mkdtempSync(join(tmpdir(), 'switchboard-load-'))
const started = await startFromConfig(
  loadConfig({
    PORT: '0',
    DATABASE_FILE: join(dir, 'inbox.db'),
    FILES_DIR: join(dir, 'files'),
    SEED_CONVERSATIONS: '200',
    SENDS_PER_MINUTE: '100000',
  }),
  { log: () => undefined },
)
const api = `${started.url}/api/sms`
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

const latencies = []
let failures = 0
const timed = async (call) => {
  const t = performance.now()
  const response = await call()
  latencies.push(performance.now() - t)
  if (!response.ok) failures++
  return response
}
const sendOnce = (token, conversationId, clientMessageId, body) =>
  timed(() =>
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
const inbound = Array.from({ length: INBOUND }, (_, i) =>
  timed(() =>
    fetch(`${api}/simulator/texts`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        from: `+1650555${String(2000 + (i % 100)).padStart(4, '0')}`,
        to: '+14155550100',
        body: `Inbound ${i}`,
      }),
    }),
  ),
)
await Promise.all([...senders, ...inbound])
const elapsed = (performance.now() - t0) / 1000

// Count what the server kept: each idempotency key once, each inbound text once.
const dump = await started.storage.dump('cln_maple')
const rows = dump.messages.map((text) => JSON.parse(text))
const byKey = new Map()
const inboundSeen = new Map()
for (const row of rows) {
  if (row.client_message_id?.startsWith('load-'))
    byKey.set(row.client_message_id, (byKey.get(row.client_message_id) ?? 0) + 1)
  const body = JSON.parse(row.data).body
  if (row.direction === 'inbound' && body.startsWith('Inbound '))
    inboundSeen.set(body, (inboundSeen.get(body) ?? 0) + 1)
}
const lostSends = sentIds.filter((id) => !byKey.has(id)).length
const lostInbound = INBOUND - inboundSeen.size
const duplicated = [...byKey.values(), ...inboundSeen.values()].filter((n) => n > 1).length
const requests = latencies.length
latencies.sort((a, b) => a - b)

console.log('\nLoad run: the reference server on SQLite over HTTP (127.0.0.1)\n')
row(
  `staff sends (${STAFF.length} senders × ${SENDS_EACH}, a tenth sent twice) + inbound texts`,
  `${sentIds.length} + ${INBOUND}`,
)
row(
  'messages stored per second',
  `${((sentIds.length + INBOUND) / elapsed).toFixed(0)} (${requests} requests in ${elapsed.toFixed(1)} s)`,
)
row(
  'latency p50 / p95 / p99',
  `${percentile(latencies, 50).toFixed(1)} / ${percentile(latencies, 95).toFixed(1)} / ${percentile(latencies, 99).toFixed(1)} ms`,
)
row('failed requests', String(failures))
row('lost (sends, inbound) / duplicated', `${lostSends}, ${lostInbound} / ${duplicated}`)
await started.stop()
rmSync(dir, { recursive: true, force: true })

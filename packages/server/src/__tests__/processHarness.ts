// The reference server as its own process, and what the tests that kill it do through its API.
import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import twilio from 'twilio'

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url))
export const json = { 'content-type': 'application/json' }
export const signIn = async (api: string) =>
  (
    await (
      await fetch(`${api}/auth/dev-sign-in`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ clinicId: 'cln_maple', userId: 'usr_dana' }),
      })
    ).json()
  ).token as string

/** Opens a conversation with a new number; answers it. */
export async function openConversation(api: string, token: string): Promise<{ id: string }> {
  const response = await fetch(`${api}/conversations`, {
    method: 'POST',
    headers: { ...json, authorization: `Bearer ${token}` },
    body: JSON.stringify({ phone: '+16505550142' }),
  })
  return ((await response.json()) as { conversation: { id: string } }).conversation
}

/** Sends text `i` of a burst (idempotency key `burst-i`); answers the status. */
export async function sendBurst(api: string, token: string, conversationId: string, i: number): Promise<number> {
  const response = await fetch(`${api}/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers: { ...json, authorization: `Bearer ${token}` },
    body: JSON.stringify({ body: `Burst ${i}`, clientMessageId: `burst-${i}` }),
  })
  return response.status
}

/** Every message of a conversation, through the API's pages. */
export async function threadOf(api: string, token: string, conversationId: string) {
  const stored: Array<{ clientMessageId?: string; status: string; error?: { code: string } }> = []
  let before: number | null = null
  for (;;) {
    const query: string = before === null ? '' : `?before=${before}`
    const page: { items: typeof stored; nextBefore: number | null } = await (
      await fetch(`${api}/conversations/${conversationId}/messages${query}`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()
    stored.push(...page.items)
    if (page.nextBefore === null) return stored
    before = page.nextBefore
  }
}

/**
 * Starts the built server (`dist/main.js`, built by `npm test` first) as its own process on a
 * free port, kept in `children` for the test to kill; answers its API URL.
 */
export async function startProcess(
  env: Record<string, string>,
  children: ChildProcess[],
): Promise<{ api: string; child: ChildProcess }> {
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

/**
 * Posts a Twilio SMS webhook to a server's API, signed with `authToken` for the address Twilio
 * would call (`publicUrl`): as Twilio delivers it, again and again if it likes.
 */
export function deliverTwilioWebhook(
  api: string,
  twilioAccount: { authToken: string; publicUrl: string },
  params: Record<string, string>,
): Promise<Response> {
  const signed = `${twilioAccount.publicUrl}/api/sms/webhooks/sms/twilio`
  return fetch(`${api}/webhooks/sms/twilio`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilio.getExpectedTwilioSignature(twilioAccount.authToken, signed, params),
    },
    body: new URLSearchParams(params),
  })
}

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig, startFromConfig } from '../index'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('configuration', () => {
  it('has working defaults for development', () => {
    expect(loadConfig({})).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      devSignIn: true,
      basePath: '/api/sms',
      sendsPerMinute: 60,
      smtpUrl: null,
      production: false,
    })
  })

  it('names every wrong variable at once', () => {
    let error: unknown
    try {
      loadConfig({
        NODE_ENV: 'production',
        PORT: 'eighty',
        DEV_SIGN_IN: 'maybe',
        CORS_ORIGINS: 'pms.example',
        BASE_PATH: 'api',
      })
    } catch (thrown) {
      error = thrown
    }
    expect(error).toBeInstanceOf(ConfigError)
    const { problems } = error as ConfigError
    expect(problems.join('\n')).toMatch(/PORT.*"eighty"/)
    expect(problems.join('\n')).toMatch(/TOKEN_SECRET is required in production/)
    expect(problems.join('\n')).toMatch(/DEV_SIGN_IN must be true or false/)
    expect(problems.join('\n')).toMatch(/CORS_ORIGINS.*"pms.example"/)
    expect(problems.join('\n')).toMatch(/BASE_PATH/)
    expect(() => loadConfig({ NODE_ENV: 'production', TOKEN_SECRET: 'x'.repeat(40), DEV_SIGN_IN: 'true' })).toThrow(
      /DEV_SIGN_IN must not be on in production/,
    )
  })

  it('checks the SMS provider and what Twilio needs', () => {
    expect(loadConfig({})).toMatchObject({ smsProvider: 'simulator', twilio: null })
    expect(() => loadConfig({ SMS_PROVIDER: 'carrier-pigeon' })).toThrow(/SMS_PROVIDER must be simulator or twilio/)
    let error: unknown
    try {
      loadConfig({ SMS_PROVIDER: 'twilio', TWILIO_ACCOUNT_SID: 'AC123', TWILIO_API_URL: 'ftp://x' })
    } catch (thrown) {
      error = thrown
    }
    const problems = (error as ConfigError).problems.join('\n')
    expect(problems).toMatch(/TWILIO_ACCOUNT_SID.*"AC123"/)
    expect(problems).toMatch(/TWILIO_AUTH_TOKEN/)
    expect(problems).toMatch(/TWILIO_API_URL/)
    expect(problems).toMatch(/PUBLIC_URL is required with SMS_PROVIDER=twilio/)
    const sid = `AC${'0'.repeat(32)}`
    expect(
      loadConfig({
        SMS_PROVIDER: 'Twilio',
        TWILIO_ACCOUNT_SID: sid,
        TWILIO_AUTH_TOKEN: 'x'.repeat(32),
        PUBLIC_URL: 'https://sms.example/',
      }),
    ).toMatchObject({
      smsProvider: 'twilio',
      twilio: { accountSid: sid, authToken: 'x'.repeat(32) },
      publicUrl: 'https://sms.example',
    })
  })
})

describe('a server started from its configuration', () => {
  it('seeds an empty database once and keeps its data across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-start-'))
    dirs.push(dir)
    const config = loadConfig({ PORT: '0', DATABASE_FILE: join(dir, 'db', 'inbox.db'), SEED_CONVERSATIONS: '10' })
    const lines: string[] = []
    const first = await startFromConfig(config, { log: (line) => lines.push(line) })
    const api = `${first.url}/api/sms`
    const signIn = async (base: string) => {
      const response = await fetch(`${base}/auth/dev-sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ clinicId: 'cln_maple', userId: 'usr_dana' }),
      })
      return (await response.json()).token as string
    }
    const token = await signIn(api)
    const started = await fetch(`${api}/conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ phone: '+16505550142', body: 'Biscuit is ready for pick-up!', clientMessageId: 'kept-1' }),
    })
    expect(started.status).toBe(201)
    const { conversation } = await started.json()
    await first.stop()
    expect(lines.filter((l) => l.startsWith('Seeded'))).toHaveLength(1)

    const second = await startFromConfig(config, { log: (line) => lines.push(line) })
    const again = `${second.url}/api/sms`
    const thread = await fetch(`${again}/conversations/${conversation.id}/messages`, {
      headers: { authorization: `Bearer ${await signIn(again)}` },
    })
    const bodies = (await thread.json()).items.map((m: { body: string }) => m.body) as string[]
    expect(bodies.some((b) => b.startsWith('Biscuit is ready for pick-up!'))).toBe(true)
    expect(lines.filter((l) => l.startsWith('Seeded'))).toHaveLength(1)
    await second.stop()
  })
})

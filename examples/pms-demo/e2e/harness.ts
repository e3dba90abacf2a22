// End-to-end harness: the reference server on a fresh SQLite database and the built demo in front
// of it (scripts/pmsDemo.mjs, as `npm start` runs them) on free ports of 127.0.0.1, and Chromium
// driven by Playwright. Each test file starts its own and stops it.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { chromiumArgs, findChromium } from '../../../scripts/chromium.mjs'
import { demoRoot, type PmsDemo, startPmsDemo } from '../../../scripts/pmsDemo.mjs'

/** Where each workflow's screenshot is kept (test output, not committed). */
export const SHOTS = fileURLToPath(new URL('../../../test-results/e2e/', import.meta.url))
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

export interface Stack {
  url: string
  browser: Browser
  /** The demo's server (the simulator, the storage), for what a test must reach directly. */
  demo: PmsDemo
  /** A new browser (its own storage, as another computer) with a page on the demo. */
  open(options?: { width?: number; height?: number }): Promise<{ context: BrowserContext; page: Page }>
  /** Texts the clinic from a phone through the simulator (what the phone panel does). */
  text(from: string, body: string): Promise<void>
  /** The bodies a phone received from the clinic, oldest first (the simulator's record). */
  received(phone: string): Promise<string[]>
  stop(): Promise<void>
}

/** A clock that starts at `iso` and runs on in real time. */
export function clockFrom(iso: string): () => Date {
  const start = Date.parse(iso)
  const started = Date.now()
  return () => new Date(start + (Date.now() - started))
}

/**
 * The server's clock unless a test sets one: Monday 30 November 2026, 10 am at the clinic
 * (America/Los_Angeles; open 8 am to 6 pm). With the real clock, a test run at night got the
 * after-hours auto-reply: the row showed the reply, not the client's text, and the tests that
 * look for it failed (at 2 am UTC, for one).
 */
const DAYTIME = '2026-11-30T18:00:00Z'

export interface StackOptions {
  /** The server's clock (after-hours tests put it at night). Default: a weekday morning, running on. */
  clock?: () => Date
  /** Conversations seeded into the demo clinic. Default 30. */
  conversations?: number
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  if (!existsSync(join(demoRoot, 'dist', 'index.html')))
    throw new Error('The demo is not built: run `npm run build` first (npm test does).')
  const found = findChromium()
  if (!found) throw new Error('No Chromium: run `node scripts/ensure-chromium.mjs` (npm test does).')
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-e2e-'))
  const demo = await startPmsDemo({
    env: {
      DATABASE_FILE: join(dir, 'switchboard.db'),
      FILES_DIR: join(dir, 'files'),
      SEED_CONVERSATIONS: String(options.conversations ?? 30),
    },
    host: '127.0.0.1',
    log: () => {},
    quiet: true,
    server: {
      simulatorDelays: { sentMs: 100, deliveredMs: 200 },
      clock: options.clock ?? clockFrom(DAYTIME),
    },
  })
  const browser = await chromium.launch({ executablePath: found.path, args: chromiumArgs })
  mkdirSync(SHOTS, { recursive: true })
  const clinicNumber = '+14155550100'
  return {
    url: demo.url,
    browser,
    demo,
    async open({ width = 1440, height = 900 } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, baseURL: demo.url })
      const page = await context.newPage()
      page.on('pageerror', (error) => console.error(`page error: ${error.message}`))
      return { context, page }
    },
    async text(from, body) {
      const response = await fetch(`${demo.url}/api/sms/simulator/texts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from, to: clinicNumber, body }),
      })
      if (!response.ok) throw new Error(`The simulator refused the text: ${response.status} ${await response.text()}`)
    },
    async received(phone) {
      const response = await fetch(`${demo.url}/api/sms/simulator/phones/${encodeURIComponent(phone)}`)
      return ((await response.json()) as Array<{ body: string }>).map((text) => text.body)
    },
    async stop() {
      await browser.close()
      await demo.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Starts a stack before the file's tests and stops it after them; the getter hands it out. */
export function stackForFile(options: StackOptions = {}): () => Stack {
  let stack: Stack | undefined
  beforeAll(async () => {
    stack = await startStack(options)
  })
  afterAll(() => stack?.stop())
  return () => {
    if (!stack) throw new Error('The stack did not start (see the error of beforeAll).')
    return stack
  }
}

/** Signs in from the sign-in page as the staff member with this name. */
export async function signIn(page: Page, name: string, path = '/'): Promise<void> {
  await page.goto(path)
  await page.getByRole('button', { name: new RegExp(name) }).click()
  await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).count()).toBe(1)
}

/**
 * Sends a text to the open conversation straight to the server with the page's session, past the
 * UI's own guards, as a tampered client would: the server's answer (status and error code).
 */
export async function sendAs(page: Page, body: string): Promise<{ status: number; code: string | undefined }> {
  const conversationId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '')
  return page.evaluate(
    async ({ id, text }) => {
      const session = JSON.parse(sessionStorage.getItem('hearth-pms.session') ?? '{}') as { token?: string }
      const response = await fetch(`/api/sms/conversations/${encodeURIComponent(id)}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ clientMessageId: crypto.randomUUID(), body: text }),
      })
      const reply = (await response.json()) as { error?: { code?: string } }
      return { status: response.status, code: reply.error?.code }
    },
    { id: conversationId, text: body },
  )
}

/** Opens the phone simulator beside the PMS and has it text as `phone` (typed as a person would). */
export async function openSimulator(page: Page, phone: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Phone simulator' }).click()
  const simulator = page.getByRole('complementary', { name: 'Phone simulator' })
  const number = simulator.getByRole('textbox', { name: 'Texting as' })
  await number.fill(phone)
  await number.blur()
  return simulator
}

/** The unread count the Messaging link's badge shows (0 when it draws nothing). */
export async function badgeCount(page: Page): Promise<number> {
  const badge = page.locator('.pms-nav__badge')
  if ((await badge.count()) === 0) return 0
  return Number((await badge.textContent())?.replace(/\D/g, '') || 0)
}

/** Runs axe on the page as it is (WCAG 2.1 A and AA) and fails naming every violation. */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  await page.addScriptTag({ path: axePath })
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> }>
        }
      }
    ).axe
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
  })
  expect(violations, `axe on ${what}`).toEqual([])
}

/** Keeps a screenshot of the workflow's end state in test-results/e2e/. */
export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) })
}

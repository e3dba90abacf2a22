import { describe, expect, it } from 'vitest'
import { badgeCount, expectNoAxeViolations, shoot, signIn, stackForFile } from './harness'

const stack = stackForFile()

describe('who may text', () => {
  it('the sign-in page lists every role and passes axe', async () => {
    const { page } = await stack().open()
    await page.goto('/')
    await page.getByRole('heading', { name: 'Who is signing in?' }).waitFor()
    await page.getByRole('button', { name: /Sam Lee/ }).waitFor()
    await expectNoAxeViolations(page, 'the sign-in page')
    await shoot(page, 'sign-in')
  })

  it('a user without the messaging permission: no badge, the inbox says why, and the server refuses', async () => {
    const { page } = await stack().open()
    await signIn(page, 'Sam Lee')
    await page
      .getByRole('note')
      .getByText(/no messaging access/)
      .waitFor()
    await page.getByRole('link', { name: 'Messaging' }).click()
    await page
      .getByRole('alert')
      .getByText(/do not have access to the SMS inbox/)
      .waitFor()
    expect(await badgeCount(page)).toBe(0)
    // Not only hidden: the server refuses the token itself.
    const status = await page.evaluate(async () => {
      const session = JSON.parse(sessionStorage.getItem('hearth-pms.session') ?? '{}') as { token?: string }
      const response = await fetch('/api/sms/conversations', { headers: { authorization: `Bearer ${session.token}` } })
      return { status: response.status, body: await response.json() }
    })
    expect(status.status).toBe(403)
    expect(status.body.error.code).toBe('forbidden')
    await expectNoAxeViolations(page, 'Messaging without permission')
    await shoot(page, 'no-messaging-permission')
  })

  it('every page of a manager passes axe: schedule, clients, messaging, reports, settings', async () => {
    const { page } = await stack().open()
    await signIn(page, 'Dana Whitfield')
    await page.getByRole('link', { name: 'Omar Baker' }).waitFor()
    await expectNoAxeViolations(page, 'Schedule')
    await shoot(page, 'schedule')
    for (const [link, ready] of [
      ['Clients', () => page.getByRole('link', { name: 'Omar Baker' }).waitFor()],
      ['Messaging', () => page.getByRole('listbox', { name: 'Conversations' }).getByRole('option').first().waitFor()],
      ['Reports', () => page.getByText('Segments billed').first().waitFor()],
      ['Settings', () => page.getByRole('heading', { name: 'After-hours auto-reply' }).waitFor()],
    ] as const) {
      await page.getByRole('link', { name: new RegExp(`^${link}`) }).click()
      await ready()
      await expectNoAxeViolations(page, link)
      await shoot(page, link.toLowerCase())
    }
  })
})

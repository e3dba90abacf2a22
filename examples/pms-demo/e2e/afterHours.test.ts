import { describe, expect, it } from 'vitest'
import { clockFrom, expectNoAxeViolations, openSimulator, shoot, signIn, stackForFile } from './harness'

// The server's clock: Monday 30 November 2026 at 10 pm at the clinic (America/Los_Angeles),
// running on from there. The clinic is open 8 am to 6 pm.
const stack = stackForFile({ clock: clockFrom('2026-12-01T06:00:00Z') })

describe('after hours', () => {
  it('a client texting at night gets the auto-reply once, and the front desk gets the alert e-mail', async () => {
    const { page } = await stack().open()
    await signIn(page, 'Dana Whitfield', '/messaging')
    const simulator = await openSimulator(page, '+14155550188')
    const message = simulator.getByRole('textbox', { name: 'Text to the clinic' })
    await message.fill('Rex ate a sock, what should I do?')
    await message.press('Enter')

    const phone = simulator.getByRole('list', { name: /Texts of/ })
    await expect.poll(() => phone.textContent(), { timeout: 10_000 }).toContain("We're closed right now")
    // The auto-reply is in the thread too, marked as such.
    await page.getByRole('option', { name: /\(415\) 555-0188/ }).click()
    await page
      .getByRole('log')
      .getByText(/We're closed right now/)
      .waitFor()

    // A second text the same night gets no second auto-reply.
    await message.fill('He seems fine now.')
    await message.press('Enter')
    await page.getByRole('log').getByText('He seems fine now.').waitFor()
    expect(((await phone.textContent()) ?? '').split("We're closed right now").length - 1).toBe(1)

    await simulator.getByRole('tab', { name: 'Mailbox' }).click()
    const mails = simulator.getByRole('list', { name: 'E-mails sent' })
    await expect.poll(() => mails.textContent(), { timeout: 10_000 }).toContain('frontdesk@maplegrove.example')
    expect(await mails.textContent()).toContain('Rex ate a sock')
    await shoot(page, 'after-hours-auto-reply-and-alert')
    await expectNoAxeViolations(page, 'the mailbox')
  })
})

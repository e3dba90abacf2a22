import { describe, expect, it } from 'vitest'
import { expectNoAxeViolations, openSimulator, sendAs, shoot, signIn, stackForFile } from './harness'

const stack = stackForFile()

describe('STOP and START', () => {
  it('STOP locks the composer and the server refuses a send; START opens it again', async () => {
    const { page } = await stack().open()
    await signIn(page, 'Priya Natarajan', '/messaging')
    await stack().text('+14155550166', 'Hi, this is Jo. Can I book a nail trim?')
    const row = page.getByRole('option', { name: /Can I book a nail trim/ })
    await row.click()
    const composer = page.getByRole('textbox', { name: 'Message' })
    await expect.poll(() => composer.isEnabled()).toBe(true)

    // The client replies STOP from the phone panel.
    const simulator = await openSimulator(page, '+14155550166')
    await simulator.getByRole('button', { name: 'Reply STOP' }).click()

    await page
      .getByRole('status')
      .getByText('This contact opted out of texts. They can text START to opt back in.')
      .waitFor()
    expect(await composer.count()).toBe(0)
    // The phone was told, once.
    const phone = simulator.getByRole('list', { name: /Texts of/ })
    await expect.poll(() => phone.textContent(), { timeout: 10_000 }).toContain('You have been unsubscribed')
    await shoot(page, 'stop-locks-composer')
    await expectNoAxeViolations(page, 'a conversation that opted out')

    // Not only the composer: the server refuses the text.
    expect(await sendAs(page, 'Are you sure?')).toEqual({ status: 409, code: 'recipient_opted_out' })

    // START: the composer opens again and a reply goes out.
    await simulator.getByRole('button', { name: 'Reply START' }).click()
    await composer.waitFor({ timeout: 10_000 })
    await composer.fill('Welcome back, Jo! Tuesday at 10 for the nail trim?')
    await composer.press('Enter')
    await expect.poll(() => phone.textContent(), { timeout: 10_000 }).toContain('Welcome back, Jo!')
  })
})

import { describe, expect, it } from 'vitest'
import { badgeCount, expectNoAxeViolations, openSimulator, shoot, signIn, stackForFile } from './harness'

const stack = stackForFile()

describe('a text arrives', () => {
  it('the badge and the list update live; staff open it, reply, and the phone gets the reply, delivered', async () => {
    const { page } = await stack().open()
    await signIn(page, 'Priya Natarajan')
    await page.getByRole('link', { name: /Messaging/ }).click()
    const list = page.getByRole('listbox', { name: 'Conversations' })
    await list.getByRole('option').first().waitFor()
    const before = await badgeCount(page)

    // The client texts from the phone panel, as a person trying the demo would.
    const simulator = await openSimulator(page, '(415) 555-0142')
    await simulator.getByRole('textbox', { name: 'Text to the clinic' }).fill('Is Biscuit ready to be picked up?')
    await simulator.getByRole('button', { name: 'Send', exact: true }).click()

    const row = list.getByRole('option', { name: /Is Biscuit ready to be picked up\?/ })
    await expect.poll(() => row.count()).toBe(1)
    await expect.poll(() => badgeCount(page)).toBe(before + 1)
    // The newest conversation is first.
    await expect.poll(() => list.getByRole('option').first().textContent()).toContain('(415) 555-0142')

    await row.click()
    const thread = page.getByRole('log')
    await thread.getByText('Is Biscuit ready to be picked up?').waitFor()
    // Opening it reads it: the badge goes back.
    await expect.poll(() => badgeCount(page)).toBe(before)
    await page.getByRole('textbox', { name: 'Message' }).fill('Yes! Biscuit is ready, see you soon.')
    await page.getByRole('button', { name: 'Send', exact: true }).first().click()
    await expect.poll(() => thread.getByText('Delivered').count(), { timeout: 10_000 }).toBeGreaterThan(0)

    // The phone got it.
    await expect
      .poll(() => simulator.getByRole('list', { name: /Texts of/ }).textContent(), { timeout: 10_000 })
      .toContain('Yes! Biscuit is ready, see you soon.')
    await shoot(page, 'text-arrives-reply-delivered')
    await expectNoAxeViolations(page, 'Messaging with a conversation open and the phone simulator')
  })
})

import { describe, expect, it } from 'vitest'
import { shoot, signIn, stackForFile } from './harness'

const stack = stackForFile()

describe('two staff in two browsers', () => {
  it('each sees who else is at the conversation and the other one’s reply as it is sent', async () => {
    const dana = await stack().open()
    const priya = await stack().open()
    await signIn(dana.page, 'Dana Whitfield', '/messaging')
    await signIn(priya.page, 'Priya Natarajan', '/messaging')
    await stack().text('+14155550177', 'Do you have any appointments on Saturday?')
    for (const { page } of [dana, priya]) await page.getByRole('option', { name: /appointments on Saturday/ }).click()

    await dana.page
      .getByText(/Priya Natarajan viewing/)
      .first()
      .waitFor()
    await priya.page
      .getByText(/Dana Whitfield viewing/)
      .first()
      .waitFor()

    await dana.page.getByRole('textbox', { name: 'Message' }).fill('We do, 9 to 1. Shall I book you in?')
    await dana.page.getByRole('textbox', { name: 'Message' }).press('Enter')
    const priyaThread = priya.page.getByRole('log')
    await priyaThread.getByText('We do, 9 to 1. Shall I book you in?').waitFor()
    await expect.poll(() => priyaThread.getByText('Dana Whitfield').count()).toBeGreaterThan(0)
    await shoot(priya.page, 'two-staff-reply-seen')

    // Priya leaves: Dana no longer sees her there.
    await priya.page.getByRole('link', { name: 'Schedule' }).click()
    await expect.poll(() => dana.page.getByText(/Priya Natarajan viewing/).count(), { timeout: 10_000 }).toBe(0)
  })
})

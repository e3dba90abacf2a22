import { describe, expect, it } from 'vitest'
import { expectNoAxeViolations, shoot, signIn, stackForFile } from './harness'

const stack = stackForFile()

describe('starting a conversation', () => {
  it('from a client profile: search the client, Send SMS, the first text goes out and shows in the history', async () => {
    const { page } = await stack().open()
    await signIn(page, 'Priya Natarajan')
    await page.getByRole('link', { name: 'Clients' }).click()
    await page.getByRole('searchbox', { name: 'Search clients' }).fill('Johansson')
    await page.getByRole('link', { name: 'Liam Johansson' }).click()
    await page.getByRole('heading', { name: 'Liam Johansson' }).waitFor()
    await expectNoAxeViolations(page, 'a client profile')

    await page.getByRole('button', { name: 'Send SMS' }).click()
    const dialog = page.getByRole('dialog', { name: 'New conversation' })
    await dialog.getByText('Liam Johansson').first().waitFor()
    await dialog.getByRole('textbox', { name: /First message/ }).fill('Hi Liam, Mochi is due for the rabies booster.')
    await expectNoAxeViolations(page, 'the new-conversation dialog from a profile')
    await dialog.getByRole('button', { name: 'Start conversation' }).click()

    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/messaging\/.+/)
    const thread = page.getByRole('log', { name: 'Messages with Liam Johansson' })
    await thread.getByText('Hi Liam, Mochi is due for the rabies booster.').waitFor()
    await expect.poll(() => thread.getByText('Delivered').count(), { timeout: 10_000 }).toBeGreaterThan(0)
    await expect
      .poll(async () => (await stack().received('+15107891769')).join('\n'))
      .toContain('Mochi is due for the rabies booster')
    await shoot(page, 'start-from-client-profile')

    // "Open in PMS" and back on the profile, the text is in the client's history.
    await page.goBack()
    await page.getByRole('region', { name: 'Text history' }).getByText('Mochi is due for the rabies booster').waitFor()
  })

  it('from the inbox by client search', async () => {
    const { page } = await stack().open()
    await signIn(page, 'Priya Natarajan', '/messaging')
    await page.getByRole('button', { name: 'New conversation' }).click()
    const dialog = page.getByRole('dialog', { name: 'New conversation' })
    await dialog.getByRole('combobox', { name: 'Search clients' }).fill('okafor')
    await dialog.getByRole('option', { name: /Mia Okafor/ }).click()
    await dialog.getByRole('textbox', { name: /First message/ }).fill('Hi Mia, Max’s dental cleaning is at 10.')
    await dialog.getByRole('button', { name: 'Start conversation' }).click()
    const thread = page.getByRole('log', { name: 'Messages with Mia Okafor' })
    await thread.getByText('Hi Mia, Max’s dental cleaning is at 10.').waitFor()
    await expect
      .poll(async () => (await stack().received('+16505563533')).join('\n'))
      .toContain('dental cleaning is at 10')
    await shoot(page, 'start-by-client-search')
  })

  it('by a raw number, which becomes a lead; an invalid number is refused in place', async () => {
    const { page } = await stack().open()
    await signIn(page, 'Priya Natarajan', '/messaging')
    await page.getByRole('button', { name: 'New conversation' }).click()
    const dialog = page.getByRole('dialog', { name: 'New conversation' })
    await dialog.getByRole('radio', { name: 'A phone number' }).click()
    const phone = dialog.getByRole('textbox', { name: 'Phone number' })
    await phone.fill('555-12')
    await dialog.getByRole('button', { name: 'Start conversation' }).click()
    await expect.poll(() => dialog.getByText('This number is too short.').count()).toBeGreaterThan(0)

    await phone.fill('(650) 555-0177')
    await dialog.getByRole('textbox', { name: /First message/ }).fill('Hello from Maple Grove Veterinary!')
    await dialog.getByRole('button', { name: 'Start conversation' }).click()
    const thread = page.getByRole('log', { name: /\(650\) 555-0177/ })
    await thread.getByText('Hello from Maple Grove Veterinary!').waitFor()
    await expect
      .poll(async () => (await stack().received('+16505550177')).join('\n'))
      .toContain('Hello from Maple Grove Veterinary!')
    await shoot(page, 'start-by-number')
  })
})

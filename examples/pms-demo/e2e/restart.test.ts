import { describe, expect, it } from 'vitest'
import { shoot, signIn, stackForFile } from './harness'

const stack = stackForFile()

describe('the server restarted mid-session', () => {
  it('a reply written while it is down goes out once when it is back; texts and history are all there', async () => {
    const { page } = await stack().open()
    await signIn(page, 'Priya Natarajan', '/messaging')
    await stack().text('+14155550199', 'Is the clinic open tomorrow?')
    await page.getByRole('option', { name: /Is the clinic open tomorrow/ }).click()
    const thread = page.getByRole('log')
    await thread.getByText('Is the clinic open tomorrow?').waitFor()

    await stack().demo.stopServer()
    await page
      .getByText(/Reconnecting|offline/)
      .first()
      .waitFor({ timeout: 15_000 })
    const composer = page.getByRole('textbox', { name: 'Message' })
    await composer.fill('Yes, from 8 to 6.')
    await composer.press('Enter')
    await thread.getByText('Yes, from 8 to 6.').waitFor()
    await shoot(page, 'restart-server-down-reply-waiting')

    await stack().demo.startServer()
    await expect.poll(() => thread.getByText('Delivered').count(), { timeout: 30_000 }).toBeGreaterThan(0)
    // A text that arrives after the restart shows live.
    await stack().text('+14155550199', 'Great, thanks!')
    await thread.getByText('Great, thanks!').waitFor({ timeout: 15_000 })
    expect((await stack().received('+14155550199')).filter((body) => body.includes('Yes, from 8 to 6.'))).toHaveLength(
      1,
    )

    // A reload reads everything back from the server's database.
    await page.reload()
    const again = page.getByRole('log')
    for (const text of ['Is the clinic open tomorrow?', 'Yes, from 8 to 6.', 'Great, thanks!'])
      await again.getByText(text).waitFor()
    await shoot(page, 'restart-nothing-lost')
  })
})

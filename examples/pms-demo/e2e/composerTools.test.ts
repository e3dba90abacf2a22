import { describe, expect, it } from 'vitest'
import { expectNoAxeViolations, openSimulator, shoot, signIn, stackForFile } from './harness'

const stack = stackForFile()

/** A 2×2 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
)

describe('the composer’s tools', () => {
  it('a template fills the client, the patient and the PMS’s appointment; one with a gap waits to be filled', async () => {
    const { page } = await stack().open()
    await signIn(page, 'Priya Natarajan', '/messaging')
    const inbox = page.getByRole('region', { name: 'SMS inbox' })
    await page.getByRole('option', { name: /Liam Johansson/ }).click()
    await page.getByRole('button', { name: 'Insert a template' }).click()
    await page.getByRole('menuitem', { name: /Appointment confirmation/ }).click()
    const composer = page.getByRole('textbox', { name: 'Message' })
    await expect
      .poll(() => composer.inputValue())
      .toMatch(/^Hi Liam, Mochi is booked for today at 9:15 AM at Maple Grove Veterinary\./)
    await inbox.getByRole('button', { name: 'Send', exact: true }).click()
    await expect
      .poll(async () => (await stack().received('+15107891769')).join('\n'), { timeout: 10_000 })
      .toContain('Mochi is booked for today at 9:15 AM')

    // A lead: no client record, so the template's client variable waits for the user.
    await stack().text('+14155550177', 'Is my dog ready?')
    await page.getByRole('option', { name: /\(415\) 555-0177/ }).click()
    await page.getByRole('button', { name: 'Insert a template' }).click()
    await page.getByRole('menuitem', { name: /Ready for pick-up/ }).click()
    await page.getByText(/Fill in .* before sending\./).waitFor()
    expect(await inbox.getByRole('button', { name: 'Send', exact: true }).isDisabled()).toBe(true)
    await shoot(page, 'template-with-a-gap')
  })

  it('an inbound photo shows in the thread; a photo uploaded goes out to the phone; an SVG is refused', async () => {
    const { page } = await stack().open()
    await signIn(page, 'Priya Natarajan', '/messaging')
    const inbox = page.getByRole('region', { name: 'SMS inbox' })
    const simulator = await openSimulator(page, '+14155550155')
    await simulator.getByRole('button', { name: 'Sample photo' }).click()
    await simulator.getByText('garden.png').waitFor()
    await simulator.getByRole('textbox', { name: 'Text to the clinic' }).fill('Here is his paw')
    await simulator.getByRole('button', { name: 'Send', exact: true }).click()

    await page.getByRole('option', { name: /\(415\) 555-0155/ }).click()
    const thread = page.getByRole('log')
    const photo = thread.getByRole('img').first()
    await photo.waitFor()
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)

    // Upload: the file chooser of "Attach a photo or PDF".
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Attach a photo or PDF' }).click()
    await (await chooser).setFiles({ name: 'xray.png', mimeType: 'image/png', buffer: PNG })
    await page.getByRole('textbox', { name: 'Message' }).fill('The X-ray from today')
    await expect
      .poll(() => inbox.getByRole('button', { name: 'Send', exact: true }).isEnabled(), { timeout: 10_000 })
      .toBe(true)
    await inbox.getByRole('button', { name: 'Send', exact: true }).click()
    await thread.getByText('The X-ray from today').waitFor()
    // The phone gets the photo, from this site's own address.
    const sent = simulator.getByRole('img', { name: /Attachment 1 from the clinic/ })
    await sent.waitFor({ timeout: 10_000 })
    await expect.poll(() => sent.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
    await shoot(page, 'photos-both-ways')
    await expectNoAxeViolations(page, 'a thread with photos')

    // An SVG is never attached.
    const again = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Attach a photo or PDF' }).click()
    await (await again).setFiles({
      name: 'logo.svg',
      mimeType: 'image/svg+xml',
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    })
    await inbox
      .getByRole('alert')
      .getByText('"logo.svg" is not a file type that can be texted (photos and PDFs can).')
      .waitFor()
    expect(await inbox.getByRole('button', { name: 'Send', exact: true }).isDisabled()).toBe(true)
  })
})

import { describe, it } from 'vitest'
import { expectNoAxeViolations, shoot, signIn, stackForFile } from './harness'

const stack = stackForFile()

describe('a lead becomes a client', () => {
  it('assigned to an existing client: the conversation takes the client’s name', async () => {
    const { page } = await stack().open()
    await signIn(page, 'Priya Natarajan', '/messaging')
    await stack().text('+14155550133', 'Hi, this is Omar’s other phone.')
    await page.getByRole('option', { name: /\(415\) 555-0133/ }).click()
    await page.getByRole('button', { name: 'Assign to client' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'Assign (415) 555-0133 to a client' })
    await dialog.getByRole('combobox', { name: 'Search clients' }).fill('Baker')
    await dialog.getByRole('option', { name: /Omar Baker/ }).click()
    await expectNoAxeViolations(page, 'assigning a number to a client')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('log', { name: 'Messages with Omar Baker' }).waitFor()
    await shoot(page, 'lead-assigned-to-client')
  })

  it('assigned to a new client, who then has a record in the PMS', async () => {
    const { page } = await stack().open()
    await signIn(page, 'Priya Natarajan', '/messaging')
    await stack().text('+14155550144', 'Hello! New in town, do you take new patients?')
    await page.getByRole('option', { name: /\(415\) 555-0144/ }).click()
    await page.getByRole('button', { name: 'Assign to client' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'Assign (415) 555-0144 to a client' })
    await dialog.getByRole('combobox', { name: 'Search clients' }).fill('Nora Quill')
    await dialog.getByText('No client matches “Nora Quill”.').waitFor()
    await dialog.getByRole('button', { name: 'No match? Add a new client' }).click()
    await dialog.getByRole('textbox', { name: 'Patient name' }).fill('Pepper')
    await dialog.getByRole('combobox', { name: 'Species' }).fill('Dog')
    await dialog.getByRole('button', { name: 'Add client' }).click()
    await page.getByRole('log', { name: 'Messages with Nora Quill' }).waitFor()

    // "Open in PMS" goes to the new client's profile, where the text is in the history.
    await page.getByRole('button', { name: 'Open in PMS' }).first().click()
    await page.getByRole('heading', { name: 'Nora Quill' }).waitFor()
    await page.getByText('(415) 555-0144').first().waitFor()
    await page.getByText('Pepper').first().waitFor()
    await page.getByRole('region', { name: 'Text history' }).getByText('do you take new patients?').waitFor()
    await shoot(page, 'lead-new-client-profile')
  })
})

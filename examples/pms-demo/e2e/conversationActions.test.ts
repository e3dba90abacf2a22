import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectNoAxeViolations, sendAs, shoot, signIn, stackForFile } from './harness'

const stack = stackForFile()

/** Chooses an action of the open conversation's menu (a submenu item with `then`). */
async function act(page: Page, item: string, then?: string) {
  await page.getByRole('button', { name: 'Conversation actions' }).click()
  const entry = page.getByRole('menuitem', { name: item, exact: true })
  if (!then) return entry.click()
  await entry.hover()
  await page.getByRole('menuitemradio', { name: then }).click()
}

const filter = (page: Page, name: string, label: string) => page.getByRole('combobox', { name }).selectOption({ label })

describe('conversation actions', () => {
  it('close keeps it under “All closed”, reopen brings it back, delete asks first and then deletes', async () => {
    const { page } = await stack().open()
    await signIn(page, 'Dana Whitfield', '/messaging')
    await stack().text('+14155550111', 'Thanks, all sorted!')
    const list = page.getByRole('listbox', { name: 'Conversations' })
    const row = list.getByRole('option', { name: /\(415\) 555-0111/ })
    await row.click()

    await act(page, 'Close conversation')
    await expect.poll(() => row.count()).toBe(0)
    await filter(page, 'Status', 'All closed')
    await row.waitFor()
    await row.click()
    await act(page, 'Reopen conversation')
    await expect.poll(() => row.count()).toBe(0)
    await filter(page, 'Status', 'All open')
    await row.waitFor()

    await act(page, 'Delete conversation')
    const confirm = page.getByRole('alertdialog', { name: 'Delete this conversation?' })
    await expectNoAxeViolations(page, 'the delete confirmation')
    await shoot(page, 'delete-confirmation')
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    await expect.poll(() => confirm.count()).toBe(0)
    expect(await row.count()).toBe(1)
    await act(page, 'Delete conversation')
    await confirm.getByRole('button', { name: 'Delete for good' }).click()
    await expect.poll(() => row.count()).toBe(0)
    await filter(page, 'Status', 'All messages')
    await list.getByRole('option').first().waitFor()
    expect(await row.count()).toBe(0)
  })

  it('assign to a member and move to an inbox, each filter finds it; block locks it and the server refuses', async () => {
    const { page } = await stack().open()
    await signIn(page, 'Dana Whitfield', '/messaging')
    await stack().text('+14155550122', 'Can someone call me about the invoice?')
    const list = page.getByRole('listbox', { name: 'Conversations' })
    const row = list.getByRole('option', { name: /\(415\) 555-0122/ })
    await row.click()

    await act(page, 'Assign to', 'Marcus Bell')
    await filter(page, 'Assignment', 'Unassigned')
    await expect.poll(() => row.count()).toBe(0)
    await filter(page, 'Assignment', 'Everyone')
    await row.waitFor()

    await act(page, 'Move to inbox', 'Billing')
    await filter(page, 'Inbox', 'Surgery')
    await expect.poll(() => row.count()).toBe(0)
    await filter(page, 'Inbox', 'Billing')
    await row.waitFor()
    await filter(page, 'Inbox', 'All inboxes')

    // Search by the digits of the number, and by a name.
    const search = page.getByRole('searchbox', { name: 'Search by name or phone' })
    await search.fill('555-0122')
    await expect.poll(() => list.getByRole('option').count()).toBe(1)
    await search.fill('Rosa')
    await expect
      .poll(async () => {
        const rows = await list.getByRole('option').allTextContents()
        return rows.length > 0 && rows.every((row) => row.includes('Rosa'))
      })
      .toBe(true)
    await search.fill('')
    // Leads only: every row says Lead; clients only: none does.
    await filter(page, 'Contact type', 'Leads')
    await expect
      .poll(async () => (await list.getByRole('option').allTextContents()).every((t) => t.includes('Lead')))
      .toBe(true)
    await filter(page, 'Contact type', 'Clients')
    await expect
      .poll(async () => (await list.getByRole('option').allTextContents()).some((t) => t.includes('Lead')))
      .toBe(false)
    await filter(page, 'Contact type', 'All contacts')

    await row.click()
    await act(page, 'Block contact')
    await page.getByRole('status').getByText('This contact is blocked. Unblock them to send messages.').waitFor()
    const refused = await sendAs(page, 'Are you there?')
    expect(refused).toMatchObject({ status: 409, code: 'recipient_blocked' })
    await shoot(page, 'assigned-moved-blocked')
  })
})

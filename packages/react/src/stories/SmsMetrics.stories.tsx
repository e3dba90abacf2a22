import type { Meta, StoryObj } from '@storybook/react-vite'
import type { MockBackend } from '@switchboard/mock'
import { expect, fireEvent, userEvent, within } from 'storybook/test'
import { SmsMetrics } from '../settings'

/** Monday 30 November 2026, 10:00 at the clinic. */
const now = () => new Date('2026-11-30T18:00:00Z')

const meta: Meta<typeof SmsMetrics> = {
  title: 'Reports/SmsMetrics',
  component: SmsMetrics,
  parameters: { height: 'auto', backend: { realtime: false, seed: { seed: 7, conversations: 120 } } },
  args: { now },
}
export default meta
type Story = StoryObj<typeof SmsMetrics>

/** The last 30 days of a busy clinic: totals, the chart, by origin, failure reasons. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement)
    await expect(await page.findByRole('img', { name: /Texts sent and received per day, 30 days/ })).toBeVisible()
    await expect(page.getByRole('table', { name: 'Sent by origin' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Export CSV' })).toBeEnabled()
  },
}

/** A quiet period: every day at zero. */
export const Empty: Story = {
  parameters: { backend: { realtime: false, seed: { seed: 7, conversations: 0 } } },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement)
    await expect(await page.findByText('No failures.')).toBeVisible()
  },
}

/** Invalid input: a custom period that ends before it starts. */
export const InvalidPeriod: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement)
    await page.findByRole('img', { name: /per day/ })
    await userEvent.selectOptions(page.getByLabelText('Period'), 'Custom dates')
    await expect(page.getByLabelText('From')).toHaveValue('2026-11-01')
    fireEvent.change(page.getByLabelText('To'), { target: { value: '2026-10-01' } })
    await expect(await page.findByRole('alert')).toHaveTextContent('The last day must not be before the first.')
  },
}

/** The server refuses: the reason and a retry. */
export const ServerRefusal: Story = {
  parameters: {
    backend: {
      realtime: false,
      setup: (b: MockBackend) => b.failNext({ method: 'GET', path: '/metrics', status: 404, times: 5 }),
    },
  },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement)
    await expect(await page.findByRole('alert', {}, { timeout: 5000 })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible()
  },
}

/** A staff member without access to the SMS inbox. */
export const NoPermission: Story = {
  parameters: { backend: { realtime: false, token: 'tok_usr_sam' } },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement)
    await expect(await page.findByRole('alert', {}, { timeout: 5000 })).toBeVisible()
  },
}

/** In Spanish (the toolbar's Language): strings, dates and numbers. */
export const Spanish: Story = {
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement)
    await expect(await page.findByRole('img', { name: /Mensajes enviados y recibidos por día, 30 días/ })).toBeVisible()
    await expect(page.getByText('1 nov – 30 nov')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Exportar CSV' })).toBeEnabled()
  },
}

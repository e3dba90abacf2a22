// Screenshots of stories from the static Storybook (npm run build-storybook first), into docs/screenshots.
// Usage: node scripts/screenshots.mjs [story-id:theme[:width] ...]
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { chromium } from 'playwright-core'
import { chromiumArgs, chromiumPath } from './chromium.mjs'

const root = 'storybook-static'
if (!existsSync(join(root, 'iframe.html'))) throw new Error('Build Storybook first: npm run build-storybook')
const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
}
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
  let file = join(root, path)
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html')
  if (!existsSync(file)) {
    res.writeHead(404).end()
    return
  }
  res.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'service-worker-allowed': '/',
  })
  createReadStream(file).pipe(res)
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const { port } = server.address()

const shots = process.argv.slice(2).length
  ? process.argv.slice(2)
  : [
      'inbox-inbox--default:light',
      'inbox-inbox--dark:dark',
      'inbox-inbox--vendor-brand:brand',
      'inbox-inbox--failed-messages:light',
      'inbox-inbox--default:light:390',
    ]
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
mkdirSync('docs/screenshots', { recursive: true })
for (const shot of shots) {
  const [id, theme = 'light', width = '1280'] = shot.split(':')
  const page = await browser.newPage({ viewport: { width: Number(width), height: 760 }, deviceScaleFactor: 1 })
  page.on('pageerror', (error) => console.error(`${id}: ${error.message}`))
  await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${id}&viewMode=story&globals=theme:${theme}`)
  await page.waitForSelector(
    '[role="listbox"], [role="log"], [role="alert"], [role="dialog"], .sb-client, .sb-message, .sb-badge, .sb-settings__section form, .sb-settings__list, .sb-metrics__totals',
    {
      timeout: 20_000,
      state: 'attached',
    },
  )
  // A dialog's story plays its steps (typing, picking): give them time to finish.
  await page.waitForTimeout(1500)
  const dialog = id.includes('dialog') || (await page.locator('[role="dialog"]').count()) > 0
  if (dialog) await page.waitForTimeout(2000)
  if (
    !dialog &&
    !id.includes('sheet') &&
    Number(width) >= 768 &&
    (await page.locator('[role="log"]').count()) === 0 &&
    (await page.locator('[role="option"]').count()) > 1
  ) {
    await page.locator('[role="option"]').nth(1).click()
    await page.waitForSelector('[role="log"] .sb-message', { timeout: 10_000 })
  }
  await page.waitForTimeout(600)
  const file = `docs/screenshots/${id.replace('inbox-inbox--', 'inbox-')}-${theme}${width === '1280' ? '' : `-${width}`}.png`
  // Settings and reports pages are long: the whole page.
  const page_ = id.startsWith('settings-') || id.startsWith('reports-')
  await page.screenshot({ path: file, fullPage: page_ && !dialog })
  console.log(file)
  await page.close()
}
await browser.close()
server.close()

// Makes sure a Chromium is here for the browser tests (npm test runs this first): finds one
// (CHROMIUM_PATH, the system's, Playwright's downloads) or installs one, saying what it does.
// Skipped when both browser parts are: SKIP_STORIES=1 (story tests) and SKIP_E2E=1 (end to end).
import { ensureChromium } from './chromium.mjs'

if (process.env.SKIP_STORIES === '1' && process.env.SKIP_E2E === '1') process.exit(0)
try {
  const { path, source } = ensureChromium()
  console.log(`Chromium for the browser tests: ${path} (${source})`)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}

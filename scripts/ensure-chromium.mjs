// Makes sure a Chromium is here for the story tests (npm test runs this first): finds one
// (CHROMIUM_PATH, the system's, Playwright's downloads) or installs one, saying what it does.
// SKIP_STORIES=1 skips it, as it skips the story tests.
import { ensureChromium } from './chromium.mjs'

if (process.env.SKIP_STORIES === '1') process.exit(0)
try {
  const { path, source } = ensureChromium()
  console.log(`Chromium for the story tests: ${path} (${source})`)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}

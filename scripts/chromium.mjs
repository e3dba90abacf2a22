// Where Debian's Chromium is and how to start it here (no sandbox as root, no network chatter).
// Shared by the story tests (vitest.config.ts) and the screenshot script.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

// Finding a Chromium for the story tests, the benchmark and the screenshots, and installing one
// where none is found (`node scripts/ensure-chromium.mjs`, which `npm test` runs first).
// The rules are plain functions of what they look at (environment, platform, files), so they are
// tested without touching the machine; `findChromium()` and `ensureChromium()` apply them here.
import { spawnSync } from 'node:child_process'
import { accessSync, constants, readdirSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** How the tests start it: headless, no sandbox (CI runs as root), no network chatter. */
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

/** The browsers installed with the system, by platform, in the order they are tried. */
const SYSTEM = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
}

/** Inside a Playwright browser folder (`chromium-1255`, `chromium_headless_shell-1255`), where the executable is. */
const PLAYWRIGHT_EXECUTABLES = {
  linux: [
    ['chrome-linux64', 'chrome'],
    ['chrome-linux-arm64', 'chrome'],
    ['chrome-linux', 'chrome'],
    ['chrome-headless-shell-linux64', 'chrome-headless-shell'],
    ['chrome-headless-shell-linux-arm64', 'chrome-headless-shell'],
    ['chrome-linux', 'headless_shell'],
  ],
  darwin: [
    ['chrome-mac-arm64', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'],
    ['chrome-mac-x64', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'],
    ['chrome-headless-shell-mac-arm64', 'chrome-headless-shell'],
    ['chrome-headless-shell-mac-x64', 'chrome-headless-shell'],
  ],
  win32: [
    ['chrome-win64', 'chrome.exe'],
    ['chrome-headless-shell-win64', 'chrome-headless-shell.exe'],
  ],
}

/** Where Playwright keeps the browsers it downloads (its own rule: PLAYWRIGHT_BROWSERS_PATH, else the cache). */
export function playwrightCache({ env, platform, home }) {
  if (env.PLAYWRIGHT_BROWSERS_PATH && env.PLAYWRIGHT_BROWSERS_PATH !== '0') return env.PLAYWRIGHT_BROWSERS_PATH
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'ms-playwright')
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'ms-playwright')
  return join(env.XDG_CACHE_HOME ?? join(home, '.cache'), 'ms-playwright')
}

/**
 * Every place a Chromium may be, in the order looked at: `CHROMIUM_PATH`, the system's browser,
 * then Playwright's downloads (newest revision first, the full browser before the headless shell).
 * `list(dir)` names a folder's entries ([] when there is none).
 */
export function chromiumCandidates({ env, platform, home, list }) {
  if (env.CHROMIUM_PATH) return [{ path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' }]
  const found = (SYSTEM[platform] ?? []).map((path) => ({ path, source: 'the system' }))
  const cache = playwrightCache({ env, platform, home })
  const revision = (name) => Number(name.slice(name.lastIndexOf('-') + 1)) || 0
  const folders = list(cache)
    .filter((name) => /^chromium(_headless_shell)?-\d+$/.test(name))
    .sort((a, b) => revision(b) - revision(a) || (a.startsWith('chromium_headless') ? 1 : -1))
  for (const folder of folders) {
    for (const parts of PLAYWRIGHT_EXECUTABLES[platform] ?? []) {
      found.push({ path: join(cache, folder, ...parts), source: "Playwright's downloads" })
    }
  }
  return found
}

/**
 * How to install a Chromium here, as steps tried in order until one gives a browser: as root on
 * Debian or Ubuntu, the distribution's package; elsewhere (or if that fails) Playwright's
 * installer, into its cache. `osRelease` is the text of /etc/os-release ('' when absent); `node`
 * and `playwrightCli` run that installer.
 */
export function installPlan({ platform, isRoot, osRelease, hasAptGet, node, playwrightCli }) {
  const field = (name) => osRelease.match(new RegExp(`^${name}="?([^"\\n]*)"?$`, 'm'))?.[1] ?? ''
  const id = field('ID')
  const debianLike = id === 'debian' || id === 'ubuntu' || field('ID_LIKE').split(' ').includes('debian')
  const apt = platform === 'linux' && isRoot && hasAptGet && debianLike
  const playwright = {
    say: "Installing Chromium with Playwright's installer (into its cache)…",
    command: node,
    // As root on Debian or Ubuntu it can install the libraries the browser needs too.
    args: [playwrightCli, 'install', ...(apt ? ['--with-deps'] : []), 'chromium'],
  }
  if (!apt) return [playwright]
  const name = id === 'ubuntu' ? 'chromium-browser' : 'chromium'
  return [
    { say: 'Updating the package lists (apt-get update)…', command: 'apt-get', args: ['update', '-qq'] },
    {
      say: `Installing ${id === 'ubuntu' ? "Ubuntu's" : "Debian's"} ${name} package (apt-get install, as root)…`,
      command: 'apt-get',
      args: ['install', '-y', '-qq', name, 'fonts-noto-color-emoji'],
      env: { DEBIAN_FRONTEND: 'noninteractive' },
    },
    playwright,
  ]
}

/** Whether `path` is a file this process may run. */
export const isExecutable = (path) => {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}
const here = () => ({
  env: process.env,
  platform: process.platform,
  home: homedir(),
  list: (dir) => {
    try {
      return readdirSync(dir)
    } catch {
      return []
    }
  },
})

/**
 * The Chromium this machine has, and where it was found; null when there is none. A
 * `CHROMIUM_PATH` that is not an executable is an error: it was asked for.
 */
export function findChromium(where = here(), exists = isExecutable) {
  const candidates = chromiumCandidates(where)
  const found = candidates.find((c) => exists(c.path))
  if (!found && where.env.CHROMIUM_PATH) {
    throw new Error(`CHROMIUM_PATH is ${where.env.CHROMIUM_PATH}, which is not an executable Chromium.`)
  }
  return found ?? null
}

/** The installation steps for this machine ({@link installPlan} of what it is). */
function planHere() {
  let osRelease = ''
  try {
    osRelease = readFileSync('/etc/os-release', 'utf8')
  } catch {
    // not Linux, or a minimal one
  }
  return installPlan({
    platform: process.platform,
    isRoot: process.getuid?.() === 0,
    osRelease,
    hasAptGet: spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0,
    node: process.execPath,
    // playwright-core's own command line (its `bin`), next to its package.json.
    playwrightCli: join(dirname(fileURLToPath(import.meta.resolve('playwright-core/package.json'))), 'cli.js'),
  })
}

/** Runs a step in this terminal; resolves to whether it succeeded. */
function runHere(step) {
  const run = spawnSync(step.command, step.args, { stdio: 'inherit', env: { ...process.env, ...step.env } })
  return run.status === 0
}

/**
 * Finds Chromium, or installs it step by step ({@link installPlan}) until one is found, saying
 * what it does; returns where it is, or throws saying what to do. The defaults act on this machine.
 */
export function ensureChromium({ log = console.log, find = findChromium, plan = planHere, run = runHere } = {}) {
  const found = find()
  if (found) return found
  log("No Chromium found (looked at CHROMIUM_PATH, the system's browser and Playwright's downloads).")
  for (const step of plan()) {
    log(step.say)
    if (!run(step)) log(`  ${[step.command, ...step.args].join(' ')} failed; trying the next way.`)
    const now = find()
    if (now) return now
  }
  throw new Error(
    'Chromium could not be installed. Install Chromium or Chrome, or set CHROMIUM_PATH to one (SKIP_STORIES=1 runs the tests without the story tests).',
  )
}

/** Where the bench and the screenshots start Chromium (found, or the Debian path as a last resort for the message). */
export const chromiumPath = (() => {
  try {
    return findChromium()?.path ?? '/usr/bin/chromium'
  } catch {
    return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  }
})()

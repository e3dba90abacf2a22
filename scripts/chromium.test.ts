import { describe, expect, it } from 'vitest'
import {
  type ChromiumWhere,
  chromiumCandidates,
  ensureChromium,
  type FoundChromium,
  findChromium,
  installPlan,
  playwrightCache,
} from './chromium.mjs'

const linux = (env: Record<string, string> = {}, folders: string[] = []): ChromiumWhere => ({
  env,
  platform: 'linux',
  home: '/home/ana',
  list: (dir) => (dir === '/home/ana/.cache/ms-playwright' ? folders : []),
})
const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n'
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n'
const plan = (options: { platform?: string; isRoot?: boolean; osRelease?: string; hasAptGet?: boolean }) =>
  installPlan({
    platform: 'linux',
    isRoot: true,
    osRelease: DEBIAN,
    hasAptGet: true,
    node: '/usr/bin/node',
    playwrightCli: '/repo/node_modules/playwright-core/cli.js',
    ...options,
  })

describe('finding Chromium', () => {
  it('takes CHROMIUM_PATH first, and only it: one that is not there is an error, not a silent other browser', () => {
    const where = linux({ CHROMIUM_PATH: '/opt/chrome/chrome' })
    expect(findChromium(where, (p) => p === '/opt/chrome/chrome')).toEqual({
      path: '/opt/chrome/chrome',
      source: 'CHROMIUM_PATH',
    })
    expect(() => findChromium(where, (p) => p === '/usr/bin/chromium')).toThrow(
      'CHROMIUM_PATH is /opt/chrome/chrome, which is not an executable Chromium.',
    )
  })

  it("then the system's browser, then Playwright's downloads, newest first and the full browser before the shell", () => {
    const where = linux({}, ['chromium_headless_shell-1255', 'chromium-1200', 'firefox-1572', 'chromium-1255'])
    const paths = chromiumCandidates(where).map((c) => c.path)
    expect(paths.slice(0, 2)).toEqual(['/usr/bin/chromium', '/usr/bin/chromium-browser'])
    const downloads = paths.filter((p) => p.includes('ms-playwright'))
    expect(downloads[0]).toBe('/home/ana/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome')
    expect(downloads.findIndex((p) => p.includes('chromium_headless_shell-1255'))).toBeLessThan(
      downloads.findIndex((p) => p.includes('chromium-1200')),
    )
    expect(downloads.some((p) => p.includes('firefox'))).toBe(false)
    const shell =
      '/home/ana/.cache/ms-playwright/chromium_headless_shell-1255/chrome-headless-shell-linux64/chrome-headless-shell'
    expect(findChromium(where, (p) => p === shell)).toEqual({ path: shell, source: "Playwright's downloads" })
    expect(findChromium(where, () => false)).toBeNull()
  })

  it("knows where Playwright keeps its downloads on each platform, and PLAYWRIGHT_BROWSERS_PATH's override", () => {
    expect(playwrightCache({ env: {}, platform: 'linux', home: '/home/ana' })).toBe('/home/ana/.cache/ms-playwright')
    expect(playwrightCache({ env: { XDG_CACHE_HOME: '/cache' }, platform: 'linux', home: '/home/ana' })).toBe(
      '/cache/ms-playwright',
    )
    expect(playwrightCache({ env: {}, platform: 'darwin', home: '/Users/ana' })).toBe(
      '/Users/ana/Library/Caches/ms-playwright',
    )
    expect(playwrightCache({ env: { PLAYWRIGHT_BROWSERS_PATH: '/browsers' }, platform: 'linux', home: '/h' })).toBe(
      '/browsers',
    )
    const mac: ChromiumWhere = { env: {}, platform: 'darwin', home: '/Users/ana', list: () => [] }
    expect(chromiumCandidates(mac)[0]?.path).toBe('/Applications/Chromium.app/Contents/MacOS/Chromium')
  })
})

describe('installing Chromium where there is none', () => {
  it("as root on Debian: the distribution's package (emoji font with it), then Playwright's installer if that fails", () => {
    const steps = plan({})
    expect(steps.map((s) => [s.command, ...s.args].join(' '))).toEqual([
      'apt-get update -qq',
      'apt-get install -y -qq chromium fonts-noto-color-emoji',
      '/usr/bin/node /repo/node_modules/playwright-core/cli.js install --with-deps chromium',
    ])
    expect(steps[1]?.say).toBe("Installing Debian's chromium package (apt-get install, as root)…")
    expect(steps[1]?.env).toEqual({ DEBIAN_FRONTEND: 'noninteractive' })
  })

  it("on Ubuntu, its chromium-browser package; a Debian derivative (ID_LIKE) uses Debian's name", () => {
    expect(plan({ osRelease: UBUNTU })[1]?.args).toContain('chromium-browser')
    expect(plan({ osRelease: 'ID=raspbian\nID_LIKE=debian\n' })[1]?.args).toContain('chromium')
  })

  it("elsewhere, Playwright's installer alone: not root, no apt-get, another distribution, macOS", () => {
    const playwrightOnly = ['/usr/bin/node /repo/node_modules/playwright-core/cli.js install chromium']
    const commands = (steps: ReturnType<typeof plan>) => steps.map((s) => [s.command, ...s.args].join(' '))
    expect(commands(plan({ isRoot: false }))).toEqual(playwrightOnly)
    expect(commands(plan({ hasAptGet: false }))).toEqual(playwrightOnly)
    expect(commands(plan({ osRelease: 'ID=fedora\n' }))).toEqual(playwrightOnly)
    expect(commands(plan({ platform: 'darwin', osRelease: '' }))).toEqual(playwrightOnly)
  })
})

describe('ensureChromium', () => {
  it('says what it does, runs the steps until a browser is found, and stops there', () => {
    const lines: string[] = []
    const ran: string[] = []
    let installed: FoundChromium | null = null
    const found = ensureChromium({
      log: (line) => lines.push(line),
      find: () => installed,
      plan: () => plan({}),
      run: (step) => {
        ran.push(step.args[0] ?? '')
        if (step.args[0] === 'install') installed = { path: '/usr/bin/chromium', source: 'the system' }
        return step.args[0] !== 'update' // the lists could not be updated: go on
      },
    })
    expect(found).toEqual({ path: '/usr/bin/chromium', source: 'the system' })
    expect(ran).toEqual(['update', 'install'])
    expect(lines).toEqual([
      "No Chromium found (looked at CHROMIUM_PATH, the system's browser and Playwright's downloads).",
      'Updating the package lists (apt-get update)…',
      '  apt-get update -qq failed; trying the next way.',
      "Installing Debian's chromium package (apt-get install, as root)…",
    ])
  })

  it('installs nothing when one is there, and says what to do when no way works', () => {
    const here: FoundChromium = { path: '/snap/bin/chromium', source: 'the system' }
    expect(ensureChromium({ find: () => here, run: () => expect.fail('nothing to install') })).toBe(here)
    expect(() =>
      ensureChromium({ log: () => undefined, find: () => null, plan: () => plan({ isRoot: false }), run: () => false }),
    ).toThrow('Chromium could not be installed. Install Chromium or Chrome, or set CHROMIUM_PATH')
  })
})

/** Where a Chromium was found, and how it was found. */
export interface FoundChromium {
  path: string
  source: 'CHROMIUM_PATH' | 'the system' | "Playwright's downloads"
}
/** What the rules look at: the environment, the platform, the home folder, a folder's entries. */
export interface ChromiumWhere {
  env: Record<string, string | undefined>
  platform: string
  home: string
  list(dir: string): string[]
}
/** One step of an installation: what it says, then the command it runs. */
export interface InstallStep {
  say: string
  command: string
  args: string[]
  env?: Record<string, string>
}
export declare const isExecutable: (path: string) => boolean
export declare const chromiumArgs: string[]
export declare const chromiumPath: string
export declare function playwrightCache(where: Omit<ChromiumWhere, 'list'>): string
export declare function chromiumCandidates(where: ChromiumWhere): FoundChromium[]
export declare function installPlan(options: {
  platform: string
  isRoot: boolean
  osRelease: string
  hasAptGet: boolean
  node: string
  playwrightCli: string
}): InstallStep[]
export declare function findChromium(where?: ChromiumWhere, exists?: (path: string) => boolean): FoundChromium | null
export declare function ensureChromium(options?: {
  log?: (line: string) => void
  find?: () => FoundChromium | null
  plan?: () => InstallStep[]
  run?: (step: InstallStep) => boolean
}): FoundChromium

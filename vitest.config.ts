import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import { configDefaults, defineConfig } from 'vitest/config'
import { chromiumArgs, findChromium } from './scripts/chromium.mjs'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const src = (pkg: string) => here(`./packages/${pkg}/src/index.ts`)

/** One vitest project per package; packages import each other's sources, not their builds. */
const pkg = (name: string, environment: 'node' | 'jsdom' = 'node', setupFiles: string[] = []) => ({
  extends: true as const,
  test: {
    name,
    environment,
    setupFiles,
    // Test files share their worker's module graph (each file still makes its own servers,
    // storages, clients and clocks, and Testing Library unmounts after each test): importing the
    // packages once per worker, not once per file, took the node projects from 175 s to 113 s
    // and the jsdom one from 168 s to 66 s on two cores.
    isolate: false,
    include: [`packages/${name}/src/**/*.test.{ts,tsx}`],
    // The server's scale-out tests (PostgreSQL, Redis, several instances) are a project of their own.
    exclude: [...configDefaults.exclude, 'packages/server/src/__tests__/scale/**'],
    // A staff member's whole flow (open, search, type, save) through the mock server in jsdom
    // takes 1–2 s alone and past 5 s when two cores run every project at once. The timeout
    // guards against a hang; speed is measured by the benchmarks.
    ...(environment === 'jsdom' ? { testTimeout: 20_000 } : {}),
  },
})

/** The Chromium the story tests run in: CHROMIUM_PATH, the system's, or Playwright's (scripts/chromium.mjs). */
const withStories = process.env.SKIP_STORIES !== '1'
const found = withStories ? findChromium() : null
if (withStories && !found) {
  throw new Error(
    'Story tests need Chromium and none was found: `node scripts/ensure-chromium.mjs` installs one (npm test runs it first), or set CHROMIUM_PATH (SKIP_STORIES=1 skips story tests).',
  )
}
const chromium = found?.path

export default defineConfig({
  resolve: {
    alias: {
      '@switchboard/protocol': src('protocol'),
      '@switchboard/service/testing': here('./packages/service/src/testing.ts'),
      '@switchboard/service/http': here('./packages/service/src/http.ts'),
      '@switchboard/service': src('service'),
      '@switchboard/mock': src('mock'),
      '@switchboard/core/testing': here('./packages/core/src/testing.ts'),
      '@switchboard/core': src('core'),
      '@switchboard/react/settings': here('./packages/react/src/settings.ts'),
      '@switchboard/react/locales/es': here('./packages/react/src/locales/es.ts'),
      '@switchboard/react': src('react'),
      '@switchboard/server': src('server'),
    },
  },
  test: {
    projects: [
      pkg('protocol'),
      pkg('service'),
      pkg('mock'),
      pkg('core'),
      pkg('server'),
      {
        extends: true as const,
        test: { name: 'scripts', environment: 'node' as const, include: ['scripts/**/*.test.ts'] },
      },
      pkg('react', 'jsdom', ['packages/react/src/__tests__/setup.ts']),
      // The reference server past one machine: real PostgreSQL and Redis servers the tests start
      // on 127.0.0.1 (scripts/ensure-services.mjs installs them). `npm run test:scale` runs them
      // (SCALE_TESTS=1), beside `npm test` in CI: together they would pass npm test's 10 minutes.
      ...(process.env.SCALE_TESTS !== '1'
        ? []
        : [
            {
              extends: true as const,
              test: {
                name: 'scale',
                environment: 'node' as const,
                isolate: false,
                include: ['packages/server/src/__tests__/scale/**/*.test.ts'],
                hookTimeout: 60_000,
                testTimeout: 60_000,
              },
            },
          ]),
      // The example PMS app against the reference server, in Chromium: every workflow end to end
      // (SKIP_E2E=1 leaves them out).
      ...(process.env.SKIP_E2E === '1'
        ? []
        : [
            {
              extends: true as const,
              test: {
                name: 'e2e',
                environment: 'node' as const,
                include: ['examples/pms-demo/e2e/**/*.test.ts'],
                testTimeout: 60_000,
                hookTimeout: 60_000,
              },
            },
          ]),
      ...(withStories
        ? [
            {
              extends: true as const,
              plugins: [storybookTest({ configDir: here('./.storybook') })],
              // Found only when protocol's first schema loads: discovered mid-run, Vite would
              // reload the page under the running stories.
              optimizeDeps: { include: ['zod/v4/core'] },
              test: {
                name: 'storybook',
                // Story files run in one page, as the stories do in Storybook (each story still
                // renders with a fresh mock backend and client): 226 s to 113 s on two cores.
                isolate: false,
                browser: {
                  enabled: true,
                  headless: true,
                  provider: playwright({
                    launchOptions: {
                      executablePath: chromium,
                      args: chromiumArgs,
                    },
                  }),
                  instances: [{ browser: 'chromium' as const }],
                },
              },
            },
          ]
        : []),
    ],
  },
})

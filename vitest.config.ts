import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url))

/** One vitest project per package; packages import each other's sources, not their builds. */
const pkg = (name: string, environment: 'node' | 'jsdom' = 'node', setupFiles: string[] = []) => ({
  extends: true as const,
  test: { name, environment, setupFiles, include: [`packages/${name}/src/**/*.test.{ts,tsx}`] },
})

export default defineConfig({
  resolve: {
    alias: {
      '@switchboard/protocol': src('protocol'),
      '@switchboard/service': src('service'),
      '@switchboard/mock': src('mock'),
      '@switchboard/core/testing': fileURLToPath(new URL('./packages/core/src/testing.ts', import.meta.url)),
      '@switchboard/core': src('core'),
      '@switchboard/react': src('react'),
    },
  },
  test: {
    projects: [
      pkg('protocol'),
      pkg('service'),
      pkg('mock'),
      pkg('core'),
      pkg('react', 'jsdom', ['packages/react/src/__tests__/setup.ts']),
    ],
  },
})

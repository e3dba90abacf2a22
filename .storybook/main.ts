import { fileURLToPath } from 'node:url'
import type { StorybookConfig } from '@storybook/react-vite'

const src = (pkg: string, file = 'index.ts') =>
  fileURLToPath(new URL(`../packages/${pkg}/src/${file}`, import.meta.url))

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  // The docs/ pages (getting started, embedding, theming, transports, the server) beside the stories.
  stories: ['../packages/react/src/stories/docs/*.mdx', '../packages/react/src/**/*.stories.tsx'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  staticDirs: ['./public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    // Stories run on the packages' sources, like the tests: no build needed.
    viteConfig.resolve ??= {}
    viteConfig.resolve.alias = [
      { find: '@switchboard/core/testing', replacement: src('core', 'testing.ts') },
      { find: '@switchboard/service/http', replacement: src('service', 'http.ts') },
      { find: '@switchboard/react/settings', replacement: src('react', 'settings.ts') },
      { find: '@switchboard/react/locales/es', replacement: src('react', 'locales/es.ts') },
      ...['protocol', 'service', 'mock', 'core', 'react'].map((pkg) => ({
        find: `@switchboard/${pkg}`,
        replacement: src(pkg),
      })),
      ...(Array.isArray(viteConfig.resolve.alias) ? viteConfig.resolve.alias : []),
    ]
    // protocol's compiledObject imports zod's core directly: optimised up front, not discovered
    // mid-run (Vite would reload the page under the running story tests).
    viteConfig.optimizeDeps ??= {}
    viteConfig.optimizeDeps.include = [...(viteConfig.optimizeDeps.include ?? []), 'zod/v4/core']
    return viteConfig
  },
}
export default config

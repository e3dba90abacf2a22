import type { Options } from 'tsup'
import base from '../../tsup.config.base'

// Three entries: the inbox, the settings pages (`/settings`) and the Spanish strings (`/locales/es`).
// Split in both formats, so the entries share one copy of the context and the components.
const config: Options = {
  ...(base as Options),
  entry: ['src/index.ts', 'src/settings.ts', 'src/locales/es.ts'],
  splitting: true,
  external: ['react', 'react-dom', 'react/jsx-runtime'],
}
export default config

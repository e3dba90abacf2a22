import type { Options } from 'tsup'
import base from '../../tsup.config.base'

const config: Options = {
  ...(base as Options),
  entry: ['src/index.ts', 'src/rules.ts', 'src/testing.ts', 'src/http.ts'],
  external: ['vitest', 'fast-check'],
}
export default config

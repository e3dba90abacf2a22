import type { Options } from 'tsup'
import base from '../../tsup.config.base'

const config: Options = { ...(base as Options), entry: ['src/index.ts', 'src/testing.ts'], external: ['vitest'] }
export default config

import type { Options } from 'tsup'
import base from '../../tsup.config.base'

const config: Options = { ...(base as Options), entry: ['src/index.ts', 'src/rules.ts'] }
export default config

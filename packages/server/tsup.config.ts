import type { Options } from 'tsup'
import base from '../../tsup.config.base'

const config: Options = { ...(base as Options), platform: 'node', entry: ['src/index.ts', 'src/main.ts'] }
export default config

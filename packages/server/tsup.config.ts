import type { Options } from 'tsup'
import base from '../../tsup.config.base'

const config: Options = { ...(base as Options), platform: 'node' }
export default config

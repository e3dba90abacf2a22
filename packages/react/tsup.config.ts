import type { Options } from 'tsup'
import base from '../../tsup.config.base'

const config: Options = { ...(base as Options), external: ['react', 'react-dom', 'react/jsx-runtime'] }
export default config

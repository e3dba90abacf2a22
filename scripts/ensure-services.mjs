// Makes sure PostgreSQL and Redis are here for the scale-out tests and the load bench
// (`npm run test:scale` and `npm run bench` run this first): finds them or installs Debian's
// packages, saying what it does.
import { ensureServices } from './services.mjs'

try {
  const { postgres, redis } = ensureServices()
  console.log(`PostgreSQL for the scale-out tests: ${postgres}; Redis: ${redis}`)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}

// Makes sure PostgreSQL and Redis are here for the scale-out tests (npm test runs this first):
// finds them or installs Debian's packages, saying what it does. SKIP_SERVICES=1 skips them.
import { ensureServices } from './services.mjs'

if (process.env.SKIP_SERVICES === '1') process.exit(0)
try {
  const { postgres, redis } = ensureServices()
  console.log(`PostgreSQL for the scale-out tests: ${postgres}; Redis: ${redis}`)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}

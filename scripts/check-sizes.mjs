// The size check of `npm test` (after the build): fails when a package or the inbox page weighs
// more than its budget (scripts/sizes.mjs). Sizes are deterministic; timings stay in the bench.
import { measureBudgets } from './sizes.mjs'

let over = 0
for (const r of await measureBudgets()) {
  const ok = r.gzip <= r.budget
  if (!ok) over += 1
  const goal = r.goal ? (r.gzip <= r.goal ? `, goal ${r.goal} kB met` : `, goal ${r.goal} kB not met yet`) : ''
  console.log(`${ok ? '✓' : '✗'} ${r.name}: ${r.gzip.toFixed(1)} kB gzip (budget ${r.budget} kB${goal})`)
}
if (over) {
  console.error(`\n${over} size budget(s) exceeded: find what grew with the bench's sizes (npm run bench).`)
  process.exit(1)
}

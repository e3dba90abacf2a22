/**
 * The list's keyboard model as pure functions (WAI-ARIA listbox): where a key moves the active
 * row, and which row a typed prefix finds.
 */

/** How long a pause ends a typeahead word (ms), as in the platform's own lists. */
export const TYPEAHEAD_RESET_MS = 700

/**
 * The index a navigation key moves to from `index` in a list of `count` rows with `page` rows in
 * view: ↑ ↓ one row, PageUp PageDown one view, Home End the ends; `null` for any other key.
 */
export function navigationTarget(key: string, index: number, count: number, page: number): number | null {
  if (count === 0) return null
  const step = Math.max(1, page - 1)
  const moves: Record<string, number> = {
    ArrowDown: index + 1,
    ArrowUp: index - 1,
    PageDown: index + step,
    PageUp: index - step,
    Home: 0,
    End: count - 1,
  }
  const target = moves[key]
  return target === undefined ? null : Math.max(0, Math.min(count - 1, target))
}

/** Folds a name for prefix matching: case, accents and leading spaces do not count. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase().trimStart()

/** Row labels: an array, or anything with its `length` and `at` that makes each label when asked. */
export type Labels = Pick<readonly string[], 'length' | 'at'>

/**
 * The row whose label starts with `typed`, searching forward from `from` and wrapping around;
 * `null` when none. A repeated single letter ("mmm") cycles through the rows starting with it.
 * Labels are read one at a time up to the match: a lazy `labels` costs only the rows it passes.
 */
export function typeaheadMatch(labels: Labels, from: number, typed: string): number | null {
  const query = fold(typed)
  if (!query || labels.length === 0) return null
  const repeated = [...query].every((c) => c === query[0])
  const needle = repeated ? (query[0] as string) : query
  // A new or repeated letter moves on from the active row; a longer word may stay on it.
  const offset = repeated ? 1 : 0
  for (let i = 0; i < labels.length; i++) {
    const index = (from + offset + i) % labels.length
    if (fold(labels.at(index) ?? '').startsWith(needle)) return index
  }
  return null
}

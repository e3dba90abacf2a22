import { phoneDigits, searchTokens } from '@switchboard/protocol'
import { type RawBuilder, sql } from 'kysely'
import { type Db, DIGITS_END, PREFIX_END } from './rows'

/**
 * Past this many, a search is common enough that scanning the list in order fills a page at
 * once; below it, the few matches are looked up by index and sorted.
 */
export const CANDIDATE_LIMIT = 2000

/** How a search finds its candidates: `limit` above which it scans instead. */
export interface SearchPlan {
  db: Db
  clinicId: string
  limit: number
}

/** The distinct `pick` of the rows whose `column` is in [from, to), or null past `cap` of them. */
async function inRange(
  { db, clinicId }: SearchPlan,
  table: 'phone_suffixes' | 'client_words',
  pick: 'phone' | 'client_id',
  column: 'suffix' | 'word',
  from: string,
  cap: number,
): Promise<string[] | null> {
  const to = from + (column === 'suffix' ? DIGITS_END : PREFIX_END)
  const { rows } = await sql<{ value: string }>`select ${sql.ref(pick)} as value from ${sql.table(table)}
    where clinic_id = ${clinicId} and ${sql.ref(column)} >= ${from} and ${sql.ref(column)} < ${to}
    limit ${cap * 4}`.execute(db)
  const values = [...new Set(rows.map((r) => r.value))]
  return rows.length >= cap * 4 || values.length > cap ? null : values
}

/** The numbers whose digits contain `query`'s, or null when there are more than the plan's limit. */
export const phonesMatching = (plan: SearchPlan, query: string): Promise<string[] | null> =>
  inRange(plan, 'phone_suffixes', 'phone', 'suffix', phoneDigits(query), plan.limit)

/** How many clients per word a search reads to intersect words ("maria garcia": both common, together rare), in plan limits. */
const WORD_READ = 10
/** How many matching clients a client search lists and sorts by key before it walks the client order instead, in plan limits. */
export const CLIENT_CANDIDATES = 5

/**
 * The clients with a word starting with each of the query's words, or null when there are more
 * than `cap` (default: the plan's limit). Each word's clients are read from the word index (up
 * to ten times the limit; a word commoner than that is left to the per-client check) and
 * intersected, so two common words that are rare together still find their few clients.
 */
export async function clientsMatching(plan: SearchPlan, query: string, cap = plan.limit): Promise<string[] | null> {
  const tokens = [...searchTokens(query)].sort((a, b) => b.length - a.length)
  let found: string[] | null = null
  for (const token of tokens.length ? tokens : ['']) {
    const clients = await inRange(
      plan,
      'client_words',
      'client_id',
      'word',
      token,
      // One word is listed up to the cap; several are each read further, to intersect.
      tokens.length > 1 ? Math.max(cap, plan.limit * WORD_READ) : cap,
    )
    if (clients === null) continue
    const keep = new Set(clients)
    found = found === null ? clients : found.filter((id) => keep.has(id))
    if (found.length === 0) return []
  }
  return found !== null && found.length <= cap ? found : null
}

/** Whether the client in column `clientRef` has a word starting with `token` (one index range per client). */
export const hasWordStarting = (clinicId: string, clientRef: string, token: string): RawBuilder<boolean> =>
  sql<boolean>`exists (select 1 from client_words w where w.clinic_id = ${clinicId} and w.client_id = ${sql.ref(clientRef)} and w.word >= ${token} and w.word < ${token + PREFIX_END})`

/** Whether the number in column `phoneRef` contains `digits` (one index range per number). */
export const hasDigits = (clinicId: string, phoneRef: string, digits: string): RawBuilder<boolean> =>
  sql<boolean>`exists (select 1 from phone_suffixes s where s.clinic_id = ${clinicId} and s.phone = ${sql.ref(phoneRef)} and s.suffix >= ${digits} and s.suffix < ${digits + DIGITS_END})`
